import type { DigestRow, IntegrityGap, IntegrityStatus } from '../../../shared/contract/integrity.js';
import type { Db } from '../store/open.js';
import { appendJournal } from '../store/queries/journal.js';
import {
  replaceTrailFindings, s3ObjectsUnder, setVerdicts, type DigestFinding, type Verdict,
} from '../store/queries/s3-objects.js';
import { judgeChain } from './cloudtrail-digest-chain.js';
import { fetchDigests, listDigestKeys } from './cloudtrail-digest-fetch.js';
import { judgeLogFiles, regionFolderOf, type RegionFolder } from './cloudtrail-digest-verdicts.js';
import type { DigestFile, PublicKeyInfo } from './cloudtrail-digest.js';
import { cloudTrailPublicKeys } from './cloudtrail-public-keys.js';
import { createS3Client, type S3ClientOptions } from './s3-client.js';
import { keyInRange, keyTimeSpan, parseTimeRange, s3Url } from './s3-keys.js';

/**
 * CloudTrail log-file integrity validation for the S3 objects already in the case: for every account/region folder
 * among them, read the digests of the range, verify their signatures and chain, then judge each log file against the
 * digest that lists it. Verdicts are stored in `s3_objects`, digests and gaps in `s3_digests` / `s3_integrity_gaps`.
 */

export interface ValidateOptions {
  db: Db;
  bucket: string;
  prefix?: string;
  since?: string;
  until?: string;
  client: S3ClientOptions;
  publicKeys: readonly PublicKeyInfo[];
  /** Also ask CloudTrail (ListPublicKeys, same credentials) for each region's keys over the digests' span. */
  fetchCloudTrailKeys?: boolean;
  signal?: AbortSignal;
  /** Parallel digest downloads (default 8). */
  concurrency?: number;
}

export interface ValidationSummary {
  objects: number;
  byStatus: Record<IntegrityStatus, number>;
  digests: number;
  digestsBySignature: Record<DigestRow['signature'], number>;
  brokenLinks: number;
  gaps: IntegrityGap[];
  /** Digests that could not be read (denied, not a digest...): their hours count as not covered. */
  failedDigests: { key: string; error: string }[];
  /** Public keys used (given + fetched from CloudTrail). */
  publicKeys: number;
  /** Why CloudTrail's keys could not be fetched for a region (its digests' signatures stay unchecked). */
  keyErrors: string[];
}

