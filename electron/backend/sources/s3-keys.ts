import { AppError } from '../../../shared/errors.js';

/**
 * Pure helpers for S3 keys: parse `s3://bucket/prefix`, recognise the two dated layouts audit logs arrive in, and
 * turn a time range into the day folders worth LISTing (a year of CloudTrail is ~100k keys per region; listing only
 * the needed days is what makes "pull last Tuesday" fast).
 *
 * Layouts (found, not guessed):
 * - CloudTrail: `[prefix/]AWSLogs/[<org-id>/]<account>/CloudTrail/<region>/YYYY/MM/DD/
 *   <account>_CloudTrail_<region>_YYYYMMDDTHHmmZ_<random>.json.gz`, where the folder date and the file-name time are
 *   the delivery time (UTC). Digest files live beside it in `.../CloudTrail-Digest/<region>/YYYY/MM/DD/` and are for
 *   integrity validation, never imported as events. Insights events use `.../CloudTrail-Insight/<region>/...`.
 * - GitHub audit-log streaming: `[prefix/]YYYY/MM/DD/HH/mm/<uuid>.json.log.gz` (UTC). GitHub's page "Streaming the
 *   audit log for your enterprise" writes `YYYY/MM/HH/MM/<uuid>.json.gz`, but github/docs PR #45787 (merged)
 *   corrects it from real streams: there is a day segment and the extension is `.json.log.gz`. We rely only on the
 *   leading `YYYY/MM/DD/` folders, so both readings list the same day prefixes.
 */

export interface S3Location {
  bucket: string;
  prefix: string;
}

/** `s3://bucket/some/prefix` -> { bucket, prefix }. The prefix is kept byte-exact (S3 keys are case-sensitive). */
export function parseS3Url(url: string): S3Location {
  const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/i.exec(url.trim());
  if (!m) throw new AppError('INVALID_INPUT', `not an S3 URL: ${url} (expected s3://bucket/prefix)`);
  const bucket = m[1];
  // Real bucket names are 3-63 of [a-z0-9.-]; S3-compatible stores allow a little more (uppercase, underscores).
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/.test(bucket)) {
    throw new AppError('INVALID_INPUT', `not a valid bucket name in ${url}: ${bucket}`);
  }
  return { bucket, prefix: m[2] ?? '' };
}

