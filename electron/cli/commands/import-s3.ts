import { randomUUID } from 'node:crypto';
import { openCase } from '../../backend/store/open.js';
import { parseS3Url } from '../../backend/sources/s3-keys.js';
import { pullS3, type S3PullProgress, type S3PullSummary } from '../../backend/sources/s3-pull.js';
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
}

function progressLine(p: S3PullProgress): string {
  return `${p.phase} ${p.objectsDone}/${p.objectsTotal} objects · listed ${p.listed} · unchanged ${p.skippedUnchanged} · failed ${p.failed} · records ${p.records}`;
}

/**
 * `auditlens import s3://bucket/prefix`: an incremental pull (only new or changed objects, by key + ETag).
 * Credentials come from the AWS default chain or --profile, never from flags, so they stay out of shell history.
 */
export async function importS3Command(args: ImportS3Args): Promise<S3PullSummary> {
  const caseFile = requireCase(args.case, 'import');
  const { bucket, prefix } = parseS3Url(args.url);
  const concurrency = args.concurrency === undefined ? 4 : Number(args.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError('--concurrency must be 1-64');
  const db = openCase(caseFile);
  const controller = new AbortController();
  const stop = () => controller.abort(new Error('cancelled'));
  process.once('SIGINT', stop);
  const tty = process.stderr.isTTY;
  try {
    const summary = await pullS3({
      db, bucket, prefix, since: args.since, until: args.until, pattern: args.pattern, concurrency,
      client: { endpoint: args.endpoint, region: args.region, profile: args.profile },
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
    return summary;
  } finally {
    process.off('SIGINT', stop);
    db.close();
  }
}
