import { createHash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { ZipEntryInfo } from './zip-inspect.js';

/** Reading one pack entry: inflated, hashed and checked against the CRC-32 and size the zip records. */

export interface EntryCheck {
  sha256: string;
  size: number;
  /** The content as UTF-8 text, for the small tag and payload files. */
  text: string | null;
  problem: string | null;
}

const KEEP_LIMIT = 64 * 1024 * 1024;

export function openEntry(file: string, entry: ZipEntryInfo): zlib.InflateRaw {
  const raw = entry.compressedSize > 0
    ? fs.createReadStream(file, { start: entry.dataOffset, end: entry.dataOffset + entry.compressedSize - 1 })
    : fs.createReadStream(file, { start: 0, end: -1 });
  const inflate = zlib.createInflateRaw();
  raw.on('error', (err) => inflate.destroy(err));
  return raw.pipe(inflate);
}

export async function readEntry(file: string, entry: ZipEntryInfo, keepText: boolean): Promise<EntryCheck> {
  const hash = createHash('sha256');
  let crc = 0;
  let size = 0;
  const kept: Buffer[] = [];
  const inflate = openEntry(file, entry);
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      hash.update(chunk);
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      if (keepText && size <= KEEP_LIMIT) kept.push(chunk);
    }
  } catch (err) {
    return { sha256: '', size, text: null, problem: `zip entry ${entry.name}: the compressed data is damaged (${(err as Error).message})` };
  }
  // Inflate stops at the end of the deflate stream and ignores what follows: the stream must end exactly where the
  // entry's compressed data ends (bytesWritten counts the input inflate consumed), or bytes are unaccounted for.
  const left = entry.compressedSize - inflate.bytesWritten;
  let problem: string | null = null;
  if (left > 0) problem = `zip entry ${entry.name}: the compressed data is damaged (${left} bytes after the end of the deflate stream)`;
  else if (crc >>> 0 !== entry.crc32 >>> 0) problem = `zip entry ${entry.name}: CRC-32 does not match (the content was changed)`;
  else if (size !== entry.size) problem = `zip entry ${entry.name}: inflates to ${size} bytes, the zip says ${entry.size}`;
  return { sha256: hash.digest('hex'), size, text: keepText && size <= KEEP_LIMIT ? Buffer.concat(kept).toString('utf8') : null, problem };
}
