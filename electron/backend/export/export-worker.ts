import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { JobProgress } from '../../../shared/contract/channels.js';
import { openCase } from '../store/open.js';
import { runExport, type ExportRequest } from './run-export.js';

/**
 * Worker-thread entry of an export job (the protocol of ingest/import-worker.ts): reads on its own connection
 * (WAL: the UI keeps reading), writes the file, records the outcome, then says done. Progress maps onto JobProgress:
 * `records` = rows written, `bytesRead` = bytes written, `current` = the file name.
 */

export interface ExportWorkerData {
  caseFile: string;
  request: ExportRequest;
  jobId: string;
  nativeBinding?: string;
}

const PROGRESS_EVERY_MS = 200;
const data = workerData as ExportWorkerData;
const controller = new AbortController();
parentPort!.on('message', (msg: { type: string }) => {
  if (msg.type === 'cancel') controller.abort(new Error('cancelled'));
});

const started = Date.now();
function progress(rows: number, bytes: number, done: boolean): JobProgress {
  const elapsedMs = Date.now() - started;
  return {
    jobId: data.jobId, kind: 'export', current: path.basename(data.request.outPath), filesDone: done ? 1 : 0, filesTotal: 1,
    records: rows, inserted: 0, duplicates: 0, rejects: 0, bytesRead: bytes, bytesTotal: 0,
    rate: elapsedMs > 0 ? Math.round((rows * 1000) / elapsedMs) : 0, elapsedMs,
  };
}

(async () => {
  let done: { status: string; progress: JobProgress | null; error: string | null };
  try {
    const db = openCase(data.caseFile, { create: false, nativeBinding: data.nativeBinding });
    try {
      let last = 0;
      const outcome = await runExport(db, data.request, controller.signal, ({ rows, bytes }) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS) return;
        last = now;
        parentPort!.postMessage({ type: 'progress', progress: progress(rows, bytes, false) });
      });
      done = { status: outcome.status, progress: progress(outcome.rows, outcome.bytes, true), error: outcome.error };
    } finally {
      db.close();
    }
  } catch (err) {
    done = { status: 'failed', progress: null, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage({ type: 'done', ...done });
  parentPort!.close();
})();
