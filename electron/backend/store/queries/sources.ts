import type { ImportRow } from '../../../../shared/contract/channels.js';
import {
  ApiSourceConfigSchema, S3SourceConfigSchema, type ApiSourceConfig, type Checkpoint, type PullRow, type SourceInfo,
} from '../../../../shared/contract/sources.js';
import { AppError } from '../../../../shared/errors.js';
import type { Db } from '../open.js';
import { appendJournal } from './journal.js';
import { s3PullDetail, sourceKind } from './s3-sources.js';

/** Configured sources, their checkpoints and pulls (migration 0006). Configs are stored without secrets. */

interface SourceRow {
  name: string;
  kind: 'api' | 's3';
  preset: string | null;
  config: string;
}

/** What the checkpoint stores: the request that continues the listing (JSON), and the time bounds. */
export interface StoredCheckpoint {
  next: { method: 'GET' | 'POST'; url: string; body?: Record<string, unknown> } | null;
  since: string | null;
  high: string | null;
  pages: number;
}

const PULL_COLUMNS = `id, source, job_id AS jobId, status, pages, records, inserted, duplicates, rejects, error,
  started_at AS startedAt, finished_at AS finishedAt`;

/**
 * Adds or replaces a source. When what is listed changes (preset, base URL or parameters), the checkpoint no longer
 * describes this listing and is dropped: the next pull starts a fresh listing from the configured start.
 */
export function saveSource(db: Db, name: string, preset: string, config: ApiSourceConfig): { checkpointReset: boolean } {
  const now = new Date().toISOString();
  const parsed = ApiSourceConfigSchema.parse(config);
  const before = db.prepare('SELECT kind, preset, config FROM sources WHERE name = ?').get(name) as
    | { kind: string; preset: string; config: string }
    | undefined;
  if (before && before.kind !== 'api') throw new AppError('INVALID_INPUT', `source ${name} is an S3 source; choose another name`);
  const listing = (p: string | null, c: ApiSourceConfig) => JSON.stringify([p, c.baseUrl, Object.entries(c.params).sort()]);
  const reset = before !== undefined && listing(before.preset, JSON.parse(before.config)) !== listing(preset, parsed);
  db.transaction(() => {
    if (reset) db.prepare('DELETE FROM checkpoints WHERE source = ?').run(name);
    db.prepare(
      `INSERT INTO sources (name, kind, preset, config, created_at, updated_at) VALUES (?, 'api', ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET preset = excluded.preset, config = excluded.config, updated_at = excluded.updated_at`,
    ).run(name, preset, JSON.stringify(parsed), now, now);
    // The analyst's configuration is part of the case's story; the config holds no secret.
    appendJournal(db, before ? 'source-update' : 'source-add', { name, preset, config: parsed, checkpointReset: reset });
  })();
  return { checkpointReset: reset };
}

export function getSource(db: Db, name: string): { name: string; preset: string; config: ApiSourceConfig } {
  const row = db.prepare('SELECT name, kind, preset, config FROM sources WHERE name = ?').get(name) as SourceRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `no source named '${name}' in this case (add it with: auditlens source add ${name} ...)`);
  if (row.kind !== 'api') throw new AppError('INVALID_INPUT', `source ${name} is an S3 bucket, not an API source`);
  return { name: row.name, preset: row.preset ?? 'rest', config: ApiSourceConfigSchema.parse(JSON.parse(row.config)) };
}

export function loadCheckpoint(db: Db, source: string): StoredCheckpoint | null {
  const row = db.prepare('SELECT next_request, since, high, pages FROM checkpoints WHERE source = ?').get(source) as
    | { next_request: string | null; since: string | null; high: string | null; pages: number }
    | undefined;
  if (!row) return null;
  return { next: row.next_request ? JSON.parse(row.next_request) : null, since: row.since, high: row.high, pages: row.pages };
}

