import type { Order } from '../../../../shared/contract/channels.js';
import type { AuditEvent, EventRow } from '../../../../shared/model/event.js';
import type { QueryNode } from '../../../../shared/query/ast.js';
import { dataVersion } from '../data-version.js';
import { anchorsInMemory } from '../memory/anchors-in-memory.js';
import type { Db } from '../open.js';
import type { SqlFragment } from '../sql.js';
import { annotationsFor, hasAnyAnnotation } from './annotations.js';
import { EVENT_DETAIL_COLUMNS, EVENT_ROW_COLUMNS, toAuditEvent, type DetailRow } from './event-columns.js';

/**
 * Reading events: page-aligned windows by keyset, counts and single events. Windows never use a deep OFFSET:
 * every ANCHOR_STRIDE-th key of a result is computed once (from the column cache when it is current, else in SQL,
 * one pass) and cached per query and data version; a window at offset N seeks to the anchor below N and steps at
 * most ANCHOR_STRIDE rows.
 */

export const ANCHOR_STRIDE = 1000;
/** Offsets below this are served by a plain LIMIT/OFFSET: cheaper than building anchors for the first screens. */
const DIRECT_OFFSET_LIMIT = 5 * ANCHOR_STRIDE;

type Key = [ts: number, rowid: number];

interface AnchorSet {
  anchors: Key[];
  total: number;
}

const anchorCache = new WeakMap<Db, Map<string, AnchorSet>>();

function orderBy(order: Order): string {
  return order === 'desc' ? 'ts DESC, rowid DESC' : 'ts ASC, rowid ASC';
}

/** A result as the table reads it: its SQL, and its parsed query when it has one (the column cache evaluates that). */
type Where = SqlFragment & { node?: QueryNode | null };

function anchorsFor(db: Db, where: Where, order: Order): AnchorSet {
  let perDb = anchorCache.get(db);
  if (!perDb) anchorCache.set(db, (perDb = new Map()));
  const key = `${order}|${dataVersion(db)}|${where.sql}|${JSON.stringify(where.params)}`;
  const hit = perDb.get(key);
  if (hit) return hit;
  const set = anchorsInMemory(db, where, order, ANCHOR_STRIDE) ?? anchorsInSql(db, where, order);
  if (perDb.size > 32) perDb.clear();
  perDb.set(key, set);
  return set;
}

/** Numbers every row of the result in SQL: seconds for millions of rows, the path while the column cache warms. */
export function anchorsInSql(db: Db, where: SqlFragment, order: Order): AnchorSet {
  const rows = db
    .prepare(
      `SELECT ts, rowid, n FROM (
         SELECT ts, rowid, row_number() OVER (ORDER BY ${orderBy(order)}) - 1 AS n, count(*) OVER () AS total
         FROM events WHERE ${where.sql}
       ) WHERE n % ${ANCHOR_STRIDE} = 0 OR n = total - 1`,
    )
    .raw()
    .all(...where.params) as [number, number, number][];
  const anchors: Key[] = [];
  let total = 0;
  for (const [ts, rowid, n] of rows) {
    if (n % ANCHOR_STRIDE === 0) anchors.push([ts, rowid]);
    total = n + 1;
  }
  return { anchors, total };
}

export function eventWindow(db: Db, where: Where, order: Order, offset: number, limit: number): EventRow[] {
  const by = orderBy(order);
  if (offset < DIRECT_OFFSET_LIMIT) {
    return db
      .prepare(`SELECT ${EVENT_ROW_COLUMNS} FROM events WHERE ${where.sql} ORDER BY ${by} LIMIT ? OFFSET ?`)
      .all(...where.params, limit, offset) as EventRow[];
  }
  const { anchors, total } = anchorsFor(db, where, order);
  if (offset >= total) return [];
  const index = Math.floor(offset / ANCHOR_STRIDE);
  const [ts, rowid] = anchors[index];
  const cmp = order === 'desc' ? '<=' : '>=';
  return db
    .prepare(
      `SELECT ${EVENT_ROW_COLUMNS} FROM events WHERE (${where.sql}) AND (ts, rowid) ${cmp} (?, ?)
       ORDER BY ${by} LIMIT ? OFFSET ?`,
    )
    .all(...where.params, ts, rowid, limit, offset - index * ANCHOR_STRIDE) as EventRow[];
}

/** Exact number of events in the case (the ts index is the smallest one to scan). */
export function totalEvents(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
}

/**
 * Count for a query. The estimate stops counting at `cap` matches and says it is a lower bound (`exact: false`);
 * the exact count runs when asked, in the background of the UI.
 */
export function countEvents(db: Db, where: SqlFragment, exact: boolean, cap = 10_000): { count: number; exact: boolean } {
  if (where.sql.trim() === '1') return { count: totalEvents(db), exact: true };
  if (exact) {
    const row = db.prepare(`SELECT count(*) AS n FROM events WHERE ${where.sql}`).get(...where.params) as { n: number };
    return { count: row.n, exact: true };
  }
  const row = db
    .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE ${where.sql} LIMIT ?)`)
    .get(...where.params, cap + 1) as { n: number };
  return row.n > cap ? { count: cap, exact: false } : { count: row.n, exact: true };
}

export function getEvent(db: Db, id: string): AuditEvent | null {
  const row = db.prepare(`SELECT ${EVENT_DETAIL_COLUMNS} FROM events WHERE id = ?`).get(id) as DetailRow | undefined;
  return row ? toAuditEvent(row) : null;
}

/** Streams full events for exports, in keyset batches so memory stays flat for millions of rows. */
export function* iterateEvents(db: Db, where: SqlFragment, order: Order, limit = Infinity): Generator<AuditEvent> {
  const by = orderBy(order);
  const cmp = order === 'desc' ? '<' : '>';
  const first = db.prepare(`SELECT ${EVENT_DETAIL_COLUMNS}, ts, rowid AS rid FROM events WHERE ${where.sql} ORDER BY ${by} LIMIT ?`);
  const next = db.prepare(
    `SELECT ${EVENT_DETAIL_COLUMNS}, ts, rowid AS rid FROM events WHERE (${where.sql}) AND (ts, rowid) ${cmp} (?, ?) ORDER BY ${by} LIMIT ?`,
  );
  const annotated = hasAnyAnnotation(db);
  let emitted = 0;
  let last: Key | null = null;
  const batch = 2000;
  for (;;) {
    const size = Math.min(batch, limit - emitted);
    if (size <= 0) return;
    const rows = (last ? next.all(...where.params, last[0], last[1], size) : first.all(...where.params, size)) as (DetailRow & {
      ts: number;
      rid: number;
    })[];
    // Exports carry the analyst's annotations: one batched lookup per batch, none when the case has none.
    const notes = annotated ? annotationsFor(db, rows.map((r) => r.id)) : null;
    for (const { ts: _ts, rid: _rid, ...row } of rows) {
      const event = toAuditEvent(row);
      const note = notes?.get(event.id);
      yield note ? { ...event, annotations: note } : event;
      emitted++;
    }
    if (rows.length < size) return;
    const tail = rows[rows.length - 1];
    last = [tail.ts, tail.rid];
  }
}
