import { chmodSync, mkdirSync, statSync } from 'node:fs';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readObjectItems } from '../../electron/backend/ingest/readers/index.js';
import { unreadable } from '../../electron/backend/ingest/readers/source.js';
import { entryProblem } from '../../electron/backend/ingest/readers/zip.js';
import type yauzl from 'yauzl';
import { buildZip, collect, jsonl, objects, records, rejects, tempDir } from './readers-helpers.js';

const tmp = tempDir();

describe('gzip', () => {
  it('reads a gzip file by its magic bytes, whatever its name, and reports on-disk progress', async () => {
    const plain = jsonl(20000, 'p'.repeat(40));
    const gz = zlib.gzipSync(plain);
    const path = tmp.file('events.log', gz);
    const progress: number[] = [];
    const items = await collect(path, { onBytes: (n) => progress.push(n) });
    expect(records(items)).toHaveLength(20000);
    expect(records(items)[19999]).toMatchObject({ line: 20000, value: { i: 19999 } });
    expect(progress.at(-1)).toBe(gz.length);
    progress.slice(1).forEach((n, k) => expect(n - progress[k]).toBeGreaterThan(0));
  });

  it('yields every record decoded before the cut of a truncated gzip, then one reject', async () => {
    const gz = zlib.gzipSync(jsonl(50000, 'x'.repeat(30)));
    const cut = Math.floor(gz.length * 0.6);
    // what zlib can decode from the cut bytes: every complete line in there must come out as a record
    const decodable = zlib.gunzipSync(gz.subarray(0, cut), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString();
    const complete = decodable.slice(0, decodable.lastIndexOf('\n') + 1).split('\n').length - 1;
    const items = await collect(tmp.file('cut.jsonl.gz', gz.subarray(0, cut)));
    expect(records(items)).toHaveLength(complete);
    const [last] = rejects(items);
    expect(rejects(items)).toHaveLength(1);
    expect(last.reason).toBe(`gzip stream truncated at compressed byte ${cut}; the record starting at line ${complete + 1} is incomplete`);
  });

  it('reports a gzip cut exactly between records with the bare truncation reason', async () => {
    const gz = zlib.gzipSync('{"a":1}\n', { level: 0 });
    const cut = gz.length - 8; // drop only the CRC/size trailer: all data is there
    const items = await collect(tmp.file('trailer.json.gz', gz.subarray(0, cut)));
    expect(records(items)).toHaveLength(1);
    expect(rejects(items).map((r) => r.reason)).toEqual([`gzip stream truncated at compressed byte ${cut}`]);
  });

  it('reads CSV inside gzip and peels .gz for the extension hint', async () => {
    const items = await collect(tmp.file('users.csv.gz', zlib.gzipSync('user\nalice\n')));
    expect(records(items).map((r) => r.value)).toEqual([{ user: 'alice' }]);
  });
});

describe('zip', () => {
  it('reads every file entry as its own object, including stored, deflated and nested .gz entries', async () => {
    const path = tmp.file('logs.zip', buildZip([
      { name: 'dir/', data: '' },
      { name: 'dir/a.jsonl', data: jsonl(3) },
      { name: 'b.json', data: '{"Records":[{"x":1},{"x":2}]}', method: 0 },
      { name: 'dir/c.json.gz', data: zlib.gzipSync(jsonl(4)) },
      { name: 'd.csv', data: 'u,v\n1,2\n' },
    ]));
    const items = await collect(path, { displayName: 'upload.zip' });
    expect(objects(items)).toEqual([
      { kind: 'object', name: 'upload.zip!dir/a.jsonl', csvHeader: null },
      { kind: 'object', name: 'upload.zip!b.json', csvHeader: null },
      { kind: 'object', name: 'upload.zip!dir/c.json.gz', csvHeader: null },
      { kind: 'object', name: 'upload.zip!d.csv', csvHeader: ['u', 'v'] },
    ]);
    const perObject = items.reduce<number[]>((acc, it) => (it.kind === 'object' ? [...acc, 0] : (acc[acc.length - 1]++, acc)), []);
    expect(perObject).toEqual([3, 2, 4, 1]);
    expect(rejects(items)).toEqual([]);
  });

  it('reports progress in compressed bytes of the archive and ends at its size', async () => {
    const noisy = (k: number) => Array.from({ length: 8000 }, (_, i) => JSON.stringify({ k, i, r: Math.random() })).join('\n');
    const path = tmp.file('progress.zip', buildZip([0, 1, 2].map((k) => ({ name: `e${k}.jsonl`, data: noisy(k) }))));
    const calls: number[] = [];
    const items = await collect(path, { onBytes: (n) => calls.push(n) });
    expect(records(items)).toHaveLength(24000);
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.at(-1)).toBe(statSync(path).size);
    calls.slice(1).forEach((n, k) => expect(n).toBeGreaterThan(calls[k]));
  });

  it('rejects zip-slip and absolute entry names, naming the entry, and still reads the safe ones', async () => {
    const path = tmp.file('slip.zip', buildZip([
      { name: '../../evil.json', data: '{"a":1}' },
      { name: '/etc/abs.json', data: '{"a":1}' },
      { name: 'C:\\win.json', data: '{"a":1}' },
      { name: 'ok.json', data: '{"ok":1}' },
    ]));
    const items = await collect(path);
    expect(records(items).map((r) => r.value)).toEqual([{ ok: 1 }]);
    const reasons = rejects(items).map((r) => r.reason);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/^unsafe entry name \(zip-slip\): .*\.\.\/\.\.\/evil\.json/);
    expect(reasons[1]).toMatch(/zip-slip.*\/etc\/abs\.json/);
    expect(reasons[2]).toMatch(/zip-slip.*C:\/win\.json/);
    expect(objects(items)[0]).toMatchObject({ name: `${path}!../../evil.json` });
  });

  it('refuses an entry whose compression ratio is bomb-like and one that inflates past its declared size', async () => {
    const zeros = Buffer.alloc(4 * 1024 * 1024, 0x20);
    const path = tmp.file('bomb.zip', buildZip([
      { name: 'bomb.json', data: zeros },
      { name: 'liar.jsonl', data: jsonl(1000), declaredSize: 100 },
      { name: 'fine.json', data: '{"fine":true}' },
    ]));
    const items = await collect(path);
    const byObject = new Map<string, string[]>();
    let current = '';
    for (const it of items) {
      if (it.kind === 'object') byObject.set((current = it.name), []);
      else byObject.get(current)!.push(it.kind === 'reject' ? it.reason : 'record');
    }
    expect(byObject.get(`${path}!bomb.json`)![0]).toMatch(/bomb\.json has a compression ratio of \d+:1, over the 200:1 limit/);
    expect(byObject.get(`${path}!liar.jsonl`)!.at(-1)).toMatch(/^decompressed data exceeds the entry's declared size of 100 bytes/);
    expect(byObject.get(`${path}!fine.json`)).toEqual(['record']);
  });

  it('reports a corrupt entry (CRC mismatch) after its records', async () => {
    const path = tmp.file('crc.zip', buildZip([{ name: 'a.jsonl', data: jsonl(2), crc: 1234 }]));
    const items = await collect(path);
    expect(records(items)).toHaveLength(2);
    expect(rejects(items).map((r) => r.reason)).toEqual(['entry a.jsonl is corrupt: CRC-32 mismatch']);
  });

  it('limits declared sizes and encryption without reading data', () => {
    const entry = (over: Partial<yauzl.Entry>) =>
      ({ isEncrypted: () => false, compressionMethod: 8, compressedSize: 1e9, uncompressedSize: 10, ...over }) as yauzl.Entry;
    expect(entryProblem(entry({ uncompressedSize: 9 * 1024 ** 3 }), 'big.json')).toMatch(/over the 8 GB limit/);
    expect(entryProblem(entry({ isEncrypted: () => true }), 'x.json')).toBe('entry x.json is encrypted');
    expect(entryProblem(entry({ compressionMethod: 14 }), 'x.json')).toMatch(/unsupported compression method 14/);
    expect(entryProblem(entry({}), 'fine.json')).toBeNull();
  });

  it('reports an unreadable archive as a reject on the archive object', async () => {
    const path = tmp.file('broken.zip', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]));
    const items = await collect(path);
    expect(objects(items)).toEqual([{ kind: 'object', name: path, csvHeader: null }]);
    expect(rejects(items)[0].reason).toMatch(/^zip archive unreadable: /);
  });
});

