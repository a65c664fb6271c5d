import type { Backend } from '../../backend/backend.js';
import { SESSIONS_ACTOR } from './bench-columns.js';

/**
 * Workbench targets at the bench's event count: the context view (every event within +-5 minutes of one event,
 * all sources) p95 <= 100 ms and one actor's session list p95 <= 200 ms, each beside a reference in the same run: the
 * bare SQLite read of the same rows (what any implementation must at least pay).
 */

function p95(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

async function time(runs: number, fn: (i: number) => unknown): Promise<{ median: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return p95(samples);
}

export async function benchContext(backend: Backend, runs: number, log: (line: string) => void): Promise<void> {
  const db = backend.context.db;
  const total = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  // Events spread over the case, the same ones every run (rowid order is import order).
  const anchors = Array.from({ length: runs }, (_, i) => {
    const row = db.prepare('SELECT id, ts FROM events WHERE rowid >= ? ORDER BY rowid LIMIT 1')
      .get(1 + Math.floor(((i + 0.5) / runs) * total)) as { id: string; ts: number } | undefined;
    return row ?? (db.prepare('SELECT id, ts FROM events LIMIT 1').get() as { id: string; ts: number });
  });
  const actor = SESSIONS_ACTOR;
  const actorEvents = (db.prepare('SELECT count(*) AS n FROM events WHERE actor = ?').get(actor) as { n: number }).n;

  const context = await time(runs, (i) => backend.call('events:context', { id: anchors[i].id, minutes: 5 }));
  const contextRef = await time(runs, (i) =>
    db.prepare('SELECT * FROM events WHERE ts BETWEEN ? AND ? ORDER BY ts, rowid')
      .all(anchors[i].ts - 300_000, anchors[i].ts + 300_000));
  // A gap a hair different each run: the handler caches answers, and the target is about computing one.
  const sessions = await time(runs, (i) => backend.call('actor:sessions', { actor, gapMinutes: 30 + i / 1000 }));
  const sessionsRef = await time(runs, () =>
    db.prepare('SELECT id, ts, session_id, source_ip, user_agent, location, outcome FROM events WHERE actor = ? ORDER BY ts').raw().all(actor));

  log('');
  log(`| workbench (${runs} runs) | median | p95 | target p95 | reference: bare SQLite read of the same rows, p95 |`);
  log('|---|---:|---:|---:|---:|');
  const line = (name: string, r: { median: number; p95: number }, target: number, ref: { p95: number }) =>
    log(`| ${name} | ${r.median.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.p95 <= target ? 'ok' : 'OVER'} <= ${target} ms | ${ref.p95.toFixed(1)} ms |`);
  line('context view, +-5 min around an event, all sources', context, 100, contextRef);
  line(`sessions of ${actor} (${actorEvents.toLocaleString('en-US')} events, gap 30 min)`, sessions, 200, sessionsRef);
}