export async function validateCloudTrail(opts: ValidateOptions): Promise<ValidationSummary> {
  const range = parseTimeRange(opts.since, opts.until);
  const all = s3ObjectsUnder(opts.db, opts.bucket, opts.prefix ?? '');
  const regions = new Map<string, { folder: RegionFolder; keys: Set<string>; judged: typeof all }>();
  for (const o of all) {
    const folder = regionFolderOf(o.key);
    if (!folder || !o.key.startsWith(folder.logFolder)) continue;
    const r = regions.get(folder.id) ?? { folder, keys: new Set<string>(), judged: [] };
    regions.set(folder.id, r);
    r.keys.add(o.key);
    if (keyInRange(o.key, range)) r.judged.push(o);
  }
  const summary: ValidationSummary = {
    objects: 0, byStatus: { verified: 0, unverified: 0, mismatch: 0, 'missing-from-digest': 0 }, digests: 0,
    digestsBySignature: { valid: 0, invalid: 0, 'no-key': 0, unsigned: 0 }, brokenLinks: 0, gaps: [], failedDigests: [],
    publicKeys: opts.publicKeys.length, keyErrors: [],
  };
  const fingerprints = new Set(opts.publicKeys.map((k) => k.fingerprint));
  const client = createS3Client(opts.client);
  const ctx = { client, clientOptions: opts.client, bucket: opts.bucket, signal: opts.signal, concurrency: opts.concurrency ?? 8 };
  try {
    for (const { folder, keys, judged } of regions.values()) {
      // Only the digests of the hours the judged files were delivered in: a pull of one day must not report the
      // rest of the trail as missing from the case.
      const span = deliverySpan(judged.map((o) => o.key));
      if (!span) continue;
      const listed = await fetchDigests(ctx, await listDigestKeys(ctx, folder.digestFolder, span));
      const digests = listed.digests.filter((d) => d.startMs < span.until && d.endMs > span.since);
      const failed = listed.failed;
      const publicKeys = opts.fetchCloudTrailKeys && digests.length > 0
        ? [...opts.publicKeys, ...(await fetchRegionKeys(opts, folder.region, digests, summary, fingerprints))]
        : opts.publicKeys;
      if (opts.signal?.aborted) break;
      summary.failedDigests.push(...failed);
      const findings = new Map<string, DigestFinding>();
      const unreadable = new Map(failed.map((f) => [f.key, f.error]));
      // A digest the chain walk names as someone's previous gets its gap there; the others are reported here.
      const named = new Set(digests.map((d) => d.body.previousDigestS3Object));
      const gaps: IntegrityGap[] = failed.filter((f) => !named.has(f.key)).map((f) => {
        // The digest's name carries only its day folder here: the gap is that day, the detail says which file.
        const span = keyTimeSpan(f.key);
        const [start, end] = span ? [isoOf(span.start), isoOf(span.end)] : ['', ''];
        return { bucket: opts.bucket, trail: folder.label, kind: 'no-digest', start, end, detail: `digest ${f.key} could not be read: ${f.error}` };
      });
      const checked = {
        start: isoOf(Math.min(span.since, ...digests.map((d) => d.startMs))),
        end: isoOf(Math.max(span.until, ...digests.map((d) => d.endMs))),
      };
      for (const [trail, chain] of groupBy(digests, (d) => d.trail)) {
        const walked = judgeChain(opts.bucket, trail, chain, publicKeys, unreadable);
        for (const f of walked.findings) findings.set(f.key, f);
        replaceTrailFindings(opts.db, opts.bucket, trail, checked, walked.findings, walked.gaps);
        summary.gaps.push(...walked.gaps);
      }
      const files = judgeLogFiles(opts.bucket, folder, judged, keys, digests, findings);
      gaps.push(...files.gaps);
      replaceTrailFindings(opts.db, opts.bucket, folder.label, checked, [], gaps);
      summary.gaps.push(...gaps);
      setVerdicts(opts.db, files.verdicts);
      tally(summary, files.verdicts, [...findings.values()]);
    }
  } finally {
    client.destroy();
  }
  appendJournal(opts.db, 's3-integrity', {
    url: s3Url(opts.bucket, opts.prefix ?? ''), since: opts.since ?? null, until: opts.until ?? null, objects: summary.objects,
    byStatus: summary.byStatus, digests: summary.digests, digestsBySignature: summary.digestsBySignature,
    brokenLinks: summary.brokenLinks, gaps: summary.gaps.length, failedDigests: summary.failedDigests.length,
    publicKeys: [...fingerprints], keyErrors: summary.keyErrors,
  });
  return summary;
}

/** CloudTrail's keys for a region over the digests' span; a failure is reported and leaves signatures unchecked. */
async function fetchRegionKeys(
  opts: ValidateOptions,
  region: string,
  digests: DigestFile[],
  summary: ValidationSummary,
  fingerprints: Set<string>,
): Promise<PublicKeyInfo[]> {
  try {
    const since = Math.min(...digests.map((d) => d.startMs));
    const until = Math.max(...digests.map((d) => d.endMs));
    const keys = await cloudTrailPublicKeys(opts.client, region, { since, until }, opts.signal);
    for (const k of keys) {
      if (!fingerprints.has(k.fingerprint)) summary.publicKeys++;
      fingerprints.add(k.fingerprint);
    }
    return keys;
  } catch (err) {
    summary.keyErrors.push((err as Error).message);
    return [];
  }
}

/** [earliest, latest] delivery time named by the keys (CloudTrail file names carry it to the minute). */
function deliverySpan(keys: string[]): { since: number; until: number } | null {
  let since = Infinity;
  let until = -Infinity;
  for (const k of keys) {
    const t = keyTimeSpan(k);
    if (!t) continue;
    since = Math.min(since, t.start);
    until = Math.max(until, t.end);
  }
  return since <= until ? { since, until } : null;
}

function tally(summary: ValidationSummary, verdicts: Verdict[], findings: DigestFinding[]): void {
  summary.objects += verdicts.length;
  for (const v of verdicts) summary.byStatus[v.integrity]++;
  summary.digests += findings.length;
  for (const f of findings) {
    summary.digestsBySignature[f.signature]++;
    if (f.chain === 'broken') summary.brokenLinks++;
  }
}

function groupBy<T>(items: T[], keyOf: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const isoOf = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
