import type { ImportRow, RejectRow } from '../../../../shared/contract/channels.js';
import type { Db } from '../open.js';

const IMPORT_COLUMNS = `id, job_id AS jobId, object, sha256, bytes, format, records, inserted, duplicates, conflicts,
  rejects, status, message, started_at AS startedAt, finished_at AS finishedAt`;

/** `mapping`: identity of the field mapping the object is read through (formats/mapped.ts mappingIdentity), if any. */
export function startImport(db: Db, jobId: string | null, object: string, sha256: string | null, bytes: number, mapping: string | null = null): number {
  const r = db
    .prepare(`INSERT INTO imports (job_id, object, sha256, bytes, status, started_at, mapping) VALUES (?, ?, ?, ?, 'running', ?, ?)`)
    .run(jobId, object, sha256, bytes, new Date().toISOString(), mapping);
  return Number(r.lastInsertRowid);
}

export interface ImportTotals {
  format: string | null;
  records: number;
  inserted: number;
  duplicates: number;
  conflicts: number;
  rejects: number;
}

export function updateImportCounts(db: Db, id: number, t: ImportTotals): void {
  db.prepare(
    `UPDATE imports SET format = ?, records = ?, inserted = ?, duplicates = ?, conflicts = ?, rejects = ? WHERE id = ?`,
  ).run(t.format, t.records, t.inserted, t.duplicates, t.conflicts, t.rejects, id);
}

export function finishImport(db: Db, id: number, status: ImportRow['status'], message: string | null): void {
  db.prepare(`UPDATE imports SET status = ?, message = ?, finished_at = ? WHERE id = ?`).run(
    status,
    message,
    new Date().toISOString(),
    id,
  );
}

/** An object whose bytes were already imported completely: re-importing it adds nothing. */
/** An earlier import of the same bytes read the same way (a file read by detection can be read again through a mapping). */
export function completedImportOf(db: Db, sha256: string, mapping: string | null = null): ImportRow | undefined {
  return db
    .prepare(`SELECT ${IMPORT_COLUMNS} FROM imports WHERE sha256 = ? AND mapping IS ? AND status IN ('completed', 'partial') ORDER BY id LIMIT 1`)
    .get(sha256, mapping) as ImportRow | undefined;
}

/** Imports left 'running' by a killed process are marked so; their batches are whole and a re-run completes them. */
export function markInterruptedImports(db: Db): number {
  return db
    .prepare(
      `UPDATE imports SET status = 'failed', message = 'interrupted (the process stopped mid-import); run the import again to complete it', finished_at = ? WHERE status = 'running'`,
    )
    .run(new Date().toISOString()).changes;
}

export function listImports(db: Db, limit: number): ImportRow[] {
  return db.prepare(`SELECT ${IMPORT_COLUMNS} FROM imports ORDER BY id DESC LIMIT ?`).all(limit) as ImportRow[];
}

export interface RejectInsert {
  importId: number;
  object: string;
  line: number | null;
  recordIndex: number | null;
  byteOffset: number | null;
  reason: string;
  excerpt: string;
}

export function createRejectWriter(db: Db) {
  const stmt = db.prepare(
    `INSERT INTO rejects (import_id, object, line, record_index, byte_offset, reason, excerpt)
     VALUES (@importId, @object, @line, @recordIndex, @byteOffset, @reason, @excerpt)`,
  );
  return (r: RejectInsert) => stmt.run({ ...r, excerpt: r.excerpt.slice(0, 500) });
}

export function listRejects(db: Db, importId: number | undefined, limit: number): RejectRow[] {
  const cols = `id, import_id AS importId, object, line, record_index AS recordIndex, byte_offset AS byteOffset, reason, excerpt`;
  return (
    importId === undefined
      ? db.prepare(`SELECT ${cols} FROM rejects ORDER BY id DESC LIMIT ?`).all(limit)
      : db.prepare(`SELECT ${cols} FROM rejects WHERE import_id = ? ORDER BY id LIMIT ?`).all(importId, limit)
  ) as RejectRow[];
}