/** One statement, so the checkpoint moves atomically with nothing else half-written. */
export function saveCheckpoint(db: Db, source: string, cp: StoredCheckpoint, cursorLabel: string | null): void {
  db.prepare(
    `INSERT INTO checkpoints (source, next_request, cursor, since, high, pages, updated) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(source) DO UPDATE SET next_request = excluded.next_request, cursor = excluded.cursor,
       since = excluded.since, high = excluded.high, pages = excluded.pages, updated = excluded.updated`,
  ).run(source, cp.next ? JSON.stringify(cp.next) : null, cursorLabel, cp.since, cp.high, cp.pages, new Date().toISOString());
}

export function startPull(db: Db, source: string, jobId: string): number {
  return Number(
    db.prepare(`INSERT INTO pulls (source, job_id, status, started_at) VALUES (?, ?, 'running', ?)`).run(source, jobId, new Date().toISOString())
      .lastInsertRowid,
  );
}

export function updatePull(
  db: Db,
  id: number,
  t: { pages: number; records: number; inserted: number; duplicates: number; rejects: number },
  final?: { status: PullRow['status']; error: string | null },
): void {
  db.prepare(
    `UPDATE pulls SET pages = ?, records = ?, inserted = ?, duplicates = ?, rejects = ?,
       status = COALESCE(?, status), error = COALESCE(?, error), finished_at = CASE WHEN ? IS NULL THEN finished_at ELSE ? END
     WHERE id = ?`,
  ).run(t.pages, t.records, t.inserted, t.duplicates, t.rejects, final?.status ?? null, final?.error ?? null,
    final?.status ?? null, new Date().toISOString(), id);
}

/** A source's pulls left 'running' by a killed process (a source is pulled by one job at a time). */
export function markInterruptedPulls(db: Db, source: string): void {
  db.prepare(
    `UPDATE pulls SET status = 'failed', error = 'interrupted (the process stopped mid-pull); the next pull continued from the checkpoint',
       finished_at = ? WHERE status = 'running' AND source = ?`,
  ).run(new Date().toISOString(), source);
}

export function listPulls(db: Db, source: string, limit: number): PullRow[] {
  const rows = db.prepare(`SELECT ${PULL_COLUMNS} FROM pulls WHERE source = ? ORDER BY id DESC LIMIT ?`).all(source, limit) as PullRow[];
  const s3 = rows.length > 0 && sourceKind(db, source) === 's3';
  return s3 ? rows.map((r) => ({ ...r, s3: s3PullDetail(db, r.jobId) })) : rows;
}

/** The import rows (one per page) of a source's pulls, newest first. */
export function pagesOfSource(db: Db, source: string, limit: number): ImportRow[] {
  return db
    .prepare(
      `SELECT id, job_id AS jobId, object, sha256, bytes, format, records, inserted, duplicates, conflicts, rejects, status,
         message, started_at AS startedAt, finished_at AS finishedAt
       FROM imports WHERE job_id IN (SELECT job_id FROM pulls WHERE source = ?) ORDER BY id DESC LIMIT ?`,
    )
    .all(source, limit) as ImportRow[];
}

function describeNext(next: StoredCheckpoint['next']): string | null {
  if (!next) return null;
  return next.body ? `${next.method} ${next.url} ${JSON.stringify(next.body)}` : `${next.method} ${next.url}`;
}

export function listSources(db: Db): SourceInfo[] {
  const rows = db.prepare('SELECT name, kind, preset, config FROM sources ORDER BY name').all() as SourceRow[];
  return rows.map((r) => {
    const cp = db.prepare('SELECT next_request, since, high, pages, updated FROM checkpoints WHERE source = ?').get(r.name) as
      | { next_request: string | null; since: string | null; high: string | null; pages: number; updated: string }
      | undefined;
    const checkpoint: Checkpoint | null = cp
      ? { next: describeNext(cp.next_request ? JSON.parse(cp.next_request) : null), since: cp.since, high: cp.high, pages: cp.pages, updated: cp.updated }
      : null;
    const lastPull = listPulls(db, r.name, 1)[0] ?? null;
    if (r.kind === 's3') {
      return { name: r.name, kind: 's3', preset: null, config: S3SourceConfigSchema.parse(JSON.parse(r.config)), checkpoint: null, lastPull };
    }
    return { name: r.name, kind: 'api', preset: r.preset, config: ApiSourceConfigSchema.parse(JSON.parse(r.config)), checkpoint, lastPull };
  });
}
