import os from 'node:os';
import type { Backend } from '../../backend/backend.js';
import { histogram } from '../../backend/store/queries/histogram.js';
import { swimlanes } from '../../backend/store/queries/swimlanes.js';
import { whereClause } from '../../backend/store/query-sql.js';
import type { ShapedWhere } from '../../backend/store/query-shape.js';
import { timeWithCleanup } from './bench-timing.js';

/**
 * Timeline bench cases (issue 5): stacked histograms and actor swimlanes of filtered results, p95 against the 300 ms
 * target, beside two references on the same result: the plain (unstacked) histogram's query, which often reads only
 * an index, and the floor of a stacked answer, reading the stacked column (outcome, severity, actor) of every event of
 * the result (a row read each, unless an index covers it). The column cache is current (bench-columns.ts built it);
 * the SQL paths that answer while it warms are timed beside it. The load average is printed: on a shared machine the
 * numbers scale with it.
 */

const FINE_BUCKETS = 2000; // what the renderer's timeline asks for

function p(samples: number[], q: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

/**
 * The range picker's commonest ask on a big case: everything after the first tenth of its span (90 % of the events
 * of the bench's evenly spread data). Written as the absolute `time>=` the picker sends.
 */
export function lateRangeQuery(db: Backend['context']['db']): string {
  const { lo, hi } = db.prepare('SELECT min(ts) AS lo, max(ts) AS hi FROM events').get() as { lo: number; hi: number };
  return `time>=${new Date(lo + Math.round((hi - lo) * 0.1)).toISOString()}`;
}

type Kind = 'outcome' | 'severity' | 'lanes';

function cases(late: string): [name: string, query: string, kind: Kind][] {
  return [
    ['histogram by outcome, whole case (rollup)', '', 'outcome'],
    ['histogram by severity, whole case', '', 'severity'],
    ['histogram by outcome, last 90 % of the span', late, 'outcome'],
    ['histogram by severity, last 90 % of the span', late, 'severity'],
    ['histogram by severity, outcome:failure', 'outcome:failure', 'severity'],
    ['histogram by severity, outcome:success (93 %)', 'outcome:success', 'severity'],
    ['histogram by outcome, severity:info (83 %)', 'severity:info', 'outcome'],
    ['histogram by outcome, category:authentication', 'category:authentication', 'outcome'],
    ['histogram by outcome, -severity:critical (a facet\'s exclude, 92 %)', '-severity:critical', 'outcome'],
    ['histogram by severity, -outcome:failure (93 %)', '-outcome:failure', 'severity'],
    ['histogram by severity, full text "role"', '"role"', 'severity'],
    ['histogram by severity, full text "logged" (40 %)', '"logged"', 'severity'],
    ['histogram by outcome, actorType:user (no index, 79 %)', 'actorType:user', 'outcome'],
    ['histogram by outcome, severity:info OR severity:warning', 'severity:info OR severity:warning', 'outcome'],
    ['histogram by outcome, -has:session', '-has:session', 'outcome'],
    ['histogram by severity, action:/^LOGIN_/ (regex)', 'action:/^LOGIN_/', 'severity'],
    ['swimlanes (top 8 actors), whole case', '', 'lanes'],
    ['swimlanes (top 8 actors), last 90 % of the span', late, 'lanes'],
    ['swimlanes (top 8 actors), outcome:failure', 'outcome:failure', 'lanes'],
    ['swimlanes (top 8 actors), category:authentication', 'category:authentication', 'lanes'],
    ['swimlanes (top 8 actors), outcome:success (93 %)', 'outcome:success', 'lanes'],
    ['swimlanes (top 8 actors), severity:info (83 %)', 'severity:info', 'lanes'],
    ['swimlanes (top 8 actors), -severity:critical (92 %)', '-severity:critical', 'lanes'],
    ['swimlanes (top 8 actors), full text "logged"', '"logged"', 'lanes'],
    ['swimlanes (top 8 actors), actorType:user', 'actorType:user', 'lanes'],
    ['swimlanes (top 8 actors), has:location (every event)', 'has:location', 'lanes'],
  ];
}

/** Runs of the SQL paths per case: what answers while the column cache warms, for the side-by-side. */
const SQL_RUNS = 5;

export function benchTimeline(backend: Backend, runs: number, log: (s: string) => void): void {
  log('');
  log(`| timeline (${runs} runs, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores) | median | p95 | target p95 | without the column cache (SQL paths), median of ${Math.min(runs, SQL_RUNS)} | reference: unstacked GROUP BY bucket | floor: read the stacked column of each event |`);
  log(`|---|---:|---:|---:|---:|---:|---:|`);
  const db = backend.context.db;
  for (const [name, query, kind] of cases(lateRangeQuery(db))) {
    const samples: number[] = [];
    const sqlPaths: number[] = [];
    const reference: number[] = [];
    const floor: number[] = [];
    const column = kind === 'lanes' ? 'actor' : kind;
    const answer = (where: ReturnType<typeof whereClause> | ShapedWhere) =>
      kind === 'lanes' ? swimlanes(db, where, 240, 8) : histogram(db, where, FINE_BUCKETS, kind);
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const where = whereClause(query);
      answer(where);
      samples.push(performance.now() - t);
      // No parsed tree: the SQL paths.
      if (i < SQL_RUNS) sqlPaths.push(timeWithCleanup(() => answer({ sql: where.sql, params: where.params, shape: where.shape })));
      reference.push(timeWithCleanup(() => db.prepare(`SELECT ts / 3600000 AS t, count(*) FROM events WHERE ${where.sql} GROUP BY t`).all(...where.params)));
      floor.push(timeWithCleanup(() => db.prepare(`SELECT count(*), sum(length(${column})) FROM events WHERE ${where.sql}`).all(...where.params)));
    }
    const p95 = p(samples, 0.95);
    log(`| ${name} | ${p(samples, 0.5).toFixed(1)} ms | ${p95.toFixed(1)} ms | ${p95 <= 300 ? 'ok' : 'OVER'} <= 300 ms | ${p(sqlPaths, 0.5).toFixed(1)} ms | ${p(reference, 0.95).toFixed(1)} ms | ${p(floor, 0.95).toFixed(1)} ms |`);
  }
}
