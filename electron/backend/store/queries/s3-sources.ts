import type { PullRow, S3SourceConfig } from '../../../../shared/contract/sources.js';
import { S3SourceConfigSchema } from '../../../../shared/contract/sources.js';
import { AppError } from '../../../../shared/errors.js';
import type { Db } from '../open.js';
import { appendJournal } from './journal.js';

/**
 * S3 buckets as configured sources (rows of `sources` with kind 's3', migration 0006). What an S3 pull has already
 * brought in is not a checkpoint row: it is the per-object key + ETag file of the S3 puller (s3-checkpoints.ts), so
 * changing the date range or pattern never loses track of what is in the case. The counts of a pull that do not fit
 * the `pulls` columns (skipped as unchanged, failed, integrity) are in its journal entry, read back by job id.
 */

export const S3_PULL_ACTION = 's3-source-pull';

export type S3PullDetail = NonNullable<PullRow['s3']>;

/** 'api', 's3', or NOT_FOUND with the way to add one. */
export function sourceKind(db: Db, name: string): 'api' | 's3' {
  const row = db.prepare('SELECT kind FROM sources WHERE name = ?').get(name) as { kind: 'api' | 's3' } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `no source named '${name}' in this case (add it with: auditlens source add ${name} ...)`);
  return row.kind;
}

export function saveS3Source(db: Db, name: string, config: S3SourceConfig): void {
  const parsed = S3SourceConfigSchema.parse(config);
  const before = db.prepare('SELECT kind FROM sources WHERE name = ?').get(name) as { kind: string } | undefined;
  if (before && before.kind !== 's3') {
    throw new AppError('INVALID_INPUT', `source ${name} is an API source; choose another name for the S3 bucket`);
  }
  const now = new Date().toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO sources (name, kind, preset, config, created_at, updated_at) VALUES (?, 's3', NULL, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at`,
    ).run(name, JSON.stringify(parsed), now, now);
    appendJournal(db, before ? 'source-update' : 'source-add', { name, kind: 's3', config: parsed });
  })();
}

export function getS3Source(db: Db, name: string): { name: string; config: S3SourceConfig } {
  if (sourceKind(db, name) !== 's3') throw new AppError('INVALID_INPUT', `source ${name} is not an S3 source`);
  const row = db.prepare('SELECT config FROM sources WHERE name = ?').get(name) as { config: string };
  return { name, config: S3SourceConfigSchema.parse(JSON.parse(row.config)) };
}

/** The S3 counts of a pull, from the journal entry the pull wrote when it finished (null while it runs). */
export function s3PullDetail(db: Db, jobId: string): S3PullDetail | null {
  const row = db
    .prepare(`SELECT details FROM journal WHERE action = ? AND json_extract(details, '$.jobId') = ? ORDER BY seq DESC LIMIT 1`)
    .get(S3_PULL_ACTION, jobId) as { details: string } | undefined;
  if (!row) return null;
  const d = JSON.parse(row.details) as S3PullDetail & { jobId: string };
  return { objects: d.objects, skipped: d.skipped, failed: d.failed, events: d.events, integrity: d.integrity ?? null };
}
