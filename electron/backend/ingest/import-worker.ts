import { parentPort, workerData } from 'node:worker_threads';
import { openCase } from '../store/open.js';
import { runImport, type ImportRequest } from './pipeline.js';

/**
 * Worker-thread entry: parses and writes on its own thread and its own connection (WAL lets the UI's connection
 * keep reading). Messages out: {type:'progress'|'done'}; in: {type:'cancel'}.
 */

export interface ImportWorkerData {
  caseFile: string;
  request: ImportRequest;
  nativeBinding?: string;
}

const data = workerData as ImportWorkerData;
const controller = new AbortController();
parentPort!.on('message', (msg: { type: string }) => {
  if (msg.type === 'cancel') controller.abort(new Error('cancelled'));
});

(async () => {
  let done: { status: string; progress: unknown; error: string | null };
  const db = openCase(data.caseFile, { create: false, nativeBinding: data.nativeBinding });
  try {
    const final = await runImport(db, data.request, controller.signal, (progress) =>
      parentPort!.postMessage({ type: 'progress', progress }),
    );
    done = { status: controller.signal.aborted ? 'cancelled' : 'completed', progress: final, error: null };
  } catch (err) {
    done = { status: 'failed', progress: null, error: err instanceof Error ? err.message : String(err) };
  } finally {
    db.close();
  }
  // Close the connection before saying done, then let go of the port: its 'message' listener would otherwise keep
  // this thread (and the CLI process) alive after the import.
  parentPort!.postMessage({ type: 'done', ...done });
  parentPort!.close();
})();
