import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/backend/backend.js';
import { dropLookupIndexes, ensureLookupIndexes } from '../../electron/backend/store/lookup-indexes.js';
import { createEventWriter, type EventInsert } from '../../electron/backend/store/queries/insert-events.js';
import { histogram } from '../../electron/backend/store/queries/histogram.js';
import { swimlanes } from '../../electron/backend/store/queries/swimlanes.js';
import { whereClause } from '../../electron/backend/store/query-sql.js';
import { CATEGORIES } from '../../shared/model/event.js';
import { makeEvent } from '../helpers/events.js';
import { useBackends } from '../helpers/backends.js';

/**
 * Timelines of a time range, the whole case or one enum value are counted from indexes (index-buckets.ts), a value
 * that is most of its range as the range minus the other values. Each must give exactly what reading the result's
 * rows gives: the same query compiled without its shape takes the row path, so the two answers are compared whole.
 * The in-memory columns, which would answer first, are off here (column-cache.test.ts compares those).
 */

const startBackend = useBackends();

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
// user1 also spelled USER1: one NOCASE actor, one lane, named by its first spelling in binary order on every path.
const ACTORS = [...Array.from({ length: 10 }, (_, i) => `user${i}@example.com`), 'USER1@example.com'];

/** Skewed like real audit logs: mostly info and success, one busy category, a few events before 1970. */
function makeEvents(n: number): EventInsert[] {
  let seed = 777;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, (_, i) => {
    const r = rnd();
    return makeEvent({
      id: `e${i}`,
      ts: i % 151 === 0 ? -Math.floor(rnd() * 7_200_000) : T0 + Math.floor(rnd() * 4 * 86_400_000),
      actor: i % 40 === 0 ? null : ACTORS[Math.floor(ACTORS.length * rnd() * rnd())],
      outcome: r < 0.85 ? 'success' : r < 0.95 ? 'failure' : 'unknown',
      severity: rnd() < 0.8 ? 'info' : rnd() < 0.7 ? 'warning' : 'critical',
      category: rnd() < 0.6 ? 'authentication' : CATEGORIES[Math.floor(rnd() * CATEGORIES.length)],
    });
  });
}

const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();
const QUERIES = [
  '', `time>=${at(10)}`, `time>=${at(20)} time<${at(20.2)}`, `time<${at(30)} time>=${at(5)} time<${at(50)}`,
  'severity:info', 'outcome:success', 'outcome:failure', 'category:authentication', 'severity:critical',
  `severity:info time>=${at(40)}`, `outcome:success time<${at(12)}`, `time>=${at(90)} outcome:unknown`,
  '-severity:critical', '-outcome:failure', '-outcome:success', '-category:authentication', '-severity:info',
  `-outcome:failure time>=${at(40)}`,
];
const KINDS = ['plain', 'outcome', 'severity', 'lanes'] as const;

function answer(b: Backend, where: ReturnType<typeof whereClause> | { sql: string; params: unknown[] }, kind: (typeof KINDS)[number], buckets: number) {
  const db = b.context.db;
  return kind === 'lanes' ? swimlanes(db, where, buckets, 4) : histogram(db, where, buckets, kind === 'plain' ? undefined : kind);
}

function rowPath(where: ReturnType<typeof whereClause>) {
  return { sql: where.sql, params: where.params }; // no shape: the result's rows are read
}

describe('timelines counted from indexes', () => {
  const events = makeEvents(5000);

  it('equal the row path for time ranges, the whole case and enum values, by every stack, at coarse and fine buckets', () => {
    const open = startBackend({ columnCache: false });
    createEventWriter(open.context.db).write(events);
    for (const query of QUERIES) {
      const where = whereClause(query);
      expect(where.shape, query).not.toBeNull();
      for (const kind of KINDS) {
        for (const buckets of [40, 2000]) {
          expect(answer(open, where, kind, buckets), `${query} ${kind} ${buckets}`).toEqual(answer(open, rowPath(where), kind, buckets));
        }
      }
    }
  });

  it('count index entries instead of grouping rows, and fall back to the rows while the lookup indexes are missing', () => {
    const open = startBackend({ columnCache: false });
    const db = open.context.db;
    createEventWriter(db).write(events);
    const prepare = vi.spyOn(db, 'prepare');
    const where = whereClause(`time>=${at(10)}`);
    const indexed = answer(open, where, 'severity', 2000);
    const sqls = prepare.mock.calls.map(([s]) => String(s));
    expect(sqls.some((s) => s.includes('severity = ? AND ts >= ? AND ts < ?'))).toBe(true);
    expect(sqls.some((s) => s.includes('GROUP BY t'))).toBe(false);
    answer(open, where, 'lanes', 240);
    expect(prepare.mock.calls.some(([s]) => String(s).includes('INDEXED BY events_by_actor_ts'))).toBe(true);

    // A bulk load drops the lookup indexes until its end; the same questions are then answered from the rows.
    dropLookupIndexes(db);
    prepare.mockClear();
    expect(answer(open, where, 'severity', 2000)).toEqual(indexed);
    expect(prepare.mock.calls.some(([s]) => String(s).includes('GROUP BY t'))).toBe(true);
    for (const query of ['severity:info', 'outcome:success']) {
      const w = whereClause(query);
      for (const kind of KINDS) expect(answer(open, w, kind, 300), `${query} ${kind}`).toEqual(answer(open, rowPath(w), kind, 300));
    }
    ensureLookupIndexes(db);
    prepare.mockRestore();
  });

  it('a majority value reads the fewest rows that split it: its complement, or the events outside the commonest stack', () => {
    const open = startBackend({ columnCache: false });
    const db = open.context.db;
    createEventWriter(db).write(events);
    const prepare = vi.spyOn(db, 'prepare');
    const grouped = () => prepare.mock.calls.map(([s]) => String(s)).filter((s) => s.includes('GROUP BY t'));
    // severity:info is 80 %, outcome:success 85 %: the 15 % not successful are fewer than the 20 % not info.
    answer(open, whereClause('severity:info'), 'outcome', 500);
    expect(grouped()).toEqual([expect.stringContaining('WHERE (outcome < ? OR outcome > ?) AND +severity = ? GROUP BY t')]);
    prepare.mockClear();
    // outcome:success by severity: the 15 % not successful are fewer than the 20 % not info.
    answer(open, whereClause('outcome:success'), 'severity', 500);
    expect(grouped()).toEqual([expect.stringContaining('WHERE (outcome < ? OR outcome > ?) GROUP BY t')]);
    prepare.mockClear();
    // All but one value (a facet's alt-click): the range minus that value's rows.
    answer(open, whereClause('-severity:critical'), 'outcome', 500);
    expect(grouped()).toEqual([expect.stringContaining('WHERE severity = ? GROUP BY t')]);
    prepare.mockClear();
    // A small result is read as itself.
    answer(open, whereClause('severity:critical'), 'outcome', 500);
    expect(grouped()).toEqual([expect.stringContaining('WHERE severity = ? GROUP BY t')]);
    prepare.mockRestore();
  });
});
