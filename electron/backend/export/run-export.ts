import fs from 'node:fs';
import path from 'node:path';
import type { Order } from '../../../shared/contract/channels.js';
import type { ExportFormat } from '../../../shared/contract/exports.js';
import { AppError } from '../../../shared/errors.js';
import type { Db } from '../store/open.js';
import { iterateEvents } from '../store/queries/events.js';
import { finishExport, type ExportOutcome } from '../store/queries/exports.js';
import { appendJournal } from '../store/queries/journal.js';
import { whereClause } from '../store/query-sql.js';
import { FILE_EXTENSIONS } from './format-writer.js';
import { withS3Integrity } from './s3-integrity.js';
import { ExportCancelled, writeEvents, type WriteResult } from './write-events.js';

/**
 * One export, start to finish: the rows the query selects, in keyset order, written to `<out>.partial` and renamed
 * into place only when complete (a file at the final path is always whole), the outcome recorded in the history
 * row and, when completed, in the case journal.
 */

export interface ExportRequest {
  exportId: number;
  name: string;
  format: ExportFormat;
  query: string;
  order: Order;
  limit: number | null;
  outPath: string;
  /** The instant relative times in the query (`time>-24h`) are resolved against: the export's start. */
  now: string;
}

export interface ExportProgress {
  rows: number;
  bytes: number;
}

/**
 * The rows of `query` as full events, one more than `limit` so a cut-short result is detected, with their S3 object's
 * integrity verdict in `provenance.integrity`.
 */
export function exportEvents(db: Db, query: string, order: Order, limit: number | null, now: Date) {
  return withS3Integrity(db, iterateEvents(db, whereClause(query, now), order, limit === null ? Infinity : limit + 1));
}

/** Records a finished export: the history row, and the journal when a file was completed. */
export function recordExportOutcome(db: Db, req: Pick<ExportRequest, 'exportId' | 'name' | 'format' | 'query' | 'outPath'>, outcome: ExportOutcome): void {
  finishExport(db, req.exportId, outcome);
  if (outcome.status !== 'completed') return;
  appendJournal(db, 'export', {
    exportId: req.exportId, name: req.name, query: req.query, format: req.format, out: req.outPath,
    rows: outcome.rows, bytes: outcome.bytes, sha256: outcome.sha256, truncated: outcome.truncated,
  });
}

async function writeFileAtomically(
  db: Db,
  req: ExportRequest,
  signal: AbortSignal,
  onProgress: (p: ExportProgress) => void,
): Promise<WriteResult> {
  const partial = `${req.outPath}.partial`;
  const out = fs.createWriteStream(partial, { flags: 'w' });
  try {
    await new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
    const result = await writeEvents(out, exportEvents(db, req.query, req.order, req.limit, new Date(req.now)), {
      format: req.format, query: req.query, limit: req.limit, signal,
      onChunk: (rows, bytes) => onProgress({ rows, bytes }),
    });
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await fs.promises.rename(partial, req.outPath);
    return result;
  } catch (err) {
    out.destroy();
    // Remove our partial file; never let a failing clean-up (e.g. a folder in the way) hide the real error.
    await fs.promises.rm(partial, { force: true }).catch(() => {});
    throw err;
  }
}

function describeFailure(err: unknown, outPath: string): string {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && e.syscall) return `cannot write ${outPath}: ${e.code} (${e.message})`;
  return err instanceof Error ? err.message : String(err);
}

/** Runs the export and records its outcome; never throws (the outcome says what happened). */
export async function runExport(
  db: Db,
  req: ExportRequest,
  signal: AbortSignal,
  onProgress: (p: ExportProgress) => void,
): Promise<ExportOutcome> {
  let outcome: ExportOutcome;
  try {
    const r = await writeFileAtomically(db, req, signal, onProgress);
    outcome = { status: 'completed', rows: r.rows, bytes: r.bytes, sha256: r.sha256, truncated: r.truncated, error: null };
  } catch (err) {
    const cancelled = err instanceof ExportCancelled || signal.aborted;
    outcome = {
      status: cancelled ? 'cancelled' : 'failed', rows: 0, bytes: 0, sha256: null, truncated: false,
      error: cancelled ? 'cancelled by the user; the partial file was removed' : describeFailure(err, req.outPath),
    };
  }
  recordExportOutcome(db, req, outcome);
  return outcome;
}

/** `<case>.exports/<name>.<ext>`, or `<name> (2).<ext>`... when taken (also by an export still writing it). */
export function defaultExportPath(caseFile: string, name: string, format: ExportFormat): string {
  const dir = `${caseFile}.exports`;
  fs.mkdirSync(dir, { recursive: true });
  const ext = FILE_EXTENSIONS[format];
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? `${name}.${ext}` : `${name} (${n}).${ext}`);
    if (!fs.existsSync(candidate) && !fs.existsSync(`${candidate}.partial`)) return candidate;
  }
}

/** An explicit destination: absolute, in an existing folder, and never over an existing file. */
export function checkExplicitPath(outPath: string): string {
  const resolved = path.resolve(outPath);
  if (!fs.existsSync(path.dirname(resolved))) throw new AppError('INVALID_INPUT', `export: the folder ${path.dirname(resolved)} does not exist`);
  if (fs.existsSync(resolved)) throw new AppError('INVALID_INPUT', `export: ${resolved} already exists; choose another file name`);
  return resolved;
}
