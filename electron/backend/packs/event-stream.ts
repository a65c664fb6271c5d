import type { AuditEvent } from '../../../shared/model/event.js';
import type { Db } from '../store/open.js';
import { EVENT_DETAIL_COLUMNS, toAuditEvent, type DetailRow } from '../store/queries/event-columns.js';
import { joinFragments, sql, type SqlFragment } from '../store/sql.js';

/**
 * The pack's events in its fixed order (time, then rowid: insertion order breaks ties), read by ONE statement that
 * SQLite steps through row by row: memory stays flat for millions of rows, the scan is planned once (a keyset
 * re-query per batch would re-seek from the period start whenever the period's own time range drives the index),
 * and the whole pack reads one consistent snapshot. Each row says which populations select it: one boolean column
 * per population, computed in the same pass. The connection runs nothing else until the iteration ends.
 */

export interface PackEventRow {
  event: AuditEvent;
  rowid: number;
  importId: number | null;
  /** members[i]: population i selects this event. */
  members: boolean[];
}

const BATCH = 2000;

export function* streamPackEvents(db: Db, union: SqlFragment, populations: readonly SqlFragment[]): Generator<PackEventRow[]> {
  // One text column of '0'/'1' flags (not one column each): the row objects keep a fixed shape, which keeps V8's
  // property access fast in the serializers downstream.
  const flags = joinFragments(populations.map((p) => sql`(CASE WHEN (${p}) IS TRUE THEN '1' ELSE '0' END)`), ' || ');
  const stmt = db
    .prepare(
      `SELECT ${EVENT_DETAIL_COLUMNS}, rowid AS __rowid, import_id AS __import, ${flags.sql} AS __members FROM events
       WHERE ${union.sql} ORDER BY ts, rowid`,
    )
    .raw();
  // Rows as arrays, the detail object built here: better-sqlite3's row objects plus a rest destructuring cost 8 us
  // more per event than this loop (npm run bench: 0.8 s of CPU per 100k events).
  const names = stmt.columns().map((c) => c.name);
  const details = names.length - 3;
  let batch: PackEventRow[] = [];
  for (const values of stmt.iterate(...flags.params, ...union.params) as Iterable<unknown[]>) {
    const detail: Record<string, unknown> = {};
    for (let i = 0; i < details; i++) detail[names[i]] = values[i];
    const members = Array.from(values[details + 2] as string, (c) => c === '1');
    const importId = (values[details + 1] as number | null) ?? null;
    batch.push({ event: toAuditEvent(detail as unknown as DetailRow), rowid: values[details] as number, importId, members });
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
