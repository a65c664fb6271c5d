import type { PackRow } from '../../../../shared/contract/packs.js';
import type { Db } from '../open.js';

/** The pack history (migration 0003): one row per build, updated by the pack worker when it ends. */

const PACK_COLUMNS = `id, type, period_from AS "from", period_to AS "to", query, out_path AS outPath, sha256, events, bytes,
  status, message, created_at AS createdAt, job_id AS jobId`;

export interface PackStart {
  id: string;
  jobId: string | null;
  type: PackRow['type'];
  from: string;
  to: string;
  query: string;
  request: string;
  outPath: string;
  createdAt: string;
}

export function insertPack(db: Db, p: PackStart): void {
  db.prepare(
    `INSERT INTO packs (id, job_id, type, period_from, period_to, query, request, out_path, status, created_at)
     VALUES (@id, @jobId, @type, @from, @to, @query, @request, @outPath, 'running', @createdAt)`,
  ).run(p);
}

export function finishPack(
  db: Db,
  id: string,
  result: { status: PackRow['status']; sha256: string | null; events: number; bytes: number; message: string | null },
): void {
  db.prepare(
    `UPDATE packs SET status = @status, sha256 = @sha256, events = @events, bytes = @bytes, message = @message,
       finished_at = @finishedAt WHERE id = @id`,
  ).run({ ...result, id, finishedAt: new Date().toISOString() });
}

export function listPacks(db: Db, limit: number): PackRow[] {
  return db.prepare(`SELECT ${PACK_COLUMNS} FROM packs ORDER BY created_at DESC, rowid DESC LIMIT ?`).all(limit) as PackRow[];
}

export function getPack(db: Db, id: string): PackRow | undefined {
  return db.prepare(`SELECT ${PACK_COLUMNS} FROM packs WHERE id = ?`).get(id) as PackRow | undefined;
}

/** Packs left 'running' by a killed process never finished: say so instead of showing them as running forever. */
/** The SHA-256 recorded when the pack at this path was built in this case (the latest build, if rebuilt there). */
export function recordedPackSha256(db: Db, outPath: string): string | null {
  const sha = db
    .prepare(`SELECT sha256 FROM packs WHERE out_path = ? AND status = 'completed' AND sha256 IS NOT NULL ORDER BY created_at DESC LIMIT 1`)
    .pluck()
    .get(outPath) as string | undefined;
  return sha ?? null;
}

export function markInterruptedPacks(db: Db): number {
  return db
    .prepare(`UPDATE packs SET status = 'failed', message = 'interrupted (the process stopped mid-build)' WHERE status = 'running'`)
    .run().changes;
}
