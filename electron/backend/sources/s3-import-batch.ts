import type { ImportRow, JobProgress } from '../../../shared/contract/channels.js';
import { runImport } from '../ingest/pipeline.js';
import type { Db } from '../store/open.js';
import { finishImport, startImport } from '../store/queries/imports.js';

/**
 * Hands downloaded objects to the local-file pipeline in batches, named `s3://bucket/key` so the import rows, the
 * events' provenance and the rejects all point at the object, then reads back what the pipeline decided for each.
 * Batching keeps one journal entry per batch instead of one per object (a trail has ~300 objects a day per region).
 */

export interface BatchItem {
  file: string;
  url: string;
}

export interface ObjectOutcome {
  importId: number;
  status: ImportRow['status'];
  message: string | null;
  sha256: string | null;
  records: number;
  inserted: number;
  duplicates: number;
  rejects: number;
}

export interface BatchResult {
  progress: JobProgress;
  /** By `s3://` URL; objects the pipeline never reached (cancelled) are absent. */
  outcomes: Map<string, ObjectOutcome>;
}

export async function importBatch(
  db: Db,
  items: BatchItem[],
  request: { jobId: string; source: string },
  signal: AbortSignal,
  onProgress: (p: JobProgress) => void,
): Promise<BatchResult> {
  // Rows are read back by primary key (id > before): the imports table has no index on job_id or object.
  const before = (db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM imports').get() as { id: number }).id;
  const progress = await runImport(
    db,
    { paths: items.map((i) => i.file), names: items.map((i) => i.url), source: request.source, jobId: request.jobId },
    signal,
    onProgress,
  );
  const rows = db
    .prepare(
      `SELECT id, object, status, message, sha256, records, inserted, duplicates, rejects
       FROM imports WHERE id > ? AND job_id = ? ORDER BY id`,
    )
    .all(before, request.jobId) as (ObjectOutcome & { id: number; object: string })[];
  const outcomes = new Map<string, ObjectOutcome>();
  for (const { id, object, ...rest } of rows) outcomes.set(object, { ...rest, importId: id });
  return { progress, outcomes };
}

/** An object that never reached the pipeline (denied, dropped mid-transfer): one failed row in the import log. */
export function recordFailedObject(db: Db, jobId: string, url: string, message: string): number {
  const id = startImport(db, jobId, url, null, 0);
  finishImport(db, id, 'failed', message);
  return id;
}
