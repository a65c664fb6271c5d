/**
 * Test helpers for the streaming readers: temp files, item collection, and a minimal zip writer (yauzl only reads).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterAll } from 'vitest';
import { readObjectItems } from '../../electron/backend/ingest/readers/index.js';
import type { ReadItem, ReadOptions, ReadRecord, ReadReject } from '../../electron/backend/ingest/readers/types.js';

/** A temp dir removed after the test file; `file(name, content)` writes into it and returns the path. */
export function tempDir(prefix = 'auditlens-readers-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    path: (name: string) => join(dir, name),
    file(name: string, content: string | Buffer): string {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
  };
}

export async function collect(path: string, options?: ReadOptions): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const it of readObjectItems(path, options)) items.push(it);
  return items;
}

export const records = (items: ReadItem[]) => items.filter((i): i is ReadRecord => i.kind === 'record');
export const rejects = (items: ReadItem[]) => items.filter((i): i is ReadReject => i.kind === 'reject');
export const objects = (items: ReadItem[]) => items.filter((i) => i.kind === 'object');

export interface ZipEntrySpec {
  name: string;
  data: Buffer | string;
  /** 0 = stored, 8 = deflate (default). */
  method?: 0 | 8;
  /** Lie about the uncompressed size (bomb / corruption tests). */
  declaredSize?: number;
  /** Lie about the CRC-32. */
  crc?: number;
}

/** Writes a plain (non-zip64) zip archive with UTF-8 names; enough for yauzl and for hostile-entry tests. */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data);
    const method = e.method ?? 8;
    const body = method === 8 ? zlib.deflateRawSync(data) : data;
    const name = Buffer.from(e.name, 'utf8');
    const crc = e.crc ?? zlib.crc32(data);
    const size = e.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt16LE(0, 12);
    cd.writeUInt16LE(0x21, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(cd, name);
    offset += local.length + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, eocd]);
}

/** JSON Lines text for n small records `{"i":0,...}`. */
export function jsonl(n: number, extra = ''): string {
  let s = '';
  for (let i = 0; i < n; i++) s += `{"i":${i},"eventName":"E${i % 7}","pad":"${extra}"}\n`;
  return s;
}
