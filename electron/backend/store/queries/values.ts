import type { FieldValues, ValueField } from '../../../../shared/contract/values.js';
import type { EventRow } from '../../../../shared/model/event.js';
import { FIELDS } from '../../../../shared/query/fields.js';
import type { Db } from '../open.js';
import type { SqlFragment } from '../sql.js';

/**
 * Distinct values of one column among the events a query selects, most frequent first. The column name comes from
 * the fixed field table (never from input). One row more than asked tells whether the list was cut.
 */
export function fieldValues(db: Db, where: SqlFragment, field: ValueField, limit: number): FieldValues {
  const column = FIELDS[field].column;
  const rows = db
    .prepare(
      `SELECT ${column} AS value, count(*) AS count FROM events
       WHERE (${where.sql}) AND ${column} IS NOT NULL AND ${column} <> ''
       GROUP BY ${column} ORDER BY count DESC, value ASC LIMIT ?`,
    )
    .all(...where.params, limit + 1) as { value: string; count: number }[];
  return { field, values: rows.slice(0, limit), truncated: rows.length > limit };
}

/** How many events' attributes are read to list attribute names: bounded, so a 10M-event case answers at once. */
export const ATTRIBUTE_SAMPLE = 20_000;

/**
 * Top-level attribute names (no dotted payload keys) in the first and the last events imported (rowid order is
 * import order): the two ends catch a source imported before or after a larger one. A bounded read whatever the
 * case's size; a source buried between two bigger imports may be missed.
 */
export function attributeKeys(db: Db): string[] {
  const half = ATTRIBUTE_SAMPLE / 2;
  const rows = db
    .prepare(
      `SELECT DISTINCT j.key AS key FROM (
         SELECT attributes FROM (SELECT attributes FROM events ORDER BY rowid DESC LIMIT ?)
         UNION ALL
         SELECT attributes FROM (SELECT attributes FROM events ORDER BY rowid ASC LIMIT ?)
       ) AS e, json_each(e.attributes) AS j
       WHERE e.attributes IS NOT NULL AND instr(j.key, '.') = 0 ORDER BY j.key LIMIT 100`,
    )
    .all(half, half) as { key: string }[];
  return rows.map((r) => r.key);
}

/**
 * Adds each row's top-level attributes (the ones attribute columns show; dotted payload keys stay in the details
 * pane) with one indexed lookup for the whole window.
 */
export function withColumnAttributes(db: Db, rows: EventRow[]): EventRow[] {
  if (rows.length === 0) return rows;
  const found = db
    .prepare(`SELECT id, attributes FROM events WHERE attributes IS NOT NULL AND id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(rows.map((r) => r.id))) as { id: string; attributes: string }[];
  if (found.length === 0) return rows;
  const byId = new Map<string, Record<string, string>>();
  for (const f of found) {
    const all = JSON.parse(f.attributes) as Record<string, string>;
    const top = Object.fromEntries(Object.entries(all).filter(([k]) => !k.includes('.')));
    if (Object.keys(top).length > 0) byId.set(f.id, top);
  }
  return rows.map((r) => (byId.has(r.id) ? { ...r, attributes: byId.get(r.id) } : r));
}
