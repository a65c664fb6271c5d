import fs from 'node:fs';
import path from 'node:path';
import type { PackRequest } from '../../../shared/contract/packs.js';
import { AppError } from '../../../shared/errors.js';
import { UTF8_BOM } from '../export/csv.js';
import type { Db } from '../store/open.js';
import { completeness, type StreamTotals } from './completeness.js';
import { memoryEntry, StreamedEntry, type FinishedEntry } from './entry-sink.js';
import { streamPackEvents } from './event-stream.js';
import { bagEntries, journalJsonl, queryJson, reportFile, summaryFiles, type PopulationResult } from './pack-files.js';
import { packCsvHeader, packLines } from './pack-rows.js';
import { countWhere, planPack } from './plan.js';
import { samplePositions } from './sample.js';
import { writeZip } from './zip-writer.js';

/**
 * Builds an evidence pack: streams the populations' events once (keyset order) into data/events.jsonl and
 * data/events.csv, deflating both as they are written, then adds the summaries, query, completeness statement,
 * report, journal and BagIt tag files, and writes the zip with every entry in a fixed order and one timestamp.
 * The zip appears at `outPath` only when complete (written beside it, then renamed).
 */

export interface BuildProgress {
  written: number;
  processed: number;
  total: number;
  phase: string;
}

export interface BuildResult {
  sha256: string;
  bytes: number;
  events: number;
}

const REPORT_EVENTS = 200;

export async function buildPack(
  db: Db,
  request: PackRequest,
  outPath: string,
  signal: AbortSignal,
  onProgress: (p: BuildProgress) => void = () => {},
): Promise<BuildResult> {
  const plan = planPack(db, request);
  const selectedPer = plan.populations.map((p) => countWhere(db, p.where));
  const total = countWhere(db, plan.unionWhere);
  const inScope = countWhere(db, plan.scopeWhere);
  const samples = request.sample
    ? plan.populations.map((p, i) => samplePositions(selectedPer[i], request.sample!.n, request.sample!.seed, p.name))
    : null;

  fs.mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(path.dirname(path.resolve(outPath)), '.auditlens-pack-'));
  const csv = new StreamedEntry('data/events.csv', path.join(tmp, 'events.csv.deflate'));
  const jsonl = new StreamedEntry('data/events.jsonl', path.join(tmp, 'events.jsonl.deflate'));
  try {
    await csv.write(UTF8_BOM + packCsvHeader());
    const totals: StreamTotals = { selected: total, written: 0, perImport: new Map(), idConflicts: 0 };
    const inPack = plan.populations.map(() => 0);
    const positions = plan.populations.map(() => 0);
    const firstEvents: Record<string, unknown>[] = [];
    let processed = 0;
    let lastReport = 0;
    const notes = plan.annotations.load();
    for (const batch of streamPackEvents(db, plan.unionWhere, plan.populations.map((p) => p.where))) {
      if (signal.aborted) throw new AppError('CANCELLED', 'pack build cancelled');
      for (const row of batch) {
        processed++;
        const populations: string[] = [];
        row.members.forEach((member, i) => {
          if (!member) return;
          const position = positions[i]++;
          if (samples && !samples[i].has(position)) return;
          populations.push(plan.populations[i].name);
          inPack[i]++;
        });
        if (populations.length === 0) continue;
        const extras = { populations, tags: notes.get(row.event.id)?.tags ?? [], comments: notes.get(row.event.id)?.comments ?? [] };
        const lines = packLines(row.event, extras);
        const a = jsonl.write(lines.jsonl);
        const b = csv.write(lines.csv);
        if (a || b) await Promise.all([a, b]);
        totals.written++;
        totals.perImport.set(row.importId, (totals.perImport.get(row.importId) ?? 0) + 1);
        if (row.event.idConflict) totals.idConflicts++;
        if (firstEvents.length < REPORT_EVENTS) firstEvents.push(row.event);
      }
      const now = Date.now();
      if (now - lastReport >= 200) {
        lastReport = now;
        onProgress({ written: totals.written, processed, total, phase: 'events' });
      }
    }
    onProgress({ written: totals.written, processed, total, phase: 'summaries' });
    const counts: PopulationResult[] = selectedPer.map((selected, i) => ({ selected, inPack: inPack[i] }));
    const summary = summaryFiles(db, plan, counts);
    const complete = completeness(db, plan, totals, inScope);
    const payload: FinishedEntry[] = [
      await csv.finish(),
      await jsonl.finish(),
      memoryEntry('data/summary.csv', summary.csv),
      memoryEntry('data/summary.json', JSON.stringify(summary.json, null, 2) + '\n'),
      memoryEntry('data/query.json', queryJson(db, plan, counts)),
      memoryEntry('data/completeness.json', JSON.stringify(complete, null, 2) + '\n'),
      memoryEntry('data/report.html', reportFile(db, plan, { counts, summary, completeness: complete, firstEvents, written: totals.written })),
      memoryEntry('data/journal.jsonl', journalJsonl(db)),
    ];
    if (signal.aborted) throw new AppError('CANCELLED', 'pack build cancelled');
    onProgress({ written: totals.written, processed, total, phase: 'zip' });
    const partial = `${outPath}.partial`;
    const zip = await writeZip(partial, bagEntries(plan, db, payload), plan.generatedAt);
    fs.renameSync(partial, outPath);
    return { ...zip, events: totals.written };
  } catch (err) {
    csv.abort();
    jsonl.abort();
    fs.rmSync(`${outPath}.partial`, { force: true });
    throw err;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
