import fs from 'node:fs';
import path from 'node:path';
import { generateDemo } from '../../backend/demo/generate.js';
import { requireCase } from '../case-arg.js';
import { UsageError } from '../usage.js';
import { importCommand } from './import.js';

/** Writes the demo records as a JSONL file beside the case, then imports it like any other file. */
export async function writeDemoFile(file: string, events: number, seed: number, end?: Date): Promise<void> {
  const out = fs.createWriteStream(file);
  let buffer = '';
  for (const record of generateDemo({ events, seed, end })) {
    buffer += JSON.stringify(record) + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  await new Promise<void>((resolve, reject) => out.end(buffer, (err?: Error | null) => (err ? reject(err) : resolve())));
}

export async function demoCommand(args: { case?: string; events?: string; seed?: string; end?: string }) {
  const caseFile = requireCase(args.case, 'demo');
  const events = args.events === undefined ? 20_000 : Number(args.events);
  if (!Number.isInteger(events) || events < 1) throw new UsageError(`demo: --events must be a positive whole number`);
  const seed = args.seed === undefined ? 42 : Number(args.seed);
  if (!Number.isInteger(seed)) throw new UsageError('demo: --seed must be a whole number');
  const end = args.end ? new Date(args.end) : undefined;
  if (end && Number.isNaN(end.getTime())) throw new UsageError(`demo: --end '${args.end}' is not an ISO date`);
  const file = path.join(path.dirname(path.resolve(caseFile)), `${path.basename(caseFile)}.demo-${seed}-${events}.jsonl`);
  await writeDemoFile(file, events, seed, end);
  return importCommand({ positionals: [file], case: caseFile, source: 'demo' });
}
