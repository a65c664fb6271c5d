import { spawnWorker } from '../jobs/spawn-worker.js';
import type { RowChunk } from './event-id.js';
import type { ParseRequest } from './parse-file.js';

/**
 * The writer's view of the parse worker: an async iterator of chunks. The worker starts at once, so it parses while
 * the caller still hashes the file; an abort of `signal` cancels it whether or not the chunks are ever read.
 * Consuming a chunk returns a credit; a read error surfaces as a thrown Error with the reader's message.
 */
export function parseFileInWorker(req: ParseRequest, signal: AbortSignal): AsyncGenerator<RowChunk> {
  const worker = spawnWorker(import.meta.url, './parse-worker', req);
  const queue: ({ type: 'chunk'; chunk: RowChunk } | { type: 'end' } | { type: 'error'; message: string })[] = [];
  let wake: (() => void) | null = null;
  const push = (m: (typeof queue)[number]) => {
    queue.push(m);
    wake?.();
    wake = null;
  };
  worker.on('message', push);
  worker.on('error', (err) => push({ type: 'error', message: err.message }));
  worker.on('exit', (code) => push(code === 0 ? { type: 'end' } : { type: 'error', message: `parse worker exited with code ${code}` }));
  const onAbort = () => worker.postMessage({ type: 'cancel' });
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });

  async function* chunks(): AsyncGenerator<RowChunk> {
    try {
      for (;;) {
        while (queue.length === 0) await new Promise<void>((r) => (wake = r));
        const msg = queue.shift()!;
        if (msg.type === 'end') return;
        if (msg.type === 'error') {
          if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
          throw new Error(msg.message);
        }
        yield msg.chunk;
        worker.postMessage({ type: 'credit' });
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
    }
  }
  return chunks();
}
