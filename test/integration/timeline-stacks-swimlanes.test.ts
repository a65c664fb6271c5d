import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { createEventWriter, type EventInsert } from '../../electron/backend/store/queries/insert-events.js';
import { makeEvent } from '../helpers/events.js';
import { useTempDir } from '../helpers/temp.js';

/**
 * The stacked histogram and the actor swimlanes against the truth: a GROUP BY over the same case file and the events
 * as written. Covers the rollup path (whole case by outcome), the grouped scan (filtered, by severity) and negative
 * times (before 1970), where bucket flooring is easiest to get wrong.
 */

const tempDir = useTempDir();
let open: Backend | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const OUTCOMES = ['success', 'failure', 'unknown'] as const;
const SEVERITIES = ['info', 'warning', 'critical'] as const;
const ACTORS = Array.from({ length: 12 }, (_, i) => `user${i}@example.com`);

/** Deterministic pseudo-random events over ~3 days, a few before 1970, actors skewed so the top ones are clear. */
function makeEvents(n: number): EventInsert[] {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const t0 = Date.parse('2026-03-01T00:00:00.000Z');
  return Array.from({ length: n }, (_, i) => {
    const ts = i % 97 === 0 ? -Math.floor(rnd() * 3_600_000) : t0 + Math.floor(rnd() * 3 * 86_400_000);
    const actorIndex = Math.floor(ACTORS.length * rnd() * rnd()); // low indexes are busier
    return makeEvent({
      id: `e${i}`,
      ts,
      actor: i % 50 === 0 ? null : ACTORS[actorIndex],
      outcome: OUTCOMES[Math.floor(rnd() * 3)],
      severity: SEVERITIES[Math.floor(rnd() * 3)],
    });
  });
}

function backendWith(events: EventInsert[]): Backend {
  open = createBackend({ caseFile: path.join(tempDir(), 't.auditlens') });
  createEventWriter(open.context.db).write(events);
  return open;
}

type Truth = Map<number, Record<string, number>>;

/** Per bucket (floored towards minus infinity) and value: the GROUP BY truth from the case file. */
function groupByTruth(b: Backend, step: number, column: 'outcome' | 'severity', where = '1', params: unknown[] = []): Truth {
  const rows = b.context.db
    .prepare(`SELECT ts, ${column} AS v FROM events WHERE ${where}`)
    .all(...params) as { ts: number; v: string }[];
  const truth: Truth = new Map();
  for (const r of rows) {
    const t = Math.floor(r.ts / step) * step;
    const cell = truth.get(t) ?? {};
    cell[r.v] = (cell[r.v] ?? 0) + 1;
    truth.set(t, cell);
  }
  return truth;
}

function asTruth(buckets: { t: number; count: number; by?: Record<string, number> }[]): Truth {
  const out: Truth = new Map();
  for (const b of buckets) {
    expect(Object.values(b.by ?? {}).reduce((a, c) => a + c, 0)).toBe(b.count);
    out.set(b.t, b.by ?? {});
  }
  return out;
}

describe('events:histogram stacked', () => {
  const events = makeEvents(6000);

  it('whole case by outcome (from the per-minute rollup) equals the GROUP BY of the case file', async () => {
    const b = backendWith(events);
    const h = await b.call('events:histogram', { query: '', buckets: 200, stackBy: 'outcome' });
    expect(h.bucketMs % 60_000).toBe(0);
    expect(asTruth(h.buckets)).toEqual(groupByTruth(b, h.bucketMs, 'outcome'));
    const plain = await b.call('events:histogram', { query: '', buckets: 200 });
    expect(plain.buckets.map(({ t, count }) => ({ t, count }))).toEqual(h.buckets.map(({ t, count }) => ({ t, count })));
  });

  it('a filtered result by severity (grouped scan) equals the GROUP BY, fine buckets included', async () => {
    const b = backendWith(events);
    const h = await b.call('events:histogram', { query: 'outcome:failure', buckets: 2000, stackBy: 'severity' });
    expect(asTruth(h.buckets)).toEqual(groupByTruth(b, h.bucketMs, 'severity', "outcome = 'failure'"));
    expect(h.buckets.reduce((a, x) => a + x.count, 0)).toBe(events.filter((e) => e.outcome === 'failure').length);
    // A narrow time range gets second-level buckets.
    const narrow = await b.call('events:histogram', {
      query: 'time>=2026-03-01T10:00:00Z time<2026-03-01T10:05:00Z',
      buckets: 2000,
      stackBy: 'outcome',
    });
    expect(narrow.bucketMs).toBeLessThanOrEqual(1000);
    const lo = Date.parse('2026-03-01T10:00:00Z');
    expect(asTruth(narrow.buckets)).toEqual(groupByTruth(b, narrow.bucketMs, 'outcome', 'ts >= ? AND ts < ?', [lo, lo + 300_000]));
  });
});

describe('events:swimlanes', () => {
  const events = makeEvents(6000);

  it('lists the busiest actors of the result with per-bucket counts equal to the GROUP BY', async () => {
    const b = backendWith(events);
    const r = await b.call('events:swimlanes', { query: 'severity:critical', buckets: 120, actors: 5 });
    const db = b.context.db;
    const top = db
      .prepare(`SELECT actor, count(*) AS n FROM events WHERE severity = 'critical' AND actor IS NOT NULL GROUP BY actor ORDER BY n DESC, actor LIMIT 5`)
      .all() as { actor: string; n: number }[];
    expect(r.lanes.map((l) => [l.actor, l.total])).toEqual(top.map((t) => [t.actor, t.n]));
    for (const lane of r.lanes) {
      const truth = db
        .prepare(`SELECT (ts - ((ts % ?) + ?) % ?) AS t, count(*) AS count FROM events WHERE severity = 'critical' AND actor = ? GROUP BY t ORDER BY t`)
        .all(r.bucketMs, r.bucketMs, r.bucketMs, lane.actor);
      expect(lane.buckets).toEqual(truth);
      expect(lane.buckets.reduce((a, x) => a + x.count, 0)).toBe(lane.total);
    }
    const critical = events.filter((e) => e.severity === 'critical').length;
    expect(r.others + r.lanes.reduce((a, l) => a + l.total, 0)).toBe(critical);
    expect(r.from).toBe(Math.floor(Math.min(...events.filter((e) => e.severity === 'critical').map((e) => e.ts)) / r.bucketMs) * r.bucketMs);
  });

  it('an empty result has no lanes, and bad input is refused with what is wrong', async () => {
    const b = backendWith(events);
    expect(await b.call('events:swimlanes', { query: 'actor:nobody@example.com', buckets: 120, actors: 8 })).toEqual({
      bucketMs: 60_000, from: null, to: null, lanes: [], others: 0,
    });
    await expect(b.call('events:swimlanes', { query: '', buckets: 120, actors: 0 })).rejects.toThrow(/actors/);
  });
});

describe('events:swimlanes, whole case (index-only path)', () => {
  it('equals the filtered path run on a filter every event matches', async () => {
    const events = makeEvents(3000);
    const b = backendWith(events);
    const whole = await b.call('events:swimlanes', { query: '', buckets: 120, actors: 6 });
    const everything = await b.call('events:swimlanes', { query: 'time>=1900-01-01T00:00:00Z', buckets: 120, actors: 6 });
    expect(whole.lanes.length).toBe(6);
    expect(whole).toEqual(everything);
    expect(whole.others).toBe(events.length - whole.lanes.reduce((a, l) => a + l.total, 0));
  });
});
