import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from '../../backend/backend.js';
import { toJsonlLine } from '../../backend/export/event-writer.js';
import { buildPack } from '../../backend/packs/build.js';
import { verifyPack } from '../../backend/packs/verify.js';
import { iterateEvents } from '../../backend/store/queries/events.js';
import { whereClause } from '../../backend/store/query-sql.js';

/**
 * Evidence pack targets (issue 6): a pack of 100k events in <= 5 s and of 1M in <= 60 s, at 100k and at the bench's
 * full event count. Reference in the same run: reading the same events and writing them as plain JSONL (the export
 * path), the floor any pack must pay before its CSV, hashes, deflate and zip. The verify time is reported beside.
 */

function periodOf(backend: Backend, events: number): { from: string; to: string; count: number } {
  const db = backend.context.db;
  const first = db.prepare('SELECT ts FROM events ORDER BY ts, rowid LIMIT 1').get() as { ts: number };
  const nth = db.prepare('SELECT ts FROM events ORDER BY ts, rowid LIMIT 1 OFFSET ?').get(events) as { ts: number } | undefined;
  const to = nth ? nth.ts : (db.prepare('SELECT max(ts) AS ts FROM events').get() as { ts: number }).ts + 1;
  const count = (db.prepare('SELECT count(*) AS n FROM events WHERE ts >= ? AND ts < ?').get(first.ts, to) as { n: number }).n;
  return { from: new Date(first.ts).toISOString(), to: new Date(to).toISOString(), count };
}

async function plainJsonl(backend: Backend, query: string, file: string): Promise<number> {
  const t = performance.now();
  const out = fs.openSync(file, 'w');
  let buffer = '';
  for (const e of iterateEvents(backend.context.db, whereClause(query), 'asc')) {
    buffer += toJsonlLine(e);
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = '';
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
  return performance.now() - t;
}

export async function benchPacks(backend: Backend, dir: string, total: number, log: (line: string) => void): Promise<void> {
  log('');
  log('| evidence pack (custom, every event of the period) | events | build | reference: plain JSONL | zip size | verify | target |');
  log('|---|---:|---:|---:|---:|---:|---:|');
  const sizes = [...new Set([Math.min(100_000, total), total])];
  for (const n of sizes) {
    const { from, to, count } = periodOf(backend, n);
    const query = `time>=${from}`;
    const out = path.join(dir, `pack-${n}.zip`);
    const t = performance.now();
    const result = await buildPack(backend.context.db, { type: 'custom', from, to, query }, out, new AbortController().signal);
    const buildMs = performance.now() - t;
    const refMs = await plainJsonl(backend, `${query} time<${to}`, path.join(dir, `plain-${n}.jsonl`));
    const v = performance.now();
    const verified = await verifyPack(out);
    const verifyMs = performance.now() - v;
    const target = count <= 100_000 ? 5 : 60 * (count / 1_000_000);
    log(
      `| ${count.toLocaleString('en-US')} events | ${result.events.toLocaleString('en-US')} | ${(buildMs / 1000).toFixed(2)} s | ` +
        `${(refMs / 1000).toFixed(2)} s | ${(result.bytes / 1e6).toFixed(0)} MB | ${(verifyMs / 1000).toFixed(2)} s${verified.ok ? '' : ' FAILED'} | ` +
        `${buildMs / 1000 <= target ? 'ok' : 'OVER'} <= ${target.toFixed(0)} s |`,
    );
    fs.rmSync(out, { force: true });
    fs.rmSync(path.join(dir, `plain-${n}.jsonl`), { force: true });
  }
}
