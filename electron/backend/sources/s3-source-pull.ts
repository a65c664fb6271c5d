import type { JobProgress } from '../../../shared/contract/channels.js';
import type { S3Keys, S3SourceConfig } from '../../../shared/contract/sources.js';
import { AppError, toErrorInfo, type ErrorInfo } from '../../../shared/errors.js';
import type { Db } from '../store/open.js';
import { appendJournal } from '../store/queries/journal.js';
import { getS3Source, S3_PULL_ACTION, type S3PullDetail } from '../store/queries/s3-sources.js';
import { markInterruptedPulls, startPull, updatePull } from '../store/queries/sources.js';
import { readPublicKeys } from './cloudtrail-digest.js';
import { validateCloudTrail, type ValidationSummary } from './cloudtrail-digest-validate.js';
import { describeTarget, testS3Connection, type S3ClientOptions } from './s3-client.js';
import { s3Url } from './s3-keys.js';
import { toJobProgress } from './s3-progress.js';
import { pullS3, type S3PullSummary } from './s3-pull.js';

/**
 * Pulls a configured S3 source: the same incremental pull as `auditlens import s3://...` (only new or changed
 * objects, by key + ETag), recorded as a row of `pulls` like an API pull, then CloudTrail integrity validation when
 * the source asks for it. Keys typed in for the session arrive here in memory and only go to the S3 client.
 */

export interface PullS3SourceOptions {
  db: Db;
  name: string;
  jobId: string;
  /** Keys for this pull only; without them the client uses the profile or the AWS default chain. */
  keys?: S3Keys;
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
  /** For tests: where the key + ETag checkpoints live (default beside the case file). */
  checkpointFile?: string;
}

export interface S3SourcePullResult {
  summary: S3PullSummary | null;
  integrity: ValidationSummary | null;
  /** Set when the pull as a whole failed (LIST refused, bucket missing, unreadable public key...). */
  error: ErrorInfo | null;
  cancelled: boolean;
  detail: S3PullDetail;
}

export function s3ClientOptionsOf(config: S3SourceConfig, keys?: S3Keys): S3ClientOptions {
  return {
    ...(config.region ? { region: config.region } : {}),
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.pathStyle !== undefined ? { forcePathStyle: config.pathStyle } : {}),
    // Typed keys win over the profile: the analyst typed them for this pull.
    ...(keys ? { credentials: keys } : config.profile ? { profile: config.profile } : {}),
  };
}

function integrityCounts(v: ValidationSummary): NonNullable<S3PullDetail['integrity']> {
  return {
    verified: v.byStatus.verified, unverified: v.byStatus.unverified, mismatch: v.byStatus.mismatch,
    missingFromDigest: v.byStatus['missing-from-digest'], digests: v.digests, invalidSignatures: v.digestsBySignature.invalid,
    uncheckedSignatures: v.digestsBySignature['no-key'] + v.digestsBySignature.unsigned, brokenLinks: v.brokenLinks, gaps: v.gaps.length,
  };
}

/** The pull row's error text: the failure, or how many objects failed and the first reason (all are in the import log). */
function errorText(r: S3SourcePullResult): string | null {
  if (r.error) return r.error.message;
  const failed = r.summary?.failed ?? [];
  const parts: string[] = [];
  if (failed.length > 0) parts.push(`${failed.length} object(s) failed, first: ${failed[0].error}`);
  if (r.summary?.stoppedEarly) parts.push(r.summary.stoppedEarly);
  return parts.length > 0 ? parts.join('; ') : null;
}

export async function pullS3Source(opts: PullS3SourceOptions): Promise<S3SourcePullResult> {
  const { db, name, jobId } = opts;
  const { config } = getS3Source(db, name);
  const signal = opts.signal ?? new AbortController().signal;
  const client = s3ClientOptionsOf(config, opts.keys);
  markInterruptedPulls(db, name);
  const pullId = startPull(db, name, jobId);
  const result: S3SourcePullResult = {
    summary: null, integrity: null, error: null, cancelled: false,
    detail: { objects: 0, skipped: 0, failed: 0, events: 0, integrity: null },
  };
  try {
    // Read the key first: a wrong path should not cost a whole pull.
    const publicKeys = config.validate && config.publicKeyPath ? readPublicKeys(config.publicKeyPath) : [];
    const range = { since: config.since, until: config.until };
    result.summary = await pullS3({
      db, bucket: config.bucket, prefix: config.prefix, ...range, pattern: config.pattern, client, signal, jobId, source: name,
      checkpointFile: opts.checkpointFile,
      onProgress: (p) => opts.onProgress?.({ ...toJobProgress(p), kind: 'pull' }),
    });
    if (config.validate && !signal.aborted) {
      result.integrity = await validateCloudTrail({ db, bucket: config.bucket, prefix: config.prefix, ...range, client, publicKeys, signal });
    }
  } catch (err) {
    if (!signal.aborted) result.error = toErrorInfo(err);
  }
  const s = result.summary;
  result.cancelled = signal.aborted;
  result.detail = {
    objects: s ? s.imported + s.alreadyInCase : 0, skipped: s?.skippedUnchanged ?? 0, failed: s?.failed.length ?? 0,
    events: s?.events ?? 0, integrity: result.integrity ? integrityCounts(result.integrity) : null,
  };
  const status = result.error ? 'failed' : result.cancelled ? 'cancelled' : 'completed';
  updatePull(
    db, pullId,
    { pages: result.detail.objects, records: s?.records ?? 0, inserted: s?.events ?? 0, duplicates: s?.duplicates ?? 0, rejects: s?.rejects ?? 0 },
    { status, error: errorText(result) },
  );
  appendJournal(db, S3_PULL_ACTION, { jobId, source: name, bucket: config.bucket, prefix: config.prefix, status, ...result.detail });
  return result;
}

/**
 * "Test connection" of an S3 source: one LIST page of the prefix. A missing bucket or an empty prefix is NOT_FOUND
 * (almost always a typo in the form), refused credentials SOURCE_AUTH, both naming the bucket, endpoint and region.
 */
export async function testS3Source(config: S3SourceConfig, keys?: S3Keys): Promise<{ url: string; sampleKeys: string[] }> {
  const options = s3ClientOptionsOf(config, keys);
  const url = s3Url(config.bucket, config.prefix);
  let page: { sampleKeys: string[] };
  try {
    page = await testS3Connection(options, config.bucket, config.prefix, AbortSignal.timeout(30_000));
  } catch (err) {
    // testS3Connection throws classified errors; a missing bucket is the form's fault, not the network's.
    if (err instanceof AppError && (err.details as { code?: string } | undefined)?.code === 'NoSuchBucket') {
      throw new AppError('NOT_FOUND', `no such bucket: ${describeTarget(config.bucket, options)} answered NoSuchBucket`, err.details);
    }
    throw err;
  }
  if (page.sampleKeys.length === 0) {
    throw new AppError('NOT_FOUND', `${url}: the bucket answered, but holds no object under this prefix (check the prefix)`);
  }
  return { url, sampleKeys: page.sampleKeys };
}
