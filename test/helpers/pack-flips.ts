import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { inspectZip, type ZipEntryInfo } from '../../electron/backend/packs/zip-inspect.js';

/**
 * Single-bit changes to a pack zip, at positions chosen by the zip's structure (not by its length, which differs
 * from build to build), and the two verifiers run over many of them.
 */

export interface Flip {
  at: number;
  bit: number;
}

export interface PackLayout {
  entries: ZipEntryInfo[];
  /** Where the central directory starts; from there to the end of the file are the central and end records. */
  cdOffset: number;
  length: number;
}

export async function packLayout(file: string): Promise<PackLayout> {
  const { entries, problems } = await inspectZip(file, null);
  if (entries.length === 0) throw new Error(`not a pack: ${problems.join('; ')}`);
  const last = entries[entries.length - 1];
  return { entries, cdOffset: last.dataOffset + last.compressedSize, length: fs.statSync(file).size };
}

/** Every byte outside the compressed data (local headers, central directory, end records), a different bit each. */
export function structureFlips(layout: PackLayout): Flip[] {
  const flips: Flip[] = [];
  const range = (from: number, to: number) => {
    for (let at = from; at < to; at++) flips.push({ at, bit: 1 << ((at - from) % 8) });
  };
  for (const e of layout.entries) range(e.offset, e.dataOffset);
  range(layout.cdOffset, layout.length);
  return flips;
}

/** In each entry's compressed data: every bit of its first and last 4 bytes (the block header, the end-of-block
 * code and the padding), and a byte every `step` bytes counted from the entry's start. */
export function dataFlips(layout: PackLayout, step = 61): Flip[] {
  const flips: Flip[] = [];
  for (const e of layout.entries) {
    const end = e.dataOffset + e.compressedSize;
    const edges = new Set([0, 1, 2, 3].flatMap((i) => [e.dataOffset + i, end - 1 - i]).filter((at) => at >= e.dataOffset && at < end));
    for (const at of edges) for (let b = 0; b < 8; b++) flips.push({ at, bit: 1 << b });
    for (let at = e.dataOffset + 4, k = 0; at < end - 4; at += step, k++) flips.push({ at, bit: 1 << (k % 8) });
  }
  return flips;
}

export function flipped(original: Buffer, { at, bit }: Flip): Buffer {
  const copy = Buffer.from(original);
  copy[at] ^= bit;
  return copy;
}

/** The independent judgement of a flip inside compressed data: does the entry still inflate to the same bytes? */
export function keepsContent(original: Buffer, layout: PackLayout, flip: Flip): boolean {
  const e = layout.entries.find((x) => flip.at >= x.dataOffset && flip.at < x.dataOffset + x.compressedSize);
  if (!e) return false;
  const slice = (b: Buffer) => b.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  try {
    return zlib.inflateRawSync(slice(flipped(original, flip))).equals(zlib.inflateRawSync(slice(original)));
  } catch {
    return false;
  }
}

/** The first bit of an entry's compressed data whose flip leaves its content byte-identical, or null. */
export function findContentKeepingFlip(original: Buffer, layout: PackLayout, name: string, where: 'last byte' | 'inside'): Flip | null {
  const e = layout.entries.find((x) => x.name === name)!;
  const last = e.dataOffset + e.compressedSize - 1;
  const [from, to] = where === 'last byte' ? [last, last] : [e.dataOffset, last - 1];
  for (let at = from; at <= to; at++) {
    for (let b = 7; b >= 0; b--) if (keepsContent(original, layout, { at, bit: 1 << b })) return { at, bit: 1 << b };
  }
  return null;
}

const PY_DRIVER = `
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location('pack_verify', sys.argv[1])
verify_py = importlib.util.module_from_spec(spec)
spec.loader.exec_module(verify_py)
original = open(sys.argv[2], 'rb').read()
target, sha = sys.argv[3], sys.argv[4] or None
accepted = []
for at, bit in json.load(sys.stdin):
    copy = bytearray(original)
    copy[at] ^= bit
    with open(target, 'wb') as f:
        f.write(copy)
    try:
        problems = verify_py.verify(target, sha)[0]
    except Exception as err:  # main() would end with an error too: a rejection
        problems = [repr(err)]
    if not problems:
        accepted.append([at, bit])
print(json.dumps(accepted))
`;

/** Runs verify.py's own verify() (imported, one process for all flips) on each flipped copy; returns the accepted. */
export function pyAccepted(python: string, verifyPy: string, pack: string, flips: Flip[], workDir: string, sha256 = ''): Flip[] {
  const r = spawnSync(python, ['-c', PY_DRIVER, verifyPy, pack, path.join(workDir, 'py-flipped.zip'), sha256], {
    input: JSON.stringify(flips.map((f) => [f.at, f.bit])), encoding: 'utf8', maxBuffer: 16 << 20, timeout: 180_000,
  });
  if (r.status !== 0) throw new Error(`verify.py driver failed (${r.error?.message ?? `exit ${r.status}`}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as [number, number][]).map(([at, bit]) => ({ at, bit }));
}
