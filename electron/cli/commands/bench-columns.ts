import type { Backend } from '../../backend/backend.js';
import { anchorsInMemory } from '../../backend/store/memory/anchors-in-memory.js';
import { columnBytes, MAX_CACHED_EVENTS, readyColumns, warmColumns } from '../../backend/store/memory/column-cache.js';
import { sortByTime } from '../../backend/store/memory/time-order.js';
import type { Db } from '../../backend/store/open.js';
import { whereClause } from '../../backend/store/query-sql.js';
import { ANCHOR_STRIDE, anchorsInSql } from '../../backend/store/queries/events.js';
import { actorSessions } from '../../backend/store/queries/sessions.js';
import { stats, timeOf, timeWithCleanup } from './bench-timing.js';

/**
 * The in-memory column cache (memory/column-cache.ts): what building it costs at the bench's scale, and one actor's
 * session list before it exists (the SQL read every answer falls back to while it warms) for the side-by-side. The
 * bench's backend does not warm the cache by itself, so everything timed before this ran on the SQL paths and
 * everything after it runs with the cache current, as in the app a few seconds after a case opens.
 *
 * The table's first jump deep into a result (End, a scrollbar drag) needs the result's keyset anchors: timed here
 * from SQL before the build and from the cache after it, each computed afresh (the app keeps them per query).
 */

/** Queries whose anchors are timed: the whole case and results no index orders. */
const ANCHOR_QUERIES = ['', 'outcome:failure', '"logged"', '-has:session'];

/** `runs` timings of `fn`; `sql`: each with the collection that frees its statement's memory (bench-timing.ts). */
function timed(runs: number, fn: () => unknown, sql = false): ReturnType<typeof stats> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(sql ? timeWithCleanup(fn) : timeOf(fn));
  return stats(samples);
}

export const SESSIONS_ACTOR = 'alice@example.com';

export async function benchColumns(backend: Backend, runs: number, log: (line: string) => void): Promise<void> {
  const db = backend.context.db;
  const sqlSessions: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    actorSessions(db, { actor: SESSIONS_ACTOR, gapMinutes: 30 });
    sqlSessions.push(performance.now() - t);
  }
  // Seconds each at 10M events: three runs are enough to show the path.
  const sqlAnchors = ANCHOR_QUERIES.map((q) => timed(Math.min(runs, 3), () => anchorsInSql(db, whereClause(q), 'desc'), true));
  const cpu = process.cpuUsage();
  const t = performance.now();
  await warmColumns(db);
  const ms = performance.now() - t;
  const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
  const cache = readyColumns(db);
  const s = stats(sqlSessions);
  log('');
  log('| column cache | time | rate | note |');
  log('|---|---:|---:|---|');
  if (!cache) log(`| build: not built, the case is over the cap of ${MAX_CACHED_EVENTS.toLocaleString('en-US')} events (AUDITLENS_COLUMN_CACHE_MAX_EVENTS) | | | every case below runs on the SQL paths |`);
  else log(`| build: 15 short columns of every event into typed arrays, in 20k-row steps | ${(ms / 1000).toFixed(2)} s (CPU ${(cpuMs / 1000).toFixed(2)} s) | ${Math.round(cache.count / (ms / 1000)).toLocaleString('en-US')} events/s | ${(columnBytes(cache) / 1e6).toFixed(0)} MB of arrays for ${cache.count.toLocaleString('en-US')} events; heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB |`);
  log(`| before it is built: sessions of ${SESSIONS_ACTOR} from SQL (${runs} runs) | ${s.median.toFixed(1)} ms median | ${s.p95.toFixed(1)} ms p95 | | the path while the cache warms |`);
  if (cache) benchAnchors(db, cache.ts, cache.maxRowid, runs, sqlAnchors, log);
}

function benchAnchors(db: Db, ts: Float64Array, maxRowid: number, runs: number, sql: ReturnType<typeof stats>[], log: (line: string) => void): void {
  const sort = timed(Math.min(runs, 5), () => sortByTime(ts, maxRowid));
  // The demo imports events in time order, which the sort notices; a case imported out of order pays the radix passes.
  const shuffled = ts.slice(0, maxRowid + 1);
  let seed = 7;
  for (let i = shuffled.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const radix = timed(Math.min(runs, 5), () => sortByTime(shuffled, maxRowid));
  log('');
  log(`| the table's first jump deep into a result: keyset anchors (every ${ANCHOR_STRIDE}th row), newest first | from the cache: median | p95 | from SQL (before the build): median | p95 | target p95 |`);
  log('|---|---:|---:|---:|---:|---:|');
  log(`| time order of every cached event (once per change of the case), rows imported in time order | ${sort.median.toFixed(1)} ms | ${sort.p95.toFixed(1)} ms | | | |`);
  log(`| the same times in shuffled rowid order (radix sort) | ${radix.median.toFixed(1)} ms | ${radix.p95.toFixed(1)} ms | | | |`);
  ANCHOR_QUERIES.forEach((q, i) => {
    const where = whereClause(q);
    const m = timed(runs, () => anchorsInMemory(db, where, 'desc', ANCHOR_STRIDE));
    log(`| anchors of \`${q || '(whole case)'}\` | ${m.median.toFixed(1)} ms | ${m.p95.toFixed(1)} ms | ${sql[i].median.toFixed(1)} ms | ${sql[i].p95.toFixed(1)} ms | <= 300 ms |`);
  });
}
