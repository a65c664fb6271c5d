import type { ContextResult } from '../../../../shared/contract/workbench.js';
import type { EventRow } from '../../../../shared/model/event.js';
import type { Db } from '../open.js';
import { EVENT_ROW_COLUMNS } from './event-columns.js';

/**
 * "Show surrounding": every event within +-minutes of one event, across all sources, whatever the current query.
 * Two keyset walks out from the chosen event on the `(ts, rowid)` order of `events_by_ts` (nearest first, so a busy
 * window returns the closest rows when it is capped), plus two index-only counts for the whole window.
 */
export function contextWindow(db: Db, id: string, minutes: number, limitPerSide: number): ContextResult | null {
  const anchor = db.prepare('SELECT ts, rowid AS rid FROM events WHERE id = ?').get(id) as { ts: number; rid: number } | undefined;
  if (!anchor) return null;
  const half = Math.round(minutes * 60_000);
  const from = anchor.ts - half;
  const to = anchor.ts + half;
  const before = db
    .prepare(
      `SELECT ${EVENT_ROW_COLUMNS} FROM events WHERE ts >= ? AND (ts, rowid) < (?, ?) ORDER BY ts DESC, rowid DESC LIMIT ?`,
    )
    .all(from, anchor.ts, anchor.rid, limitPerSide) as EventRow[];
  const self = db.prepare(`SELECT ${EVENT_ROW_COLUMNS} FROM events WHERE rowid = ?`).get(anchor.rid) as EventRow;
  const after = db
    .prepare(`SELECT ${EVENT_ROW_COLUMNS} FROM events WHERE ts <= ? AND (ts, rowid) > (?, ?) ORDER BY ts, rowid LIMIT ?`)
    .all(to, anchor.ts, anchor.rid, limitPerSide) as EventRow[];
  const count = (sqlText: string, ...params: number[]) => (db.prepare(sqlText).get(...params) as { n: number }).n;
  // Small results are counted from the rows; only a capped side needs the index count.
  const beforeTotal = before.length < limitPerSide ? before.length
    : count('SELECT count(*) AS n FROM events WHERE ts >= ? AND (ts, rowid) < (?, ?)', from, anchor.ts, anchor.rid);
  const afterTotal = after.length < limitPerSide ? after.length
    : count('SELECT count(*) AS n FROM events WHERE ts <= ? AND (ts, rowid) > (?, ?)', to, anchor.ts, anchor.rid);
  const rows = [...before.reverse(), self, ...after];
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    rows,
    anchorIndex: before.length,
    before: beforeTotal,
    after: afterTotal,
    sources: [...new Set(rows.map((r) => r.source))].sort(),
  };
}
