import type { IntegrityGap, S3ObjectRow } from '../../../shared/contract/integrity.js';
import type { DigestFinding, Verdict } from '../store/queries/s3-objects.js';
import type { DigestFile } from './cloudtrail-digest.js';
import { keyTimeSpan } from './s3-keys.js';

/**
 * Judges each imported log file against the digests of its account and region, and finds the hours in the digests'
 * span in which no log file was delivered at all, and log files a digest lists that are not in the case.
 */

const HOUR_MS = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** `AWSLogs/[o-id/]<acct>/CloudTrail/<region>/` or `.../CloudTrail-Digest/<region>/` -> `<prefix>|<acct>|<region>`. */
const REGION_FOLDER_RE = /^(.*?AWSLogs\/(?:o-[a-z0-9]+\/)?(\d{12})\/)CloudTrail(?:-Digest)?\/([^/]+)\//;

export interface RegionFolder {
  /** Identity shared by a log-file folder and its digest folder. */
  id: string;
  /** `<account>/<region>`, for messages and the gaps table. */
  label: string;
  region: string;
  logFolder: string;
  digestFolder: string;
}

export function regionFolderOf(key: string): RegionFolder | null {
  const m = REGION_FOLDER_RE.exec(key);
  if (!m) return null;
  return { id: `${m[1]}|${m[3]}`, label: `${m[2]}/${m[3]}`, region: m[3], logFolder: `${m[1]}CloudTrail/${m[3]}/`, digestFolder: `${m[1]}CloudTrail-Digest/${m[3]}/` };
}

export interface LogFileJudgement {
  verdicts: Verdict[];
  gaps: IntegrityGap[];
}

/**
 * `objects` (the ones to judge: delivered in the validated range) and `digests` belong to one region folder;
 * `inCase` holds every key of that folder in the case; `findings` are the digests' signature verdicts by key.
 */
export function judgeLogFiles(
  bucket: string,
  region: RegionFolder,
  objects: (S3ObjectRow & { id: number })[],
  inCase: ReadonlySet<string>,
  digests: DigestFile[],
  findings: Map<string, DigestFinding>,
): LogFileJudgement {
  const listed = new Map<string, { hash: string; digest: DigestFile }>();
  for (const d of digests) {
    // By key only: in a copy of the trail's bucket the digests still name the original bucket.
    for (const f of d.body.logFiles) listed.set(f.s3Object, { hash: f.hashValue.toLowerCase(), digest: d });
  }
  const covers = coverage(digests);
  const verdicts: Verdict[] = [];
  for (const o of objects) {
    const entry = listed.get(o.key);
    if (entry) {
      verdicts.push(judgeListed(o, entry.hash, entry.digest, findings.get(entry.digest.key)));
      continue;
    }
    const delivered = keyTimeSpan(o.key)?.start;
    if (delivered !== undefined && covers(delivered)) {
      verdicts.push({ id: o.id, integrity: 'missing-from-digest', digestKey: null,
        detail: `delivered ${iso(delivered)}, an hour the digests cover, but no digest lists it: CloudTrail did not deliver this file` });
    } else {
      verdicts.push({ id: o.id, integrity: 'unverified', digestKey: null, detail: 'no digest read covers the hour it was delivered in' });
    }
  }
  return { verdicts, gaps: [...missingHours(bucket, region, inCase, digests), ...notInCase(bucket, region, inCase, listed)] };
}

function judgeListed(o: S3ObjectRow & { id: number }, hash: string, digest: DigestFile, finding: DigestFinding | undefined): Verdict {
  const base = { id: o.id, digestKey: digest.key };
  if (!o.contentSha256) return { ...base, integrity: 'unverified', detail: 'its content could not be hashed (not valid gzip)' };
  if (o.contentSha256 !== hash) {
    return { ...base, integrity: 'mismatch', detail: `content SHA-256 ${o.contentSha256} differs from ${hash} in the digest: modified after delivery` };
  }
  if (finding?.signature === 'valid') return { ...base, integrity: 'verified', detail: null };
  const why = finding?.signature === 'invalid'
    ? `the digest's signature does NOT verify (${finding.detail ?? ''}): the digest cannot be trusted`
    : finding?.signature === 'unsigned' ? 'the digest carries no signature' : 'the digest signature was not checked (no public key)';
  return { ...base, integrity: 'unverified', detail: `hash matches the digest, but ${why}` };
}

/** Hours inside the digests' span in which neither the case nor any digest knows of a delivered log file. */
function missingHours(bucket: string, region: RegionFolder, inCase: ReadonlySet<string>, digests: DigestFile[]): IntegrityGap[] {
  const hourly = digests.filter((d) => !d.backfill);
  if (hourly.length === 0) return [];
  const seen = new Set<number>();
  const hourOf = (key: string) => {
    const t = keyTimeSpan(key)?.start;
    return t === undefined ? null : Math.floor(t / HOUR_MS);
  };
  for (const key of inCase) {
    const h = hourOf(key);
    if (h !== null) seen.add(h);
  }
  for (const d of digests) for (const f of d.body.logFiles) {
    const h = hourOf(f.s3Object);
    if (h !== null) seen.add(h);
  }
  const first = Math.ceil(Math.min(...hourly.map((d) => d.startMs)) / HOUR_MS);
  const last = Math.floor(Math.max(...hourly.map((d) => d.endMs)) / HOUR_MS);
  const gaps: IntegrityGap[] = [];
  for (let h = first; h < last; h++) {
    if (seen.has(h)) continue;
    const signed = hourly.find((d) => d.startMs <= h * HOUR_MS && h * HOUR_MS < d.endMs);
    gaps.push({
      bucket, trail: region.label, kind: 'no-log-file', start: iso(h * HOUR_MS), end: iso((h + 1) * HOUR_MS),
      detail: signed
        ? `no log file delivered in this hour; digest ${signed.key} lists none either (no activity, or logging was stopped)`
        : 'no log file delivered in this hour, and no digest covers it',
    });
  }
  return gaps;
}

/** Log files a digest lists that are not in the case: deleted from the bucket, outside the pull, or failed. */
function notInCase(
  bucket: string,
  region: RegionFolder,
  inCase: ReadonlySet<string>,
  listed: Map<string, { hash: string; digest: DigestFile }>,
): IntegrityGap[] {
  const gaps: IntegrityGap[] = [];
  for (const [key, { digest }] of listed) {
    if (inCase.has(key)) continue;
    gaps.push({
      bucket, trail: region.label, kind: 'log-file-not-in-case', start: digest.body.digestStartTime, end: digest.body.digestEndTime,
      detail: `digest ${digest.key} lists ${key}, which is not in the case (deleted from the bucket, outside the pulled range, or its download failed)`,
    });
  }
  return gaps;
}

/** `ms` -> is it inside some hourly digest's period? Binary search over the periods (a year is ~8,760 digests). */
function coverage(digests: DigestFile[]): (ms: number) => boolean {
  const periods = digests.filter((d) => !d.backfill).sort((a, b) => a.startMs - b.startMs);
  // Running maximum of the ends, so an overlapping earlier period still counts.
  const reach: number[] = [];
  for (const d of periods) reach.push(Math.max(d.endMs, reach[reach.length - 1] ?? -Infinity));
  return (ms) => {
    let lo = 0;
    let hi = periods.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (periods[mid].startMs <= ms) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && ms < reach[last];
  };
}
