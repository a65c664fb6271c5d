import { parentPort, workerData } from 'node:worker_threads';
import type { JobProgress } from '../../../shared/contract/channels.js';
import type { PackRequest } from '../../../shared/contract/packs.js';
import { openCase } from '../store/open.js';
import { appendJournal } from '../store/queries/journal.js';
import { finishPack } from '../store/queries/packs.js';
import { buildPack } from './build.js';

/**
 * Worker-thread entry for a pack build (job kind 'pack'), speaking the protocol of ingest/import-worker.ts: out
 * {type:'progress'|'done'}, in {type:'cancel'}. It reads on its own connection, records the result in the packs
 * table and journals the build (after the zip is written, so the pack never contains its own journal entry).
 */

export interface PackWorkerData {
  jobId: string;
  caseFile: string;
  packId: string;
  outPath: string;
  request: PackRequest;
  nativeBinding?: string;
}

const data = workerData as PackWorkerData;
const controller = new AbortController();
parentPort!.on('message', (msg: { type: string }) => {
  if (msg.type === 'cancel') controller.abort(new Error('cancelled'));
});

const started = Date.now();
let progress: JobProgress = {
  jobId: data.jobId, kind: 'pack', current: null, filesDone: 0, filesTotal: 1, records: 0, inserted: 0, duplicates: 0,
  rejects: 0, bytesRead: 0, bytesTotal: 0, rate: 0, elapsedMs: 0, recordsTotal: 0,
};

(async () => {
  let done: { status: string; progress: JobProgress; error: string | null };
  const db = openCase(data.caseFile, { create: false, nativeBinding: data.nativeBinding });
  // Summaries group and sort up to millions of rows: let SQLite's sorter spill to temp files, not grow in memory.
  db.pragma('temp_store = FILE');
  try {
    const result = await buildPack(db, data.request, data.outPath, controller.signal, (p) => {
      const elapsedMs = Date.now() - started;
      progress = {
        ...progress, current: p.phase, records: p.processed, recordsTotal: p.total, elapsedMs,
        rate: elapsedMs > 0 ? Math.round((p.processed * 1000) / elapsedMs) : 0,
      };
      parentPort!.postMessage({ type: 'progress', progress });
    });
    // `inserted` stays 0: a pack adds no events to the case (hosts refresh the case view on inserted > 0).
    progress = { ...progress, current: null, filesDone: 1, bytesTotal: result.bytes, bytesRead: result.bytes, elapsedMs: Date.now() - started };
    finishPack(db, data.packId, { status: 'completed', sha256: result.sha256, events: result.events, bytes: result.bytes, message: null });
    const r = data.request;
    appendJournal(db, 'pack.build', {
      packId: data.packId, type: r.type, from: r.from, to: r.to, query: r.query ?? null, sample: r.sample ?? null,
      out: data.outPath, sha256: result.sha256, events: result.events,
    });
    done = { status: 'completed', progress, error: null };
  } catch (err) {
    const cancelled = controller.signal.aborted;
    const message = cancelled ? 'cancelled' : err instanceof Error ? err.message : String(err);
    finishPack(db, data.packId, { status: cancelled ? 'cancelled' : 'failed', sha256: null, events: 0, bytes: 0, message });
    done = { status: cancelled ? 'cancelled' : 'failed', progress, error: cancelled ? null : message };
  } finally {
    db.close();
  }
  parentPort!.postMessage({ type: 'done', ...done });
  parentPort!.close();
})();
