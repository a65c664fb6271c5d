import { readCsvRecords } from './csv-reader.js';
import { gunzipChunks } from './gzip.js';
import { readJsonRecords } from './json-records.js';
import { describeBytes } from './lines.js';
import { MAGIC_BYTES, sniffContainer, sniffEncoding, sniffText, type Encoding } from './sniff.js';
import { prepend, SourceDataError } from './source.js';
import { READ_LIMITS, type ReadItem } from './types.js';

export interface ObjectContext {
  /** Provenance name of the object (path, display name, or `archive!entry`). */
  name: string;
  /** Base name used for extension hints (`.csv`, `.tsv`); `.gz` is peeled off when the content is gzip. */
  fileName: string;
  signal?: AbortSignal;
  /** How many gzip layers were already removed (a .gz inside a .gz is read; deeper nesting is refused). */
  gzipDepth?: number;
}

/** Enough text to see a CSV header and a few rows; JSON is decided from the first non-blank byte. */
const SNIFF_BYTES = 64 * 1024;
/** A CSV whose first line is longer than this is sniffed from this much. */
const SNIFF_MAX = 1024 * 1024;

function extOf(fileName: string): string {
  const base = fileName.toLowerCase().replace(/\.gz$/, '');
  const dot = base.lastIndexOf('.');
  return dot > base.lastIndexOf('/') && dot >= 0 ? base.slice(dot) : '';
}

function rejectItem(reason: string, excerpt = '', line: number | null = null, byteOffset: number | null = null, recordIndex = 0): ReadItem {
  return { kind: 'reject', reason, excerpt, line, byteOffset, recordIndex };
}

/** Replays chunks already read, then the rest of the source; a failure seen while sniffing is re-thrown at the end. */
async function* resume(head: Buffer[], rest: AsyncIterator<Buffer> | null, failure: unknown): AsyncGenerator<Buffer> {
  if (rest) yield* prepend(head, rest);
  else yield* head;
  if (failure) throw failure;
}

/** UTF-16 exports (PowerShell, some Windows tools) are transcoded to UTF-8 chunk by chunk. */
async function* transcode(source: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', { ignoreBOM: false });
  for await (const chunk of source) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield Buffer.from(text, 'utf8');
  }
  const tail = decoder.decode();
  if (tail) yield Buffer.from(tail, 'utf8');
}

/** Reads from the iterator until `enough` says so or the source ends; keeps a source failure for later. */
async function gather(it: AsyncIterator<Buffer>, have: Buffer[], enough: (b: Buffer) => boolean) {
  let failure: unknown = null;
  let eof = false;
  let joined: Buffer = Buffer.concat(have);
  try {
    while (!enough(joined)) {
      const r = await it.next();
      if (r.done) {
        eof = true;
        break;
      }
      have.push(r.value);
      joined = have.length === 1 ? r.value : Buffer.concat([joined, r.value]);
    }
  } catch (err) {
    if (!(err instanceof SourceDataError)) throw err;
    failure = err;
    eof = true;
  }
  return { joined, eof, failure };
}

/**
 * One object's items from its byte stream: peels gzip, refuses other containers, strips the BOM, then reads JSON
 * (any of the shapes the scanner knows) or CSV, or reports the object as an unknown format.
 */
export async function* readTextObject(source: AsyncIterable<Buffer>, ctx: ObjectContext): AsyncGenerator<ReadItem> {
  const it = source[Symbol.asyncIterator]();
  try {
    const chunks: Buffer[] = [];
    const magic = await gather(it, chunks, (b) => b.length >= MAGIC_BYTES);
    const container = sniffContainer(magic.joined);
    const depth = ctx.gzipDepth ?? 0;
    if (container === 'gzip' && depth < 2) {
      const plain = gunzipChunks(resume(chunks, magic.eof ? null : it, magic.failure), READ_LIMITS.maxDecompressedBytes);
      yield* readTextObject(plain, { ...ctx, fileName: ctx.fileName.replace(/\.gz$/i, ''), gzipDepth: depth + 1 });
      return;
    }
    if (container !== null) {
      yield { kind: 'object', name: ctx.name, csvHeader: null };
      const what = container === 'zip' ? 'a zip archive inside a container' : `${container} data`;
      yield rejectItem(`unsupported format: ${what} cannot be read here; extract it first`, describeBytes(magic.joined));
      return;
    }

    const { encoding, bom } = sniffEncoding(magic.joined);
    let text: AsyncIterator<Buffer> = it;
    let head = chunks;
    let failure = magic.failure;
    let eof = magic.eof;
    if (encoding !== 'utf8') {
      const skipped = bom > 0 ? [magic.joined.subarray(bom)] : [magic.joined];
      text = transcode(resume(skipped, eof ? null : it, failure), encoding)[Symbol.asyncIterator]();
      head = [];
      failure = null;
      eof = false;
    } else if (bom > 0) {
      head = [magic.joined.subarray(bom)];
    }
    const offset = encoding === 'utf8' ? bom : 0;

    const sample = eof ? { joined: Buffer.concat(head), eof, failure } : await gather(text, head, (b) => {
      const c = b.findIndex((x) => x !== 0x20 && x !== 0x0a && x !== 0x0d && x !== 0x09);
      if (c !== -1 && (b[c] === 0x7b || b[c] === 0x5b)) return true;
      if (b.length >= SNIFF_MAX) return true;
      return b.length >= SNIFF_BYTES && b.indexOf(0x0a, c) !== -1;
    });
    failure ||= sample.failure;
    eof ||= sample.eof;
    const plan = sniffText(sample.joined, extOf(ctx.fileName), eof);
    const body = resume(head, eof ? null : text, failure);

    if (plan.kind === 'json') {
      yield { kind: 'object', name: ctx.name, csvHeader: null };
      yield* readJsonRecords(body, offset, ctx.signal);
    } else if (plan.kind === 'csv') {
      yield* readCsvRecords(body, plan, { name: ctx.name, startOffset: offset, signal: ctx.signal });
    } else {
      yield { kind: 'object', name: ctx.name, csvHeader: null };
      let n = 0;
      if (plan.kind === 'unknown') {
        const first = describeBytes(sample.joined);
        yield rejectItem(`unknown format: not JSON, JSON Lines or CSV (first bytes: ${first})`, '', 1, offset, n++);
      }
      if (failure) yield rejectItem((failure as Error).message, '', null, null, n);
    }
  } finally {
    await it.return?.();
  }
}