describe('encodings and other content', () => {
  it('strips a UTF-8 BOM and reads UTF-16 exports', async () => {
    expect(records(await collect(tmp.file('bom.json', '\uFEFF{"a":"é"}'))).map((r) => [r.value, r.byteOffset])).toEqual([[{ a: 'é' }, 3]]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":1}\r\n{"b":"ü"}\r\n', 'utf16le')]);
    expect(records(await collect(tmp.file('u16.jsonl', utf16))).map((r) => r.value)).toEqual([{ a: 1 }, { b: 'ü' }]);
  });

  it('reports other text and binary as one unknown-format reject', async () => {
    const text = await collect(tmp.file('notes.txt', 'Jan 01 00:00:00 host sshd[1]: Accepted password\nanother line\n'));
    expect(text.map((i) => i.kind)).toEqual(['object', 'reject']);
    expect(rejects(text)[0].reason).toBe('unknown format: not JSON, JSON Lines or CSV (first bytes: Jan 01 00:00:00 host sshd[1]: Accepted password\\n…)');
    const bin = await collect(tmp.file('img.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2])));
    expect(rejects(bin)[0].reason).toMatch(/^unknown format: .*first bytes: \\x89PNG\\x00/);
    const bz = await collect(tmp.file('x.bz2', Buffer.from('BZh91AY&SY')));
    expect(rejects(bz)[0].reason).toMatch(/^unsupported format: bzip2 data/);
  });

  it('yields just the object for an empty file', async () => {
    expect(await collect(tmp.file('empty.json', '\n \n'))).toEqual([{ kind: 'object', name: tmp.path('empty.json'), csvHeader: null }]);
  });
});

describe('failures and control', () => {
  it('throws an error naming the path and the reason when the file cannot be read', async () => {
    await expect(collect(tmp.path('missing.json'))).rejects.toThrow(`cannot read ${tmp.path('missing.json')}: no such file (ENOENT)`);
    mkdirSync(tmp.path('a-dir'));
    await expect(collect(tmp.path('a-dir'))).rejects.toThrow(/a-dir: is a directory \(EISDIR\)/);
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(unreadable('/x/y.json', denied).message).toBe('cannot read /x/y.json: permission denied (EACCES)');
  });

  it('throws EACCES for a file without read permission (not checkable as root, which may read anything)', async (ctx) => {
    if (process.getuid?.() === 0) ctx.skip();
    const path = tmp.file('secret.json', '{}');
    chmodSync(path, 0o000);
    await expect(collect(path)).rejects.toThrow(/permission denied \(EACCES\)/);
  });

  it('stops promptly with the abort reason when the signal fires', async () => {
    const path = tmp.file('many.jsonl', jsonl(200000));
    const controller = new AbortController();
    let seen = 0;
    const run = async () => {
      for await (const it of readObjectItems(path, { signal: controller.signal })) {
        if (it.kind === 'record' && ++seen === 10) controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toBe(10);
  });

  it('reports progress at most every 64 KB and ends at the file size', async () => {
    const path = tmp.file('progress.jsonl', jsonl(100000));
    const calls: number[] = [];
    await collect(path, { onBytes: (n) => calls.push(n) });
    expect(calls.at(-1)).toBe(statSync(path).size);
    calls.slice(1, -1).forEach((n, k) => expect(n - calls[k]).toBeGreaterThanOrEqual(64 * 1024));
  });
});
