import type { ExportFormat, ExportRow, ExportStatus } from '../../../../shared/contract/exports.js';
import type { Order } from '../../../../shared/contract/channels.js';
import type { Db } from '../open.js';

/** The export history (table `exports`, migration 0002). */

const EXPORT_COLUMNS = `id, job_id AS jobId, name, format, query, sort_order AS "order", out_path AS outPath, rows, bytes,
  sha256, status, error, row_limit AS rowLimit, truncated, origin, started_at AS startedAt, finished_at AS finishedAt`;

type StoredRow = Omit<ExportRow, 'truncated'> & { truncated: number };

const toRow = (r: StoredRow): ExportRow => ({ ...r, truncated: r.truncated === 1 });

export interface ExportStart {
  jobId: string | null;
  name: string;
  format: ExportFormat;
  query: string;
  order: Order;
  outPath: string;
  rowLimit: number | null;
  origin: ExportRow['origin'];
  startedAt: string;
}

export function insertExport(db: Db, e: ExportStart): number {
  const r = db
    .prepare(
      `INSERT INTO exports (job_id, name, format, query, sort_order, out_path, status, row_limit, origin, started_at)
       VALUES (?, ?, ?, ?, ?, ?, 'started', ?, ?, ?)`,
    )
    .run(e.jobId, e.name, e.format, e.query, e.order, e.outPath, e.rowLimit, e.origin, e.startedAt);
  return Number(r.lastInsertRowid);
}

/** The job id is known only once the worker is started, after the row exists. */
export function setExportJob(db: Db, id: number, jobId: string): void {
  db.prepare('UPDATE exports SET job_id = ? WHERE id = ?').run(jobId, id);
}

export interface ExportOutcome {
  status: Exclude<ExportStatus, 'started'>;
  rows: number;
  bytes: number;
  sha256: string | null;
  truncated: boolean;
  error: string | null;
}

export function finishExport(db: Db, id: number, o: ExportOutcome, finishedAt = new Date().toISOString()): void {
  db.prepare(
    `UPDATE exports SET status = ?, rows = ?, bytes = ?, sha256 = ?, truncated = ?, error = ?, finished_at = ? WHERE id = ?`,
  ).run(o.status, o.rows, o.bytes, o.sha256, o.truncated ? 1 : 0, o.error, finishedAt, id);
}

/**
 * Marks an export failed only while it is still 'started' (the worker normally records its own outcome; this
 * covers a worker that died before it could). Answers whether it changed the row.
 */
export function failStartedExport(db: Db, id: number, status: 'failed' | 'cancelled', error: string): boolean {
  return (
    db
      .prepare(`UPDATE exports SET status = ?, error = ?, finished_at = ? WHERE id = ? AND status = 'started'`)
      .run(status, error, new Date().toISOString(), id).changes > 0
  );
}

export function getExport(db: Db, id: number): ExportRow | null {
  const r = db.prepare(`SELECT ${EXPORT_COLUMNS} FROM exports WHERE id = ?`).get(id) as StoredRow | undefined;
  return r ? toRow(r) : null;
}

export function listExports(db: Db, limit: number): ExportRow[] {
  return (db.prepare(`SELECT ${EXPORT_COLUMNS} FROM exports ORDER BY id DESC LIMIT ?`).all(limit) as StoredRow[]).map(toRow);
}

/** Exports left 'started' by a killed process: their partial file was never renamed into place. */
export function markInterruptedExports(db: Db): number {
  return db
    .prepare(
      `UPDATE exports SET status = 'failed', error = 'interrupted (the process stopped mid-export); no file was completed', finished_at = ? WHERE status = 'started'`,
    )
    .run(new Date().toISOString()).changes;
}
