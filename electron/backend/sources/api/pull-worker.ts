import { parentPort, workerData } from 'node:worker_threads';
import { openCase } from '../../store/open.js';
import { pullApiSource } from './pull.js';

/**
 * Worker-thread entry of a 'pull' job (JobRegistry.startWorker): pulls one API source on its own connection and
 * speaks the import worker's protocol. The token, when the UI gave one, lives only in this thread's memory.
 */

export interface PullWorkerData {
  caseFile: string;
  name: string;
  token?: string;
  jobId: string;
  nativeBinding?: string;
}

const data = workerData as PullWorkerData;
const controller = new AbortController();
parentPort!.on('message', (msg: { type: string }) => {
  if (msg.type === 'cancel') controller.abort(new Error('cancelled'));
});

(async () => {
  let done: { status: string; progress: unknown; error: string | null };
  let last: unknown = null;
  try {
    const db = openCase(data.caseFile, { create: false, nativeBinding: data.nativeBinding });
    try {
      const summary = await pullApiSource({
        db, name: data.name, jobId: data.jobId, token: data.token, signal: controller.signal,
        onProgress: (progress) => {
          last = progress;
          parentPort!.postMessage({ type: 'progress', progress });
        },
      });
      const status = summary.error ? 'failed' : summary.cancelled ? 'cancelled' : 'completed';
      done = { status, progress: last, error: summary.error?.message ?? null };
    } finally {
      db.close();
    }
  } catch (err) {
    done = { status: 'failed', progress: last, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage({ type: 'done', ...done });
  parentPort!.close();
})();
