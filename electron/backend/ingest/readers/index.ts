import { basename } from 'node:path';
import { sniffContainer } from './sniff.js';
import { fileChunks, openFile, progressReporter, unreadable } from './source.js';
import { readTextObject } from './text-object.js';
import type { ReadItem, ReadOptions } from './types.js';
import { readZipItems } from './zip.js';

export type { ReadItem, ReadObjectStart, ReadOptions, ReadRecord, ReadReject, RecordLocation } from './types.js';
export { READ_LIMITS } from './types.js';

/**
 * Streams a local file as objects and their records: one `{kind:'object'}` per object (the file itself, or each
 * entry of a zip), then that object's records and rejects in order. Gzip, zip (with nested .gz entries), UTF-8 BOM
 * and UTF-16 are recognised by content; JSON (Lines, arrays, envelopes, concatenated objects) and CSV/TSV by their
 * first bytes. Memory stays bounded by the chunk size plus one record (at most READ_LIMITS.maxRecordBytes).
 *
 * Throws (an Error naming the path) only when the file cannot be read at all, or the signal's reason on abort;
 * everything wrong with the content comes back as rejects.
 */
export async function* readObjectItems(path: string, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  options.signal?.throwIfAborted();
  const name = options.displayName ?? path;
  const { handle } = await openFile(path);
  let closed = false;
  try {
    const head = Buffer.alloc(8);
    let headLength: number;
    try {
      headLength = (await handle.read(head, 0, head.length, 0)).bytesRead;
    } catch (err) {
      throw unreadable(path, err);
    }
    if (sniffContainer(head.subarray(0, headLength)) === 'zip') {
      // yauzl needs random access to the central directory: hand it the path and let it open its own descriptor
      await handle.close();
      closed = true;
      yield* readZipItems(path, name, options);
      return;
    }
    const progress = progressReporter(options.onBytes);
    let consumed = 0;
    const chunks = fileChunks(handle, path, {
      signal: options.signal,
      onRead: (n) => {
        consumed = n;
        progress.report(n);
      },
    });
    yield* readTextObject(chunks, { name, fileName: basename(name), signal: options.signal });
    progress.flush(consumed);
  } finally {
    if (!closed) await handle.close();
  }
}
