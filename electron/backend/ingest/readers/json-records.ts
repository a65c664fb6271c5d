import { findKeyedArray, pageEnvelopeKey } from './json-envelope.js';
import { JsonScanner, type ScanSink } from './json-scanner.js';
import { countNewlines } from './lines.js';
import { SourceDataError } from './source.js';
import type { ReadRecord, ReadReject } from './types.js';

type Out = ReadRecord | ReadReject;

const FEED_SLICE = 64 * 1024;

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Parses what the scanner slices and turns it into records and rejects, numbering both in order. */
export class RecordSink implements ScanSink {
  private index = 0;
  constructor(private readonly out: Out[]) {}

  value(bytes: Buffer, line: number, byteOffset: number, topLevel: boolean): string | null {
    const text = bytes.toString('utf8');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return (e as Error).message;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const where = topLevel ? `line ${line}` : `the array element at line ${line}`;
      this.reject(`${where} holds a JSON ${kindOf(value)}, not an object record`, line, byteOffset, text);
      return null;
    }
    if (topLevel) {
      const key = pageEnvelopeKey(value as Record<string, unknown>);
      const range = key === null ? null : findKeyedArray(bytes, key);
      if (range) {
        // A page wrapper whose records key is not first (Graph: "@odata.context" comes first): split it now that
        // the whole (size-bounded) object is in memory, keeping each element's exact text and position.
        const inner = new JsonScanner(this, {
          line: line + countNewlines(bytes, 0, range.start),
          byteOffset: byteOffset + range.start,
        });
        inner.push(bytes.subarray(range.start, range.end));
        inner.finish();
        return null;
      }
    }
    this.out.push({ kind: 'record', value, text, line, byteOffset, recordIndex: this.index++ });
    return null;
  }

  reject(reason: string, line: number | null, byteOffset: number | null, excerpt: string): void {
    this.out.push({
      kind: 'reject',
      reason,
      excerpt: excerpt.length > 500 ? excerpt.slice(0, 500) : excerpt,
      line,
      byteOffset,
      recordIndex: this.index++,
    });
  }
}

/**
 * Records of one JSON object stream. A SourceDataError from the byte source (truncated gzip, corrupt entry) ends
 * the object with a reject after everything decoded before it.
 */
export async function* readJsonRecords(
  source: AsyncIterable<Buffer>,
  startOffset: number,
  signal?: AbortSignal,
): AsyncGenerator<Out> {
  const out: Out[] = [];
  const scanner = new JsonScanner(new RecordSink(out), { byteOffset: startOffset });
  let sourceError: string | null = null;
  try {
    for await (const chunk of source) {
      // Small zero-copy slices keep each batch of parsed records short-lived (cheap young-generation GC).
      for (let at = 0; at < chunk.length; at += FEED_SLICE) {
        scanner.push(chunk.subarray(at, at + FEED_SLICE));
        // check the signal per item so cancelling is immediate
        for (let k = 0; k < out.length; k++) {
          if (signal?.aborted) signal.throwIfAborted();
          yield out[k];
        }
        out.length = 0;
      }
    }
  } catch (err) {
    if (!(err instanceof SourceDataError)) throw err;
    sourceError = err.message;
  }
  scanner.finish(sourceError);
  yield* out;
}
