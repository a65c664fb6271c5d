import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorsInMemory } from '../../electron/backend/store/memory/anchors-in-memory.js';
import { readyColumns, warmColumns } from '../../electron/backend/store/memory/column-cache.js';
import { openCase, type Db } from '../../electron/backend/store/open.js';
import { whereClause } from '../../electron/backend/store/query-sql.js';
import { sql } from '../../electron/backend/store/sql.js';
import { countEvents, eventWindow, iterateEvents } from '../../electron/backend/store/queries/events.js';
import { countByOutcome, histogram } from '../../electron/backend/store/queries/histogram.js';
import { createEventWriter } from '../../electron/backend/store/queries/insert-events.js';
import { makeEvent } from '../helpers/events.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
const ALL = sql`1`;
const N = 12_345;

function buildCase(): Db {
  const db = openCase(path.join(tempDir(), 'w.auditlens'));
  // Many events share a timestamp (every 3 events per second) so ordering must break ties by rowid.
  const events = Array.from({ length: N }, (_, i) =>
    makeEvent({ ts: 1_700_000_000_000 + Math.floor(i / 3) * 1000, outcome: i % 10 === 0 ? 'failure' : 'success', actor: `user${i % 7}` }),
  );
  createEventWriter(db).write(events);
  return db;
}

describe('event windows (keyset with anchors)', () => {
  it('returns exactly the rows of a full ordered scan at any offset, both orders', () => {
    const db = buildCase();
    for (const order of ['desc', 'asc'] as const) {
      const all = (db.prepare(`SELECT id FROM events ORDER BY ts ${order}, rowid ${order}`).all() as { id: string }[]).map((r) => r.id);
      for (const offset of [0, 200, 4_800, 5_000, 5_600, 9_999, 12_000, N - 45, N - 1]) {
        const ids = eventWindow(db, ALL, order, offset, 200).map((r) => r.id);
        expect(ids, `${order} @${offset}`).toEqual(all.slice(offset, offset + 200));
      }
      expect(eventWindow(db, ALL, order, N, 200)).toEqual([]);
    }
    db.close();
  });

  it('takes the anchors from the column cache when it is current, with the same rows at any offset', async () => {
    const db = openCase(path.join(tempDir(), 'm.auditlens'));
    // Times out of rowid order (the cache sorts them), three events to a second (ties go by rowid).
    const events = Array.from({ length: N }, (_, i) =>
      makeEvent({ ts: 1_700_000_000_000 + Math.floor(((i * 7919) % N) / 3) * 1000, outcome: i % 10 === 0 ? 'failure' : 'success', actor: `user${i % 7}` }),
    );
    createEventWriter(db).write(events);
    await warmColumns(db);
    expect(readyColumns(db)).not.toBeNull();
    for (const query of ['', 'outcome:success', '-actor:user3', 'actor:user3 OR outcome:failure']) {
      const where = whereClause(query);
      for (const order of ['desc', 'asc'] as const) {
        const all = (db.prepare(`SELECT id FROM events WHERE ${where.sql} ORDER BY ts ${order}, rowid ${order}`).all(...where.params) as { id: string }[]).map((r) => r.id);
        expect(anchorsInMemory(db, where, order, 1000)?.total, query).toBe(all.length);
        for (const offset of [5_000, 5_999, 7_777, all.length - 200, all.length - 1]) {
          const ids = eventWindow(db, where, order, offset, 200).map((r) => r.id);
          expect(ids, `${query} ${order} @${offset}`).toEqual(all.slice(offset, offset + 200));
        }
      }
    }
    db.close();
  });

  it('windows a filtered result the same way', () => {
    const db = buildCase();
    const where = sql`actor = ${'user3'}`;
    const all = (db.prepare(`SELECT id FROM events WHERE actor = 'user3' ORDER BY ts DESC, rowid DESC`).all() as { id: string }[]).map((r) => r.id);
    expect(all.length).toBeGreaterThan(1700);
    expect(eventWindow(db, where, 'desc', 1_000, 300).map((r) => r.id)).toEqual(all.slice(1_000, 1_300));
    db.close();
  });

  it('counts: the estimate is a lower bound marked inexact past the cap; exact when asked', () => {
    const db = buildCase();
    const failures = sql`outcome = ${'failure'}`;
    expect(countEvents(db, failures, false, 100)).toEqual({ count: 100, exact: false });
    expect(countEvents(db, failures, true)).toEqual({ count: Math.ceil(N / 10), exact: true });
    expect(countEvents(db, ALL, false)).toEqual({ count: N, exact: true });
    db.close();
  });

  it('histogram and outcome counts from the rollup agree with a scan', () => {
    const db = buildCase();
    const h = histogram(db, ALL, 100);
    expect(h.buckets.reduce((s, b) => s + b.count, 0)).toBe(N);
    const scanned = histogram(db, sql`outcome IN ('success', 'failure')`, 100);
    expect(scanned.bucketMs).toBe(h.bucketMs);
    expect(scanned.buckets).toEqual(h.buckets);
    expect(countByOutcome(db, ALL)).toEqual({ failure: Math.ceil(N / 10), success: N - Math.ceil(N / 10) });
    db.close();
  });

  it('iterates every matching event for exports in order, without a cap', () => {
    const db = buildCase();
    let n = 0;
    let last = -Infinity;
    for (const e of iterateEvents(db, ALL, 'asc')) {
      const t = Date.parse(e.time);
      expect(t).toBeGreaterThanOrEqual(last);
      last = t;
      n++;
    }
    expect(n).toBe(N);
    db.close();
  });
});
