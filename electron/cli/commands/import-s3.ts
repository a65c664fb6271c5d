import { randomUUID } from 'node:crypto';
import { openCase } from '../../backend/store/open.js';
import { parseS3Url } from '../../backend/sources/s3-keys.js';
import { pullS3, type S3PullProgress, type S3PullSummary } from '../../backend/sources/s3-pull.js';
import { readPublicKeys, type PublicKeyInfo } from '../../backend/sources/cloudtrail-digest.js';
import { validateCloudTrail, type ValidationSummary } from '../../backend/sources/cloudtrail-digest-validate.js';
import { gapLine, limited, objectLine, summaryLine } from './integrity-text.js';
import { listS3Objects } from '../../backend/store/queries/s3-objects.js';
import { requireCase } from '../case-arg.js';
import { UsageError } from '../usage.js';

export interface ImportS3Args {
  url: string;
  case?: string;
  endpoint?: string;
  region?: string;
  profile?: string;
  since?: string;
  until?: string;
  pattern?: string;
  concurrency?: string;
  source?: string;
  /** Run CloudTrail log-file integrity validation after the pull. */
  validate?: boolean;
  /** PEM file with CloudTrail's public key(s) for the trail's region: digest signatures are verified with it. */
  publicKey?: string;
  /** Also fetch the region's keys from CloudTrail (ListPublicKeys) with the pull's credentials. */
  cloudTrailKeys?: boolean;
}

export type ImportS3Result = S3PullSummary & { integrity: ValidationSummary | null; integrityProblems: boolean };

const LIST_LIMIT = 50;

function progressLine(p: S3PullProgress): string {
  return `${p.phase} ${p.objectsDone}/${p.objectsTotal} objects · listed ${p.listed} · unchanged ${p.skippedUnchanged} · failed ${p.failed} · records ${p.records}`;
}

/**
 * `auditlens import s3://bucket/prefix`: an incremental pull (only new or changed objects, by key + ETag).
 * Credentials come from the AWS default chain or --profile, never from flags, so they stay out of shell history.
 */
export async function importS3Command(args: ImportS3Args): Promise<ImportS3Result> {
  const caseFile = requireCase(args.case, 'import');
  const { bucket, prefix } = parseS3Url(args.url);
  const concurrency = args.concurrency === undefined ? 4 : Number(args.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError('--concurrency must be 1-64');
  if ((args.publicKey || args.cloudTrailKeys) && !args.validate) throw new UsageError('--public-key and --cloudtrail-keys are only used with --validate');
  // Read the key before pulling: a wrong path should not cost a whole pull first.
  const publicKeys: PublicKeyInfo[] = args.publicKey ? readPublicKeys(args.publicKey) : [];
  const db = openCase(caseFile);
  const controller = new AbortController();
  const stop = () => controller.abort(new Error('cancelled'));
  process.once('SIGINT', stop);
  const tty = process.stderr.isTTY;
  try {
    const client = { endpoint: args.endpoint, region: args.region, profile: args.profile };
    const summary = await pullS3({
      db, bucket, prefix, since: args.since, until: args.until, pattern: args.pattern, concurrency, client,
      signal: controller.signal, jobId: randomUUID(), source: args.source,
      onProgress: (p) => tty && process.stderr.write(`\r\x1b[K${progressLine(p)}`),
    });
    if (tty) process.stderr.write('\r\x1b[K');
    for (const f of summary.failed) process.stdout.write(`failed    s3://${bucket}/${f.key} — ${f.error}\n`);
    process.stdout.write(
      `${summary.cancelled ? 'cancelled' : 'pulled'} s3://${bucket}/${prefix}: ${summary.listed} objects listed, ` +
        `${summary.skippedUnchanged} unchanged (skipped), ${summary.imported} imported, ${summary.failed.length} failed; ` +
        `${summary.events} new events, ${summary.duplicates} duplicates, ${summary.rejects} rejects in ${(summary.elapsedMs / 1000).toFixed(1)} s\n`,
    );
    if (summary.stoppedEarly) process.stderr.write(`auditlens: pull stopped early: ${summary.stoppedEarly}\n`);
    if (!args.validate || summary.cancelled) return { ...summary, integrity: null, integrityProblems: false };
    const integrity = await validateCloudTrail({
      db, bucket, prefix, since: args.since, until: args.until, client, publicKeys, fetchCloudTrailKeys: args.cloudTrailKeys,
      signal: controller.signal,
    });
    printIntegrity(`s3://${bucket}/${prefix}`, integrity, db);
    const problems = integrity.byStatus.mismatch + integrity.byStatus['missing-from-digest'] + integrity.digestsBySignature.invalid +
      integrity.brokenLinks + integrity.failedDigests.length > 0;
    return { ...summary, integrity, integrityProblems: problems };
  } finally {
    process.off('SIGINT', stop);
    db.close();
  }
}

function printIntegrity(label: string, v: ValidationSummary, db: ReturnType<typeof openCase>): void {
  const more = 'auditlens integrity --case FILE';
  process.stdout.write(summaryLine(label, { ...v, gaps: v.gaps.length }));
  for (const e of v.keyErrors) process.stdout.write(`public keys unavailable: ${e}\n`);
  if (v.publicKeys === 0 && v.digests > 0) {
    process.stdout.write('digest signatures not checked: give the region\'s public key with --public-key FILE, or --cloudtrail-keys\n');
  }
  for (const f of v.failedDigests) process.stdout.write(`digest unreadable   ${f.error}\n`);
  const flagged = [...listS3Objects(db, 'mismatch', 10_000), ...listS3Objects(db, 'missing-from-digest', 10_000)].filter((o) =>
    o.url.startsWith(label),
  );
  process.stdout.write(limited(flagged, LIST_LIMIT, objectLine, more));
  process.stdout.write(limited(v.gaps, LIST_LIMIT, gapLine, more));
}
