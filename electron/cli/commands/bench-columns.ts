import type { Backend } from '../../backend/backend.js';
import { columnBytes, MAX_CACHED_EVENTS, readyColumns, warmColumns } from '../../backend/store/memory/column-cache.js';
import { actorSessions } from '../../backend/store/queries/sessions.js';
import { stats } from './bench-workbench.js';

/**
 * The in-memory column cache (memory/column-cache.ts): what building it costs at the bench's scale, and one actor's
 * session list before it exists (the SQL read every answer falls back to while it warms) for the side-by-side. The
 * bench's backend does not warm the cache by itself, so everything timed before this ran on the SQL paths and
 * everything after it runs with the cache current, as in the app a few seconds after a case opens.
 */

export const SESSIONS_ACTOR = 'alice@example.com';

export async function benchColumns(backend: Backend, runs: number, log: (line: string) => void): Promise<void> {
  const db = backend.context.db;
  const sqlSessions: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    actorSessions(db, { actor: SESSIONS_ACTOR, gapMinutes: 30 });
    sqlSessions.push(performance.now() - t);
  }
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
}
