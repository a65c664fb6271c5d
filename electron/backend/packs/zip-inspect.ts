import fs from 'node:fs/promises';
import type { FinishedEntry } from './entry-sink.js';
import { centralHeader, dosDateTime, endRecords, localHeader } from './zip-writer.js';

/**
 * Reads a pack zip's directory and checks that every byte outside the compressed data is exactly what the pack
 * writer produces for those entries: local and central headers, the fixed timestamp, contiguous entries, the end
 * records and nothing before or after. Together with the inflate, CRC and hash checks of the content this
 * detects every changed byte that changes what the zip says or holds (every bit of a built pack was flipped to
 * check); a change that deflate decodes to the same content is left to the recorded SHA-256 (verify.ts).
 */

export interface ZipEntryInfo {
  name: string;
  crc32: number;
  size: number;
  compressedSize: number;
  /** Offset of the local header; the compressed data starts `dataOffset`. */
  offset: number;
  dataOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntryInfo[];
  problems: string[];
}

async function readAt(fh: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(Math.max(0, length));
  const { bytesRead } = await fh.read(buf, 0, buf.length, position);
  return buf.subarray(0, bytesRead);
}

function locateDirectory(tail: Buffer, tailStart: number, fileSize: number): { count: number; cdOffset: number; cdSize: number } | null {
  const eocd = tail.length - 22;
  if (eocd < 0 || tail.readUInt32LE(eocd) !== 0x06054b50) return null;
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (eocd >= 20 && tail.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z64 = Number(tail.readBigUInt64LE(eocd - 12)) - tailStart;
    if (z64 < 0 || z64 + 56 > tail.length) return null;
    count = Number(tail.readBigUInt64LE(z64 + 32));
    cdSize = Number(tail.readBigUInt64LE(z64 + 40));
    cdOffset = Number(tail.readBigUInt64LE(z64 + 48));
  }
  return cdOffset + cdSize <= fileSize ? { count, cdOffset, cdSize } : null;
}

export async function inspectZip(file: string, timestamp: string | null): Promise<ZipDirectory> {
  const problems: string[] = [];
  const fh = await fs.open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    const tailStart = Math.max(0, size - 22 - 76);
    const tail = await readAt(fh, tailStart, size - tailStart);
    const dir = locateDirectory(tail, tailStart, size);
    if (!dir) return { entries: [], problems: ['zip: the end-of-central-directory record is not at the end of the file (bytes added or changed, or not a zip)'] };
    const cd = await readAt(fh, dir.cdOffset, dir.cdSize);
    const entries: ZipEntryInfo[] = [];
    let pos = 0;
    for (let i = 0; i < dir.count; i++) {
      if (pos + 46 > cd.length || cd.readUInt32LE(pos) !== 0x02014b50) {
        problems.push(`zip: central directory entry ${i + 1} is damaged`);
        return { entries, problems };
      }
      const nameLength = cd.readUInt16LE(pos + 28);
      const extraLength = cd.readUInt16LE(pos + 30);
      const commentLength = cd.readUInt16LE(pos + 32);
      const name = cd.subarray(pos + 46, pos + 46 + nameLength).toString('utf8');
      const extra = cd.subarray(pos + 46 + nameLength, pos + 46 + nameLength + extraLength);
      const wide = (v: number) => v === 0xffffffff;
      let k = 4;
      const next64 = () => (k + 8 <= extra.length ? Number(extra.readBigUInt64LE((k += 8) - 8)) : -1);
      const rawSize = cd.readUInt32LE(pos + 24);
      const rawCompressed = cd.readUInt32LE(pos + 20);
      const rawOffset = cd.readUInt32LE(pos + 42);
      const e = {
        name, crc32: cd.readUInt32LE(pos + 16),
        size: wide(rawSize) ? next64() : rawSize,
        compressedSize: wide(rawCompressed) ? next64() : rawCompressed,
        offset: wide(rawOffset) ? next64() : rawOffset,
      };
      const entry = { ...e, dataOffset: e.offset + 30 + Buffer.byteLength(name) + (e.size >= 0xffffffff || e.compressedSize >= 0xffffffff ? 20 : 0) };
      entries.push(entry);
      const when = dosDateTime(timestamp ?? '1980-01-01T00:00:00Z');
      const asFinished = { name, sha256: '', crc32: e.crc32, size: e.size, compressedSize: e.compressedSize, data: Buffer.alloc(0) } satisfies FinishedEntry;
      const central = cd.subarray(pos, pos + 46 + nameLength + extraLength + commentLength);
      if (!central.equals(centralHeader(asFinished, Buffer.from(name), e.offset, when))) {
        const stamp = central.readUInt16LE(12) !== when.time || central.readUInt16LE(14) !== when.date;
        problems.push(stamp && timestamp
          ? `zip entry ${name}: timestamp differs from the pack's generatedAt (${timestamp})`
          : `zip entry ${name}: central directory record differs from what the pack writer writes`);
      }
      const expectedLocal = localHeader(asFinished, Buffer.from(name), when);
      const local = await readAt(fh, e.offset, expectedLocal.length);
      if (!local.equals(expectedLocal)) problems.push(`zip entry ${name}: local header differs from the central directory`);
      pos += central.length;
    }
    if (pos !== cd.length) problems.push('zip: the central directory size does not match its entries');
    let expected = 0;
    for (const e of entries) {
      if (e.offset !== expected) problems.push(`zip entry ${e.name}: starts at byte ${e.offset}, expected ${expected} (bytes inserted or removed)`);
      expected = e.dataOffset + e.compressedSize;
    }
    if (expected !== dir.cdOffset) problems.push(`zip: ${dir.cdOffset - expected} unexpected bytes between the last entry and the central directory`);
    const end = endRecords(dir.count, dir.cdOffset, dir.cdSize);
    const actualEnd = await readAt(fh, dir.cdOffset + dir.cdSize, size - dir.cdOffset - dir.cdSize);
    if (!actualEnd.equals(end)) problems.push('zip: the end records differ from what the pack writer writes (bytes added or changed after the central directory)');
    return { entries, problems };
  } finally {
    await fh.close();
  }
}
