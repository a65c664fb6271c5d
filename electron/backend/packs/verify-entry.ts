import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
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

export function openEntry(file: string, entry: ZipEntryInfo): Readable {
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
  try {
    for await (const chunk of openEntry(file, entry) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      if (keepText && size <= KEEP_LIMIT) kept.push(chunk);
    }
  } catch (err) {
    return { sha256: '', size, text: null, problem: `zip entry ${entry.name}: the compressed data is damaged (${(err as Error).message})` };
  }
  const problem = crc >>> 0 !== entry.crc32 >>> 0
    ? `zip entry ${entry.name}: CRC-32 does not match (the content was changed)`
    : size !== entry.size
      ? `zip entry ${entry.name}: inflates to ${size} bytes, the zip says ${entry.size}`
      : null;
  return { sha256: hash.digest('hex'), size, text: keepText && size <= KEEP_LIMIT ? Buffer.concat(kept).toString('utf8') : null, problem };
}
