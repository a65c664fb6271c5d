import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { inflateChunks } from './gzip.js';
import { formatBytes } from './lines.js';
import { progressReporter, SourceDataError } from './source.js';
import { readTextObject } from './text-object.js';
import { READ_LIMITS, type ReadItem, type ReadOptions } from './types.js';

/**
 * Zip archives: every file entry is its own object (`archive.zip!dir/file.json`). Entries are read one at a time
 * (lazyEntries) as raw compressed bytes and inflated here, so sizes, ratio and CRC are checked by us and progress
 * counts compressed bytes on disk. Hostile entries become rejects; the rest of the archive still imports.
 */

/** Below this many uncompressed bytes a high ratio is harmless (tiny repetitive files compress very well). */
const RATIO_FLOOR = 1024 * 1024;

const openZip = (path: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(
      path,
      // decodeStrings:false keeps yauzl from aborting the whole archive on an unsafe name; we reject that entry only
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)),
    ),
  );

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (e: yauzl.Entry) => (done(), resolve(e));
    const onEnd = () => (done(), resolve(null));
    const onError = (e: Error) => (done(), reject(e));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

const openRaw = (zip: yauzl.ZipFile, entry: yauzl.Entry) =>
  new Promise<Readable>((resolve, reject) =>
    zip.openReadStream(entry, { decodeFileData: false }, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s))),
  );

/** Why an entry must not be read, or null. */
export function entryProblem(entry: yauzl.Entry, name: string): string | null {
  const unsafe = /\0/.test(name) ? `NUL character in name` : yauzl.validateFileName(name);
  if (unsafe !== null) return `unsafe entry name (zip-slip): ${unsafe}`;
  if (entry.isEncrypted()) return `entry ${name} is encrypted`;
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return `entry ${name} uses unsupported compression method ${entry.compressionMethod}`;
  }
  const max = READ_LIMITS.maxDecompressedBytes;
  if (entry.uncompressedSize > max) {
    return `entry ${name} declares ${entry.uncompressedSize} bytes uncompressed, over the ${formatBytes(max)} limit`;
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > RATIO_FLOOR && ratio > READ_LIMITS.maxCompressionRatio) {
    return `entry ${name} has a compression ratio of ${Math.round(ratio)}:1, over the ${READ_LIMITS.maxCompressionRatio}:1 limit (possible zip bomb)`;
  }
  return null;
}

/** Raw entry bytes with progress (archive offset + compressed bytes read) and cancellation. */
async function* rawChunks(stream: Readable, at: number, progress: (n: number) => void, signal?: AbortSignal): AsyncGenerator<Buffer> {
  let n = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      n += chunk.length;
      progress(at + n);
      yield chunk;
    }
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new SourceDataError(`zip entry unreadable: ${(err as Error).message}`);
  } finally {
    stream.destroy();
  }
}

/** Inflated entry bytes, checked against the declared size and CRC-32 (a damaged entry ends with a reject). */
async function* entryData(raw: AsyncIterable<Buffer>, entry: yauzl.Entry, name: string): AsyncGenerator<Buffer> {
  const declared = entry.uncompressedSize;
  let crc = 0;
  let size = 0;
  const data =
    entry.compressionMethod === 8
      ? inflateChunks(raw, 'deflate-raw', { maxOutputBytes: declared, limitLabel: `the entry's declared size of ${declared} bytes` })
      : raw;
  for await (const chunk of data) {
    size += chunk.length;
    if (size > declared) throw new SourceDataError(`entry ${name} holds more than its declared ${declared} bytes`);
    crc = zlib.crc32(chunk, crc);
    yield chunk;
  }
  if (size !== declared) throw new SourceDataError(`entry ${name} ends after ${size} of its declared ${declared} bytes`);
  if (crc !== entry.crc32) throw new SourceDataError(`entry ${name} is corrupt: CRC-32 mismatch`);
}

function rejectObject(name: string, reason: string): ReadItem[] {
  return [
    { kind: 'object', name, csvHeader: null },
    { kind: 'reject', reason, excerpt: '', line: null, byteOffset: null, recordIndex: 0 },
  ];
}

export async function* readZipItems(path: string, archiveName: string, options: ReadOptions): AsyncGenerator<ReadItem> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch (err) {
    yield* rejectObject(archiveName, `zip archive unreadable: ${(err as Error).message}`);
    return;
  }
  // yauzl only emits errors while reading an entry (nextEntry listens then); never let a stray one crash the process
  zip.on('error', () => undefined);
  const progress = progressReporter(options.onBytes);
  try {
    if (zip.entryCount > READ_LIMITS.maxZipEntries) {
      yield* rejectObject(archiveName, `zip archive has ${zip.entryCount} entries, over the ${READ_LIMITS.maxZipEntries} limit`);
      return;
    }
    for (;;) {
      options.signal?.throwIfAborted();
      let entry: yauzl.Entry | null;
      try {
        entry = await nextEntry(zip);
      } catch (err) {
        yield* rejectObject(archiveName, `zip archive damaged: ${(err as Error).message}`);
        return;
      }
      if (entry === null) break;
      const entryName = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      if (entryName.endsWith('/')) continue; // directory
      const name = `${archiveName}!${entryName}`;
      const problem = entryProblem(entry, entryName);
      if (problem !== null) {
        yield* rejectObject(name, problem);
        continue;
      }
      let stream: Readable;
      try {
        stream = await openRaw(zip, entry);
      } catch (err) {
        yield* rejectObject(name, `entry ${entryName} unreadable: ${(err as Error).message}`);
        continue;
      }
      const at = entry.relativeOffsetOfLocalHeader;
      const data = entryData(rawChunks(stream, at, progress.report, options.signal), entry, entryName);
      const base = entryName.slice(entryName.lastIndexOf('/') + 1);
      yield* readTextObject(data, { name, fileName: base, signal: options.signal });
    }
    progress.flush(zip.fileSize);
  } finally {
    zip.close();
  }
}
