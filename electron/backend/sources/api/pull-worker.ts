import { parentPort, workerData } from 'node:worker_threads';
import type { S3Keys } from '../../../../shared/contract/sources.js';
import { openCase, type Db } from '../../store/open.js';
import { sourceKind } from '../../store/queries/s3-sources.js';
import { pullS3Source } from '../s3-source-pull.js';
import { pullApiSource } from './pull.js';

/**
 * Worker-thread entry of a 'pull' job (JobRegistry.startWorker): pulls one API or S3 source on its own connection and
 * speaks the import worker's protocol. A token or S3 keys, when the UI gave them, live only in this thread's memory.
 */

export interface PullWorkerData {
  caseFile: string;
  name: string;
  token?: string;
  s3Keys?: S3Keys;
  jobId: string;
  nativeBinding?: string;
}

const data = workerData as PullWorkerData;
const controller = new AbortController();
parentPort!.on('message', (msg: { type: string }) => {
  if (msg.type === 'cancel') controller.abort(new Error('cancelled'));
});

function pullSource(db: Db, onProgress: (p: unknown) => void) {
  const common = { db, name: data.name, jobId: data.jobId, signal: controller.signal, onProgress };
  if (sourceKind(db, data.name) === 's3') return pullS3Source({ ...common, keys: data.s3Keys });
  return pullApiSource({ ...common, token: data.token });
}

(async () => {
  let done: { status: string; progress: unknown; error: string | null };
  let last: unknown = null;
  try {
    const db = openCase(data.caseFile, { create: false, nativeBinding: data.nativeBinding });
    try {
      const onProgress = (progress: unknown) => {
        last = progress;
        parentPort!.postMessage({ type: 'progress', progress });
      };
      const summary = await pullSource(db, onProgress);
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
