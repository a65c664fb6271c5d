import { parentPort, workerData } from 'node:worker_threads';
import { toRowChunk } from './event-id.js';
import { parseFile, type ParseRequest } from './parse-file.js';

/**
 * Parse worker: streams chunks to the import worker (the writer), events already as row values with their identity
 * (hashing here keeps the writer thread, the busier one, to SQLite work). Credits bound the chunks in flight, so
 * a fast parser never piles up memory ahead of a slower writer. In: {type:'credit'|'cancel'}.
 * Out: {type:'chunk', chunk} | {type:'end'} | {type:'error', message}.
 */
// Enough chunks (2000 rows, ~2 MB each) for the parser to keep going while the writer catches up the full-text
// index of a bulk load (store/bulk-load.ts): with 3 in flight the parser stalled there, costing ~1.5 s at 1M.
const MAX_IN_FLIGHT = 32;
const port = parentPort!;
const controller = new AbortController();
let inFlight = 0;
let wake: (() => void) | null = null;

port.on('message', (msg: { type: string }) => {
  if (msg.type === 'credit') inFlight--;
  if (msg.type === 'cancel') controller.abort(new Error('cancelled'));
  wake?.();
  wake = null;
});

(async () => {
  try {
    for await (const chunk of parseFile(workerData as ParseRequest, controller.signal)) {
      while (inFlight >= MAX_IN_FLIGHT && !controller.signal.aborted) await new Promise<void>((r) => (wake = r));
      if (controller.signal.aborted) break;
      inFlight++;
      port.postMessage({ type: 'chunk', chunk: toRowChunk(chunk) });
    }
    port.postMessage({ type: controller.signal.aborted ? 'error' : 'end', message: 'cancelled' });
  } catch (err) {
    port.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
  port.close();
})();
