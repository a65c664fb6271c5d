import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import type { FinishedEntry } from './entry-sink.js';

/**
 * Writes a zip (PKWARE APPNOTE 6.3) from finished entries, in the order given, with one fixed timestamp and no
 * platform-dependent fields, so the same entries always give the same bytes. ZIP64 records are added only where a
 * size, offset or count does not fit 32/16 bits (a 1M-event pack stays a plain zip; a 10M one may not).
 */

const MAX32 = 0xffffffff;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;

/** MS-DOS date and time fields (local time in the format; we write the UTC wall clock, as zip tools expect). */
export function dosDateTime(iso: string): { date: number; time: number } {
  const d = new Date(iso);
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return extra;
}

export function localHeader(e: FinishedEntry, name: Buffer, when: { date: number; time: number }): Buffer {
  const big = e.size >= MAX32 || e.compressedSize >= MAX32;
  const extra = big ? zip64Extra([e.size, e.compressedSize]) : Buffer.alloc(0);
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(big ? 45 : 20, 4);
  h.writeUInt16LE(UTF8_NAMES, 6);
  h.writeUInt16LE(DEFLATE, 8);
  h.writeUInt16LE(when.time, 10);
  h.writeUInt16LE(when.date, 12);
  h.writeUInt32LE(e.crc32 >>> 0, 14);
  h.writeUInt32LE(big ? MAX32 : e.compressedSize, 18);
  h.writeUInt32LE(big ? MAX32 : e.size, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(extra.length, 28);
  return Buffer.concat([h, name, extra]);
}

export function centralHeader(e: FinishedEntry, name: Buffer, offset: number, when: { date: number; time: number }): Buffer {
  const wide = [e.size >= MAX32, e.compressedSize >= MAX32, offset >= MAX32];
  const values = [e.size, e.compressedSize, offset].filter((_, i) => wide[i]);
  const extra = values.length ? zip64Extra(values) : Buffer.alloc(0);
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE((3 << 8) | 45, 4); // made by: Unix, spec 4.5
  h.writeUInt16LE(values.length ? 45 : 20, 6);
  h.writeUInt16LE(UTF8_NAMES, 8);
  h.writeUInt16LE(DEFLATE, 10);
  h.writeUInt16LE(when.time, 12);
  h.writeUInt16LE(when.date, 14);
  h.writeUInt32LE(e.crc32 >>> 0, 16);
  h.writeUInt32LE(wide[1] ? MAX32 : e.compressedSize, 20);
  h.writeUInt32LE(wide[0] ? MAX32 : e.size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt16LE(extra.length, 30);
  h.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
  h.writeUInt32LE(wide[2] ? MAX32 : offset, 42);
  return Buffer.concat([h, name, extra]);
}

export function endRecords(count: number, cdOffset: number, cdSize: number): Buffer {
  const needs64 = count >= 0xffff || cdOffset >= MAX32 || cdSize >= MAX32;
  const parts: Buffer[] = [];
  if (needs64) {
    const r = Buffer.alloc(56);
    r.writeUInt32LE(0x06064b50, 0);
    r.writeBigUInt64LE(44n, 4);
    r.writeUInt16LE((3 << 8) | 45, 12);
    r.writeUInt16LE(45, 14);
    r.writeBigUInt64LE(BigInt(count), 24);
    r.writeBigUInt64LE(BigInt(count), 32);
    r.writeBigUInt64LE(BigInt(cdSize), 40);
    r.writeBigUInt64LE(BigInt(cdOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
    locator.writeUInt32LE(1, 16);
    parts.push(r, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(Math.min(cdSize, MAX32), 12);
  end.writeUInt32LE(Math.min(cdOffset, MAX32), 16);
  parts.push(end);
  return Buffer.concat(parts);
}

/** Writes the zip to `outFile`; returns its SHA-256 and size. */
export async function writeZip(outFile: string, entries: readonly FinishedEntry[], timestamp: string): Promise<{ sha256: string; bytes: number }> {
  const when = dosDateTime(timestamp);
  const hash = createHash('sha256');
  const out = await fs.open(outFile, 'w');
  let offset = 0;
  const put = async (buf: Buffer) => {
    hash.update(buf);
    await out.write(buf);
    offset += buf.length;
  };
  try {
    const central: Buffer[] = [];
    for (const e of entries) {
      const name = Buffer.from(e.name, 'utf8');
      central.push(centralHeader(e, name, offset, when));
      await put(localHeader(e, name, when));
      if (Buffer.isBuffer(e.data)) await put(e.data);
      else await copyFile(e.data.file, put);
    }
    const cdOffset = offset;
    const cd = Buffer.concat(central);
    await put(cd);
    await put(endRecords(entries.length, cdOffset, cd.length));
  } finally {
    await out.close();
  }
  return { sha256: hash.digest('hex'), bytes: offset };
}

async function copyFile(file: string, put: (buf: Buffer) => Promise<void>): Promise<void> {
  const input = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (;;) {
      const { bytesRead } = await input.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      await put(Buffer.from(buf.subarray(0, bytesRead)));
    }
  } finally {
    await input.close();
  }
}
