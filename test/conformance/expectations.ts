import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Per-file expectations of the conformance run (expectations/<path under the fixtures folder>.json). They were
 * written from each vendor's record and documentation (`fieldSources` says which fields), never from the importer's
 * output, so a wrong mapping shows up as a difference here.
 */
export interface Expectation {
  fixture: string;
  /** Format id the file must be detected as (`json` for a file no vendor format should claim). */
  format: string | null;
  /** Records the reader finds, events they become, and of those how many repeat an identical record. */
  records: number;
  events: number;
  duplicates: number;
  /** Every reject, in record order: where (1-based line for line-oriented files, 0-based record index) and why. */
  rejects: { line?: number | null; recordIndex: number; reason: string }[];
  fieldSources: string;
  checks: {
    why: string;
    recordIndex: number;
    line?: number;
    expect: { time: string; actor: string | null; action: string | null; outcome: string; sourceIp: string | null };
  }[];
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXPECTATIONS = path.join(HERE, 'expectations');
/** Files in a fixtures folder that describe it rather than being samples. */
const NOT_SAMPLES = new Set(['manifest.json', 'README.md', 'LICENSE', 'NOTICE']);

export function expectationFor(file: string): Expectation | null {
  const p = path.join(EXPECTATIONS, `${file}.json`);
  return fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, 'utf8')) as Expectation) : null;
}

/** Every sample under `dir` (relative paths, `/`-separated, sorted): known fixtures and anything else put there. */
export function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && !(rel === '' && NOT_SAMPLES.has(entry.name)) && !entry.name.startsWith('.')) out.push(child);
    }
  };
  walk('');
  return out.sort();
}
