import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../electron/backend/packs/build.js';
import { memoryEntry } from '../../electron/backend/packs/entry-sink.js';
import { expectedCsvCells } from '../../electron/backend/packs/pack-rows.js';
import { verifyPack } from '../../electron/backend/packs/verify.js';
import { writeZip } from '../../electron/backend/packs/zip-writer.js';
import { makePackCase, PERIOD, python3, readZip } from '../helpers/pack-case.js';
import { useTempDir } from '../helpers/temp.js';

/**
 * Both verifiers (verify.ts and the pack's own verify.py) on a good pack, on packs with one byte changed anywhere,
 * and on packs tampered with and re-hashed, where only the cross-checks can tell.
 */

const tempDir = useTempDir('auditlens-packs-verify-');
const PY = python3();
let dir: string;
let pack: string;
let original: Buffer;
let verifyPy: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'auditlens-verify-'));
  const { backend } = await makePackCase(dir, 150);
  try {
    pack = path.join(dir, 'pack.zip');
    await buildPack(backend.context.db, { type: 'incident-response', ...PERIOD }, pack, new AbortController().signal);
  } finally {
    await backend.close();
  }
  original = fs.readFileSync(pack);
  verifyPy = path.join(dir, 'verify.py');
  fs.writeFileSync(verifyPy, (await readZip(pack)).get('verify.py')!);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function runPy(target: string): { code: number | null; out: string } {
  const r = spawnSync(PY!, [verifyPy, target], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

/** Rewrites the pack with `change` applied to its entries; `rehash` recomputes both manifests like a forger would. */
async function tampered(change: (entries: Map<string, Buffer>) => void, rehash: boolean): Promise<string> {
  const entries = await readZip(pack);
  change(entries);
  if (rehash) {
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const list = (names: string[]) => Buffer.from(names.map((n) => `${sha(entries.get(n)!)}  ${n}\n`).join(''));
    entries.set('manifest-sha256.txt', list([...entries.keys()].filter((n) => n.startsWith('data/'))));
    entries.set('tagmanifest-sha256.txt', list(['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'verify.py']));
  }
  const out = path.join(tempDir(), 'tampered.zip');
  await writeZip(out, [...entries].map(([n, b]) => memoryEntry(n, b)), PERIOD.to);
  return out;
}

describe('verifying a pack', () => {
  it('passes a pack as built, in verify.ts and in verify.py (zip and extracted folder)', async () => {
    const result = await verifyPack(pack);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.sha256).toBe(createHash('sha256').update(original).digest('hex'));
    expect(result.files.every((f) => f.ok)).toBe(true);
    expect(result.events).toBeGreaterThan(10);
    if (!PY) return console.warn('python3 not found: verify.py checks skipped');
    expect(runPy(pack)).toMatchObject({ code: 0 });
    const folder = tempDir();
    execFileSync('unzip', ['-q', pack, '-d', folder]);
    const inFolder = spawnSync(PY, [path.join(folder, 'verify.py')], { encoding: 'utf8' });
    expect(inFolder.stdout).toMatch(/^OK: /);
    expect(inFolder.status).toBe(0);
  });

  it('detects one changed byte anywhere in the zip, in both verifiers', async () => {
    // About 500 positions spread over the whole file (a different odd stride each run would be flaky; this one
    // walks every region: headers, compressed data, central directory, end records) and the last 120 bytes in
    // full. verify.py (a process per try) gets the headers' first bytes, the end records and 40 spread positions.
    const stride = Math.max(7, Math.floor(original.length / 500) | 1);
    const positions = Array.from({ length: Math.ceil(original.length / stride) }, (_, i) => i * stride);
    for (let at = Math.max(0, original.length - 120); at < original.length; at++) positions.push(at);
    const file = path.join(tempDir(), 'flipped.zip');
    const missed: number[] = [];
    for (const at of positions) {
      const copy = Buffer.from(original);
      copy[at] ^= 0x01;
      fs.writeFileSync(file, copy);
      if ((await verifyPack(file)).ok) missed.push(at);
    }
    expect(missed).toEqual([]);
    if (!PY) return;
    const pyPositions = [0, 4, 10, 14, 18, 22, 26, 30, original.length - 1, original.length - 10, original.length - 22];
    for (let i = 1; i <= 40; i++) pyPositions.push(Math.floor((original.length * i) / 41));
    const pyMissed = pyPositions.filter((at) => {
      const copy = Buffer.from(original);
      copy[at] ^= 0x01;
      fs.writeFileSync(file, copy);
      return runPy(file).code === 0;
    });
    expect(pyMissed).toEqual([]);
  }, 240_000);

  it('names the CSV row and column when the CSV was changed and the manifests re-hashed', async () => {
    const file = await tampered((e) => {
      const csv = e.get('data/events.csv')!.toString('utf8');
      e.set('data/events.csv', Buffer.from(csv.replace(',LOGIN_FAILURE,', ',LOGIN_SUCCESS,')));
    }, true);
    const result = await verifyPack(file);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^data\/events\.csv row \d+ \(event .+\) column action is "LOGIN_SUCCESS" but data\/events\.jsonl has "LOGIN_FAILURE"$/);
    if (!PY) return;
    const py = runPy(file);
    expect(py.code).toBe(1);
    expect(py.out).toMatch(/data\/events\.csv row \d+ \(event .+\) column action is "LOGIN_SUCCESS" but data\/events\.jsonl has "LOGIN_FAILURE"/);
  });

  it("detects an edited journal entry through the journal's own hash chain, even with the manifests re-hashed", async () => {
    const file = await tampered((e) => {
      const journal = e.get('data/journal.jsonl')!.toString('utf8');
      e.set('data/journal.jsonl', Buffer.from(journal.replace('"action":"import"', '"action":"imp0rt"')));
    }, true);
    const result = await verifyPack(file);
    expect(result.problems).toEqual(['data/journal.jsonl entry 1 was modified (hash mismatch)']);
    if (!PY) return;
    const py = runPy(file);
    expect(py.code).toBe(1);
    expect(py.out).toContain('data/journal.jsonl entry 1 was modified (hash mismatch)');
  });

  it('reports a wrong hash, a wrong Payload-Oxum, a missing and an unlisted file', async () => {
    const file = await tampered((e) => {
      e.set('data/summary.json', Buffer.from('{}\n'));
      e.set('bag-info.txt', Buffer.from(e.get('bag-info.txt')!.toString().replace(/Payload-Oxum: \d+/, 'Payload-Oxum: 1')));
      e.delete('data/journal.jsonl');
      e.set('data/extra.txt', Buffer.from('smuggled'));
    }, false);
    const expected = [
      'data/summary.json: SHA-256 does not match manifest-sha256.txt',
      'manifest-sha256.txt lists data/journal.jsonl, which is not in the pack',
      'data/extra.txt is in the pack but not listed in manifest-sha256.txt',
      'bag-info.txt: SHA-256 does not match tagmanifest-sha256.txt',
    ];
    const result = await verifyPack(file);
    for (const p of expected) expect(result.problems).toContain(p);
    expect(result.problems.some((p) => /^bag-info\.txt: Payload-Oxum is 1\.8 but the payload is \d+\.8/.test(p))).toBe(true);
    if (!PY) return;
    const py = runPy(file);
    expect(py.code).toBe(1);
    for (const p of expected) expect(py.out).toContain(p);
    expect(py.out).toMatch(/bag-info\.txt: Payload-Oxum is 1\.8 but the payload is \d+\.8/);
  });

  it("reads the CSV back with Python's csv module into exactly the JSONL rows", async () => {
    if (!PY) return console.warn('python3 not found: skipped');
    const entries = await readZip(pack);
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'events.csv'), entries.get('data/events.csv')!);
    const script = `import csv, json, sys\nwith open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n    print(json.dumps(list(csv.reader(f))))\n`;
    const rows = JSON.parse(execFileSync(PY, ['-c', script, path.join(folder, 'events.csv')], { encoding: 'utf8', maxBuffer: 64 << 20 })) as string[][];
    const jsonl = entries.get('data/events.jsonl')!.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.slice(1)).toEqual(jsonl.map(expectedCsvCells));
    expect(rows.length - 1).toBe(jsonl.length);
  });

  it('says what is wrong with a file that is not a pack', async () => {
    const file = path.join(tempDir(), 'not.zip');
    fs.writeFileSync(file, 'hello');
    expect((await verifyPack(file)).problems[0]).toMatch(/end-of-central-directory record is not at the end/);
    expect((await verifyPack(path.join(tempDir(), 'missing.zip'))).problems[0]).toMatch(/no such file/);
  });
});