export function s3Url(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

export interface TimeRange {
  /** Inclusive lower bound, epoch ms, or null. */
  since: number | null;
  /** Exclusive upper bound, epoch ms, or null. */
  until: number | null;
}

const DAY_MS = 86_400_000;
/**
 * Objects are filed by delivery time, which trails the event time (CloudTrail: about 5 minutes on average, not
 * guaranteed). Keys up to this long after `until` are kept so events near the end of the range are not missed.
 */
export const DELIVERY_SLACK_MS = 60 * 60 * 1000;
/** More day folders than this per base and a single LIST of the whole prefix is cheaper. */
export const MAX_DAY_PREFIXES = 1000;

function parseInstant(value: string, label: string): { ms: number; dateOnly: boolean } {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
  const ms = Date.parse(dateOnly ? `${value.trim()}T00:00:00Z` : value.trim());
  if (Number.isNaN(ms)) throw new AppError('INVALID_INPUT', `${label} is not an ISO date or time: ${value}`);
  return { ms, dateOnly };
}

/** `--since 2026-01-03 --until 2026-01-04` covers both whole days: a date-only `until` means the end of that day. */
export function parseTimeRange(since?: string | null, until?: string | null): TimeRange {
  const s = since ? parseInstant(since, 'since').ms : null;
  let u: number | null = null;
  if (until) {
    const parsed = parseInstant(until, 'until');
    u = parsed.dateOnly ? parsed.ms + DAY_MS : parsed.ms;
  }
  if (s !== null && u !== null && s >= u) throw new AppError('INVALID_INPUT', `since (${since}) must be before until (${until})`);
  return { since: s, until: u };
}

/** Where a prefix sits in the known layouts; drives which child folders to discover before listing days. */
export type PrefixPosition =
  | { kind: 'awslogs'; folder: string }
  | { kind: 'org'; folder: string }
  | { kind: 'account'; folder: string }
  | { kind: 'service'; folder: string }
  /** `base` holds YYYY/ folders (a CloudTrail region folder or a GitHub stream root); the prefix is at or under it. */
  | { kind: 'dated'; base: string }
  /** Unknown folder (ends with '/' or is empty): look one level down for AWSLogs/ or YYYY/ children. */
  | { kind: 'folder'; folder: string }
  /** A partial key prefix outside any dated folder: list it as given. */
  | { kind: 'partial' };

export const ACCOUNT_RE = /^\d{12}$/;
export const ORG_RE = /^o-[a-z0-9]{10,32}$/;
export const TRAIL_SERVICES = new Set(['CloudTrail', 'CloudTrail-Insight']);
export const REGION_RE = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const YEAR_RE = /^(19|20)\d\d$/;
const DATE_PART_RES = [YEAR_RE, /^(0[1-9]|1[0-2])$/, /^(0[1-9]|[12]\d|3[01])$/, /^([01]\d|2[0-3])$/, /^[0-5]\d$/];

export function describePrefix(prefix: string): PrefixPosition {
  const parts = prefix.split('/');
  const complete = parts.slice(0, -1); // folders the prefix fully names; the last part is a partial name
  const at = complete.lastIndexOf('AWSLogs');
  if (at >= 0) {
    const rest = complete.slice(at + 1);
    const head = complete.slice(0, at + 1).join('/') + '/';
    let i = 0;
    if (rest.length > 0 && ORG_RE.test(rest[0])) i = 1;
    const folderOf = (n: number) => head + rest.slice(0, n).join('/') + (n > 0 ? '/' : '');
    if (rest.length === 0) return atFolder(prefix, { kind: 'awslogs', folder: head });
    if (rest.length === i) return atFolder(prefix, { kind: 'org', folder: folderOf(i) });
    if (!ACCOUNT_RE.test(rest[i])) return { kind: 'partial' };
    if (rest.length === i + 1) return atFolder(prefix, { kind: 'account', folder: folderOf(i + 1) });
    if (!TRAIL_SERVICES.has(rest[i + 1])) return { kind: 'partial' };
    if (rest.length === i + 2) return atFolder(prefix, { kind: 'service', folder: folderOf(i + 2) });
    return { kind: 'dated', base: folderOf(i + 3) };
  }
  // GitHub-style: the trailing complete folders are YYYY[/MM[/DD[/HH[/mm]]]].
  for (let start = 0; start < complete.length; start++) {
    const tail = complete.slice(start);
    if (tail.length <= DATE_PART_RES.length && tail.every((p, k) => DATE_PART_RES[k].test(p))) {
      return { kind: 'dated', base: complete.slice(0, start).join('/') + (start > 0 ? '/' : '') };
    }
  }
  return prefix === '' || prefix.endsWith('/') ? { kind: 'folder', folder: prefix } : { kind: 'partial' };
}

/** A structural position only counts when the prefix ends exactly at that folder; `AWSLogs/12` is a partial name. */
function atFolder(prefix: string, pos: PrefixPosition): PrefixPosition {
  return prefix === (pos as { folder: string }).folder ? pos : { kind: 'partial' };
}

export function isYearFolder(name: string): boolean {
  return YEAR_RE.test(name);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The `base/YYYY/MM/DD/` prefixes covering [since, until + slack), narrowed to what `prefix` allows (a prefix deeper
 * than a day, e.g. `.../2026/01/05/12/`, is listed as itself when its day is in range). Returns null when the range
 * is open-ended or spans more than MAX_DAY_PREFIXES days: the caller then lists the prefix whole.
 */
export function dayPrefixes(base: string, prefix: string, range: TimeRange): string[] | null {
  if (range.since === null || range.until === null) return null;
  const first = Math.floor(range.since / DAY_MS) * DAY_MS;
  const end = range.until + DELIVERY_SLACK_MS;
  if ((end - first) / DAY_MS > MAX_DAY_PREFIXES) return null;
  const out = new Set<string>();
  for (let day = first; day < end; day += DAY_MS) {
    const d = new Date(day);
    const folder = `${base}${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/`;
    if (folder.startsWith(prefix)) out.add(folder);
    else if (prefix.startsWith(folder)) out.add(prefix);
  }
  return [...out];
}

/**
 * The time span a key's name vouches for: CloudTrail's `_YYYYMMDDTHHmmZ_` (one minute), else the deepest
 * `YYYY/MM/DD[/HH[/mm]]/` folder run in the path. Null when the key carries no date (then it is always kept).
 */
export function keyTimeSpan(key: string): { start: number; end: number } | null {
  const ct = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z[_.]/.exec(key);
  if (ct) {
    const start = Date.UTC(+ct[1], +ct[2] - 1, +ct[3], +ct[4], +ct[5]);
    return { start, end: start + 60_000 };
  }
  const m = /(?:^|\/)((?:19|20)\d\d)\/(\d\d)\/(\d\d)\/(?:(\d\d)\/(?:(\d\d)\/)?)?/.exec(key);
  if (!m) return null;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  if (m[5] !== undefined) {
    const start = Date.UTC(y, mo - 1, d, +m[4], +m[5]);
    return { start, end: start + 60_000 };
  }
  if (m[4] !== undefined) {
    const start = Date.UTC(y, mo - 1, d, +m[4]);
    return { start, end: start + 3_600_000 };
  }
  const start = Date.UTC(y, mo - 1, d);
  return { start, end: start + DAY_MS };
}

/** Keeps keys whose dated name overlaps [since, until + slack); keys without a date are kept. */
export function keyInRange(key: string, range: TimeRange): boolean {
  if (range.since === null && range.until === null) return true;
  const span = keyTimeSpan(key);
  if (!span) return true;
  if (range.since !== null && span.end <= range.since) return false;
  if (range.until !== null && span.start >= range.until + DELIVERY_SLACK_MS) return false;
  return true;
}

/** Integrity-validation files: read by the digest verifier, never imported as events. */
export function isDigestKey(key: string): boolean {
  return /(^|\/)CloudTrail-Digest\//.test(key);
}

/** Folder markers (zero-byte `name/` objects some consoles create) hold no records. */
export function isFolderMarker(key: string, size: number): boolean {
  return key.endsWith('/') && size === 0;
}

/**
 * Glob to RegExp: `*` and `?` stay within one path segment, `**` crosses segments, `{a,b}` alternates. A pattern
 * without '/' is matched against the key's last segment (`*.json.gz`); with '/' against the whole key.
 */
export function globMatcher(pattern: string): (key: string) => boolean {
  let re = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      depth++;
      re += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      re += ')';
    } else if (c === ',' && depth > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  if (depth > 0) throw new AppError('INVALID_INPUT', `unbalanced '{' in key pattern: ${pattern}`);
  const compiled = new RegExp(`^${re}$`);
  const whole = pattern.includes('/');
  return (key) => compiled.test(whole ? key : key.slice(key.lastIndexOf('/') + 1));
}
