import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { ExportFormat } from '../../../shared/contract/exports.js';
import type { AuditEvent } from '../../../shared/model/event.js';
import { encoderFor } from './format-writer.js';

/**
 * Streams events into `sink` in the given format: text is gathered into chunks of CHUNK_CHARS, each chunk is
 * hashed (SHA-256 of exactly the bytes written) and written with backpressure, so memory stays flat at any size.
 */

const CHUNK_CHARS = 256 * 1024;

export interface WriteOptions {
  format: ExportFormat;
  query: string;
  /** At most this many events; when more match, the file ends with a truncation note. */
  limit: number | null;
  signal?: AbortSignal;
  /** Called after every chunk with the totals so far (callers throttle). */
  onChunk?: (rows: number, bytes: number) => void;
}

export interface WriteResult {
  rows: number;
  bytes: number;
  sha256: string;
  truncated: boolean;
}

export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled');
  }
}

export async function writeEvents(sink: Writable, events: Iterable<AuditEvent>, opts: WriteOptions): Promise<WriteResult> {
  const encoder = encoderFor(opts.format);
  const hash = createHash('sha256');
  let rows = 0;
  let bytes = 0;
  let pending = encoder.header;
  let failure: Error | null = null;
  const onError = (err: Error) => (failure ??= err);
  sink.on('error', onError);
  const flush = async () => {
    if (failure) throw failure;
    if (pending === '') return;
    const buf = Buffer.from(pending, 'utf8');
    pending = '';
    hash.update(buf);
    bytes += buf.length;
    // `once` rejects when the sink emits 'error' while we wait, and removes its listeners either way.
    if (!sink.write(buf)) await once(sink, 'drain');
    if (failure) throw failure;
    opts.onChunk?.(rows, bytes);
    // Let the event loop run between chunks: a cancel message (and other I/O) is seen within one chunk.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  let truncated = false;
  try {
    for (const event of events) {
      if (opts.signal?.aborted) throw new ExportCancelled();
      if (opts.limit !== null && rows >= opts.limit) {
        truncated = true;
        break;
      }
      pending += encoder.event(event, rows);
      rows++;
      if (pending.length >= CHUNK_CHARS) await flush();
    }
    if (truncated) pending += encoder.truncationNote({ limit: opts.limit!, query: opts.query }, rows);
    pending += encoder.footer(rows);
    await flush();
  } finally {
    sink.off('error', onError);
  }
  return { rows, bytes, sha256: hash.digest('hex'), truncated };
}
