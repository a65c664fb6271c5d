/** Runs a seed fixture (test/e2e/seeds/) through the real read -> detect -> normalize path of an import. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFile, type ParsedEvent, type ParsedReject } from '../../electron/backend/ingest/parse-file.js';

export const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../e2e/seeds');

export async function parseSeed(name: string): Promise<{ events: ParsedEvent[]; rejects: ParsedReject[]; formats: string[] }> {
  const file = path.join(SEEDS_DIR, name);
  const out = { events: [] as ParsedEvent[], rejects: [] as ParsedReject[], formats: new Set<string>() };
  for await (const chunk of parseFile({ file, display: name, source: 'seed', sha256: 'x', chunkSize: 500 }, new AbortController().signal)) {
    out.events.push(...chunk.events);
    out.rejects.push(...chunk.rejects);
    chunk.formats.forEach((f) => out.formats.add(f));
  }
  return { events: out.events, rejects: out.rejects, formats: [...out.formats] };
}

/** The events whose action is `action`, in file order. */
export const byAction = (events: ParsedEvent[], action: string) => events.filter((e) => e.action === action);
