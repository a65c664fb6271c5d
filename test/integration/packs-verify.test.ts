import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../electron/backend/packs/build.js';
import { memoryEntry } from '../../electron/backend/packs/entry-sink.js';
import { expectedCsvCells } from '../../electron/backend/packs/pack-rows.js';
import { verifyPack, type VerifyOptions } from '../../electron/backend/packs/verify.js';
import { writeZip } from '../../electron/backend/packs/zip-writer.js';
import { makePackCase, PERIOD, python3, readZip } from '../helpers/pack-case.js';
import {
  dataFlips, findContentKeepingFlip, flipped, keepsContent, packLayout, pyAccepted, structureFlips, type Flip, type PackLayout,
} from '../helpers/pack-flips.js';
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

function runPy(target: string, ...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(PY!, [verifyPy, target, ...args], { encoding: 'utf8', timeout: 30_000 });
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

/**
 * One changed bit, at positions chosen by the zip's structure (the pack's length differs from build to build, so
 * positions taken by length made the old sweep hit a rare class only in some runs). Every bit outside the compressed
 * data must fail both verifiers; inside it, every bit that changes an entry's content must; a bit that leaves every
 * entry's content byte-identical (deflate padding, a back-reference moved to an identical earlier copy) changes no
 * evidence, and only the SHA-256 recorded when the pack was built can tell.
 */
describe('one changed bit in the zip', () => {
  let layout: PackLayout;
  let recorded: string;
  beforeAll(async () => {
    layout = await packLayout(pack);
    recorded = createHash('sha256').update(original).digest('hex');
  });

  async function tsAccepted(flips: Flip[], options: VerifyOptions = {}): Promise<Flip[]> {
    const file = path.join(tempDir(), 'flipped.zip');
    const accepted: Flip[] = [];
    for (const f of flips) {
      fs.writeFileSync(file, flipped(original, f));
      if ((await verifyPack(file, options)).ok) accepted.push(f);
    }
    return accepted;
  }

  function writeFlipped(flip: Flip): string {
    const file = path.join(tempDir(), 'flipped.zip');
    fs.writeFileSync(file, flipped(original, flip));
    return file;
  }

  it('is detected in every byte outside the compressed data (headers, central directory, end records), by both verifiers', async () => {
    const flips = structureFlips(layout);
    expect(flips.length).toBeGreaterThan(layout.entries.length * 46);
    expect(await tsAccepted(flips)).toEqual([]);
    if (!PY) return;
    expect(pyAccepted(PY, verifyPy, pack, flips, tempDir())).toEqual([]);
  }, 240_000);

  it('inside compressed data is detected when it changes content, and by the recorded SHA-256 when it does not', async () => {
    const flips = dataFlips(layout);
    const keeping = flips.filter((f) => keepsContent(original, layout, f));
    const changing = flips.filter((f) => !keeping.includes(f));
    expect(changing.length).toBeGreaterThan(layout.entries.length * 8);
    expect(await tsAccepted(changing)).toEqual([]);
    expect(await tsAccepted(keeping, { expectedSha256: recorded })).toEqual([]);
    if (!PY) return;
    expect(pyAccepted(PY, verifyPy, pack, changing, tempDir())).toEqual([]);
    expect(pyAccepted(PY, verifyPy, pack, keeping, tempDir(), recorded)).toEqual([]);
  }, 240_000);

  it("a damaged final-block bit or end-of-block code is detected by both (Python's zipfile stops at the recorded size)", async () => {
    const flips = layout.entries.flatMap((e) => [{ at: e.dataOffset, bit: 1 }, { at: e.dataOffset + e.compressedSize - 1, bit: 1 }]);
    expect(await tsAccepted(flips)).toEqual([]);
    const bagit = layout.entries.find((e) => e.name === 'bagit.txt')!;
    const file = writeFlipped({ at: bagit.dataOffset, bit: 1 });
    expect((await verifyPack(file)).problems).toContain('zip entry bagit.txt: the compressed data is damaged (unexpected end of file)');
    if (!PY) return;
    expect(pyAccepted(PY, verifyPy, pack, flips, tempDir())).toEqual([]);
    expect(runPy(file).out).toContain('zip entry bagit.txt: the compressed data is damaged (the deflate stream does not end)');
  });

  const contentKeeping = [
    ['a padding bit after the last deflate block', 'bagit.txt', 'last byte'],
    ['a back-reference moved to an identical earlier copy', 'verify.py', 'inside'],
  ] as const;
  for (const [what, entry, where] of contentKeeping) {
    it(`${what} (${entry}) changes no content; the SHA-256 recorded at build tells, in both verifiers`, async () => {
      const flip = findContentKeepingFlip(original, layout, entry, where);
      expect(flip).not.toBeNull();
      const file = writeFlipped(flip!);
      const sha = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      const message = `zip: SHA-256 is ${sha}, not ${recorded} as recorded when the pack was built (every entry inflates to the content the manifests list: only the compressed bytes differ)`;
      expect((await verifyPack(file)).problems).toEqual([]);
      expect(await verifyPack(file, { expectedSha256: recorded.toUpperCase() })).toMatchObject({ ok: false, problems: [message] });
      expect((await verifyPack(pack, { expectedSha256: recorded })).ok).toBe(true);
      if (!PY) return;
      expect(runPy(file)).toMatchObject({ code: 0 });
      expect(runPy(file, '--sha256', recorded)).toMatchObject({ code: 1, out: expect.stringContaining(message) as unknown });
      expect(runPy(pack, '--sha256', recorded)).toMatchObject({ code: 0, out: expect.stringContaining('byte for byte the one recorded') as unknown });
    });
  }

  // Each header field the writer fixes, named: a bit in it fails both verifiers with the same finding.
  const fields: [string, (l: PackLayout) => number, RegExp, number?][] = [
    ['local header: version needed', (l) => l.entries[1].offset + 4, /bag-info\.txt: local header differs from the central directory/],
    ['local header: flags', (l) => l.entries[1].offset + 6, /bag-info\.txt: local header differs from the central directory/],
    ['local header: mod time', (l) => l.entries[1].offset + 10, /bag-info\.txt: local header differs from the central directory/],
    ['local header: mod date', (l) => l.entries[1].offset + 12, /bag-info\.txt: local header differs from the central directory/],
    ['local header: extra field length', (l) => l.entries[1].offset + 28, /bag-info\.txt: local header differs from the central directory/],
    ['local header: file name', (l) => l.entries[1].offset + 30, /bag-info\.txt: local header differs from the central directory/],
    ['central directory: version made by', (l) => centralRecord(l, 1) + 4, /bag-info\.txt: central directory (record|fields) differ/],
    ['central directory: mod time', (l) => centralRecord(l, 1) + 12, /bag-info\.txt: timestamp differs from the pack's generatedAt/],
    ['central directory: comment length', (l) => centralRecord(l, 1) + 32, /bag-info\.txt: central directory (record|fields) differ/],
    ['central directory: external attributes', (l) => centralRecord(l, 1) + 40, /bag-info\.txt: central directory (record|fields) differ/],
    ['end record: disk number', (l) => l.length - 22 + 4, /zip: the end records differ from what the pack writer writes/],
    ['end record: entries on this disk', (l) => l.length - 22 + 8, /zip: the end records differ from what the pack writer writes/],
    ['end record: comment length', (l) => l.length - 22 + 20, /zip: the end records differ from what the pack writer writes/],
    // The high bit: the name then runs past the end of the file (verify.py used to loop forever reading nothing).
    ['central directory: name length', (l) => centralRecord(l, 1) + 29, /zip: central directory entry \d+ is damaged/, 0x80],
  ];
  for (const [field, at, finding, bit = 1] of fields) {
    it(`a flipped bit in the ${field} is detected by both`, async () => {
      const file = writeFlipped({ at: at(layout), bit });
      expect((await verifyPack(file)).problems.some((p) => finding.test(p))).toBe(true);
      if (!PY) return;
      expect(runPy(file)).toMatchObject({ code: 1, out: expect.stringMatching(finding) as unknown });
    });
  }

  it('a byte added before the first entry or after the end record is detected by both', async () => {
    for (const bytes of [Buffer.concat([Buffer.from([0]), original]), Buffer.concat([original, Buffer.from([0])])]) {
      const file = path.join(tempDir(), 'grown.zip');
      fs.writeFileSync(file, bytes);
      expect((await verifyPack(file)).ok).toBe(false);
      if (PY) expect(runPy(file).code).toBe(1);
    }
  });

  it("bytes after the end of an entry's deflate stream (sizes and CRC consistent) are detected by both", async () => {
    const entries = [...(await readZip(pack))].map(([n, b]) => memoryEntry(n, b));
    const bagit = entries.find((e) => e.name === 'bagit.txt')!;
    Object.assign(bagit, { data: Buffer.concat([bagit.data as Buffer, Buffer.from([0])]), compressedSize: bagit.compressedSize + 1 });
    const file = path.join(tempDir(), 'trailing.zip');
    await writeZip(file, entries, PERIOD.to);
    const finding = 'zip entry bagit.txt: the compressed data is damaged (1 bytes after the end of the deflate stream)';
    expect((await verifyPack(file)).problems).toEqual([finding]);
    if (!PY) return;
    expect(runPy(file)).toMatchObject({ code: 1, out: expect.stringContaining(finding) as unknown });
  });

  it('verify.py refuses --sha256 without 64 hex digits', () => {
    if (!PY) return;
    expect(runPy(pack, '--sha256', 'abc')).toMatchObject({ code: 2, out: expect.stringContaining('64 hex digits') as unknown });
  });
});

/** Where the central directory record of entry `index` starts (the writer puts no extra field or comment there). */
function centralRecord(layout: PackLayout, index: number): number {
  return layout.entries.slice(0, index).reduce((at, e) => at + 46 + Buffer.byteLength(e.name), layout.cdOffset);
}
