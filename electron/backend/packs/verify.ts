import fs from 'node:fs';
import type { PackVerifyResult } from '../../../shared/contract/packs.js';
import { hashFile } from './verify-hash.js';
import { checkJournalChain } from './verify-journal.js';
import { checkCsvMatchesJsonl } from './verify-csv.js';
import { parseBagInfo, parseManifest } from './bagit.js';
import { readEntry, type EntryCheck } from './verify-entry.js';
import { inspectZip } from './zip-inspect.js';

/**
 * `auditlens verify` and the Verify button: the checks verify.py makes, on the zip as built. Every problem names the
 * file and what is wrong: zip structure (every byte outside the compressed data), CRC-32 and size of each entry,
 * every SHA-256 of both BagIt manifests, files missing or unlisted, Payload-Oxum, and CSV/JSONL agreement row by row;
 * with `expectedSha256`, also that the file is byte for byte the one built.
 */

const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
const REQUIRED = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt'];

export interface VerifyOptions {
  /**
   * The SHA-256 recorded when the pack was built (pack history, the journal's pack.build entry, the sender's word).
   * Why it is needed for "byte for byte": deflate can encode the same content in other bytes: the padding bits after
   * the last block, or a back-reference moved to an identical earlier copy (one flipped bit turned a copy of
   * "events" from distance 775 into 807 in verify.py's data; both read "events"). Those change no content, so no CRC
   * or manifest can see them, and the zip cannot list the SHA-256 of the file it is. Re-deflating to compare is no
   * way out: the bytes depend on the zlib build (Node's, Electron's, Python's, zlib-ng), so a genuine pack would fail
   * elsewhere. The recorded SHA-256 of the whole file is the sound check.
   */
  expectedSha256?: string;
}

export async function verifyPack(file: string, options: VerifyOptions = {}): Promise<PackVerifyResult> {
  const result: PackVerifyResult = { ok: false, path: file, sha256: null, problems: [], files: [], events: 0, payloadOxum: null };
  if (!fs.existsSync(file)) return { ...result, problems: [`${file}: no such file`] };
  result.sha256 = await hashFile(file);
  const first = await inspectZip(file, null);
  const names = new Map(first.entries.map((e) => [e.name, e]));
  if (first.entries.length === 0) return { ...result, problems: first.problems.length ? first.problems : [`${file}: the zip holds no files`] };

  // Content: every entry inflates to its recorded size and CRC; small ones are kept for the tag-file checks.
  const checks = new Map<string, EntryCheck>();
  for (const e of first.entries) {
    const check = await readEntry(file, e, !e.name.startsWith('data/events.'));
    checks.set(e.name, check);
    if (check.problem) result.problems.push(check.problem);
  }
  const text = (name: string) => checks.get(name)?.text ?? null;

  let generatedAt: string | null = null;
  try {
    generatedAt = (JSON.parse(text('data/query.json') ?? 'null') as { generatedAt?: string } | null)?.generatedAt ?? null;
  } catch {
    result.problems.push('data/query.json is not valid JSON');
  }
  if (!generatedAt) result.problems.push('data/query.json: generatedAt is missing, so the zip timestamps cannot be checked');
  result.problems.push(...(await inspectZip(file, generatedAt)).problems);

  const missing = REQUIRED.filter((n) => !names.has(n));
  for (const n of missing) result.problems.push(`${n} is missing`);
  if (missing.length === 0) {
    if (text('bagit.txt') !== BAGIT_TXT) result.problems.push('bagit.txt does not declare BagIt-Version 1.0 and UTF-8');
    for (const [manifestName, isPayload] of [['manifest-sha256.txt', true], ['tagmanifest-sha256.txt', false]] as const) {
      const { entries: listed, problems } = parseManifest(text(manifestName) ?? '', manifestName);
      result.problems.push(...problems);
      for (const [path, digest] of listed) {
        const check = checks.get(path);
        if (!check) result.problems.push(`${manifestName} lists ${path}, which is not in the pack`);
        else if (check.sha256 !== digest) result.problems.push(`${path}: SHA-256 does not match ${manifestName}`);
      }
      const expected = [...names.keys()].filter((n) => n.startsWith('data/') === isPayload && n !== 'tagmanifest-sha256.txt');
      for (const n of expected) if (!listed.has(n)) result.problems.push(`${n} is in the pack but not listed in ${manifestName}`);
    }
    const payload = [...names.values()].filter((e) => e.name.startsWith('data/'));
    const oxum = `${payload.reduce((s, e) => s + (checks.get(e.name)?.size ?? 0), 0)}.${payload.length}`;
    const stated = parseBagInfo(text('bag-info.txt') ?? '').get('Payload-Oxum') ?? null;
    result.payloadOxum = stated;
    if (stated !== oxum) result.problems.push(`bag-info.txt: Payload-Oxum is ${stated} but the payload is ${oxum} (octets.files)`);
  }

  let agreementRan = false;
  const csv = names.get('data/events.csv');
  const jsonl = names.get('data/events.jsonl');
  if (!csv || !jsonl) result.problems.push('data/events.csv or data/events.jsonl is missing');
  else if (!checks.get(csv.name)?.problem && !checks.get(jsonl.name)?.problem) {
    const agreement = await checkCsvMatchesJsonl(file, csv, jsonl);
    result.events = agreement.events;
    result.problems.push(...agreement.problems);
    agreementRan = true;
  }
  try {
    const stated = (JSON.parse(text('data/completeness.json') ?? '{}') as { events?: { inPack?: number } }).events?.inPack;
    if (agreementRan && stated !== result.events) {
      result.problems.push(`data/completeness.json says ${stated} events are in the pack; data/events.jsonl has ${result.events}`);
    }
  } catch {
    result.problems.push('data/completeness.json is not valid JSON');
  }

  const journal = text('data/journal.jsonl');
  if (journal !== null) result.problems.push(...checkJournalChain(journal));

  const manifestHashes = parseManifest(text('manifest-sha256.txt') ?? '', 'manifest-sha256.txt').entries;
  const tagHashes = parseManifest(text('tagmanifest-sha256.txt') ?? '', 'tagmanifest-sha256.txt').entries;
  result.files = first.entries.map((e) => {
    const c = checks.get(e.name)!;
    const listed = manifestHashes.get(e.name) ?? tagHashes.get(e.name);
    return { path: e.name, bytes: c.size, sha256: c.sha256, ok: !c.problem && (e.name === 'tagmanifest-sha256.txt' || listed === c.sha256) };
  });
  if (options.expectedSha256) result.problems.push(...recordedHashProblems(result.sha256, options.expectedSha256, result.problems.length === 0));
  result.ok = result.problems.length === 0;
  return result;
}

/** The zip against the SHA-256 recorded at build: the same wording as verify.py's check_recorded_sha256. */
function recordedHashProblems(actual: string, recorded: string, contentIntact: boolean): string[] {
  if (actual === recorded.toLowerCase()) return [];
  const why = contentIntact ? ' (every entry inflates to the content the manifests list: only the compressed bytes differ)' : '';
  return [`zip: SHA-256 is ${actual}, not ${recorded.toLowerCase()} as recorded when the pack was built${why}`];
}
