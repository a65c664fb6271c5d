import { FACET_FIELDS, type FacetField, type Facets } from '../../../../shared/contract/annotations.js';
import type { Db } from '../open.js';
import { readyColumns, type CachedColumn } from '../memory/column-cache.js';
import { facetsInMemory } from '../memory/facets-in-memory.js';
import { rowSetInMemory } from '../memory/timeline-in-memory.js';
import type { ShapedWhere } from '../query-shape.js';
import { dataVersion } from '../data-version.js';
import { totalEvents } from './events.js';

/**
 * Facets: the top values with counts of several fields over the events a query selects, in ONE pass over the
 * matching rows (not one GROUP BY per field). Reading a wide event row costs far more than counting it, so a
 * result larger than EXACT_ROWS is read as a deterministic 1-in-k sample (a hash of the rowid, which the query's
 * index yields before the row is fetched), counts are scaled by k and flagged `approximate`. `exact: true` reads
 * every row. A small cache (keyed by the data and annotation versions) serves repeated asks for the same result.
 * Both are the path until the case's columns are in memory (memory/column-cache.ts); then every row is counted.
 */

export const EXACT_ROWS = 4_000;
/**
 * A result is counted (through its index: a few ms per 100k rows) up to this many rows, so the stride gives a
 * sample of about EXACT_ROWS; a larger result is sampled by the case's size (so its sample is 1,200 to 4,000 rows at 1M).
 */
const COUNT_CAP = 300_000;

const COLUMNS: Record<FacetField, CachedColumn> = {
  actor: 'actor', action: 'action', category: 'category', target: 'target', targetType: 'target_type', outcome: 'outcome',
  severity: 'severity', ip: 'source_ip', source: 'source', format: 'format',
};
/** Columns compared case-insensitively (declared COLLATE NOCASE): their values are grouped the same way. */
const NOCASE = new Set<FacetField>(['actor', 'action', 'target', 'targetType', 'source', 'format']);

const cache = new WeakMap<Db, Map<string, Facets>>();

export function facets(db: Db, where: ShapedWhere, fields: readonly FacetField[] = FACET_FIELDS, limit = 10, exact = false): Facets {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  // Whether the column cache answers is part of the key: a sample taken while it warmed is not kept once it can count.
  const counted = readyColumns(db) !== null;
  const key = `${dataVersion(db)}|${counted}|${where.sql}|${JSON.stringify(where.params)}|${fields.join(',')}|${limit}|${exact}`;
  const hit = perDb.get(key);
  if (hit) return hit;
  const result = computeFacets(db, where, fields, limit, exact);
  if (perDb.size > 32) perDb.clear();
  perDb.set(key, result);
  return result;
}

/**
 * The uncached computation (the bench times this: a cache hit would measure nothing). Once the case's columns are in
 * memory, every row of any result is counted there (memory/facets-in-memory.ts), exactly and without a sample.
 */
export function computeFacets(db: Db, where: ShapedWhere, fields: readonly FacetField[], limit: number, exact: boolean): Facets {
  const memory = rowSetInMemory(db, where);
  if (memory) return facetsInMemory(memory, fields, COLUMNS, NOCASE, limit, exact);
  const unfiltered = where.sql.trim() === '1';
  let known: number | null = null;
  let stride = 1;
  if (!exact) {
    const n = unfiltered
      ? totalEvents(db)
      : (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE ${where.sql} LIMIT ?)`).get(...where.params, COUNT_CAP + 1) as { n: number }).n;
    if (unfiltered || n <= COUNT_CAP) known = n;
    if (n > EXACT_ROWS) stride = Math.ceil((n <= COUNT_CAP ? n : totalEvents(db)) / EXACT_ROWS);
  }
  const select = fields.map((f) => COLUMNS[f]).join(', ');
  let rows: Iterable<unknown[]>;
  if (stride === 1) {
    rows = db.prepare(`SELECT ${select} FROM events WHERE ${where.sql}`).raw().iterate(...where.params) as Iterable<unknown[]>;
  } else if (unfiltered) {
    // One rowid at a random offset in each block of `stride` rowids, by point lookups: a scan testing every rowid
    // would read every page of the table. The jitter keeps periodic data (every 3rd row a login...) from aliasing.
    rows = db
      .prepare(
        `WITH RECURSIVE pick(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM pick
           WHERE (i + 1) * ? <= (SELECT max(rowid) - min(rowid) FROM events))
         SELECT ${select} FROM pick JOIN events
           ON events.rowid = (SELECT min(rowid) FROM events) + i * ? + ${hash('i')} % ?`,
      )
      .raw()
      .iterate(stride, stride, stride) as Iterable<unknown[]>;
  } else {
    // A hash of the rowid, not `rowid % k`, for the same reason; the query's index yields rowids, so the test runs
    // before the wide row is read. It is written first: SQLite tests the terms its index does not serve in the order
    // written, so a regex or other per-row term runs on the 1-in-k sample only (npm run bench at 1M: a regex
    // result's facets 300 -> 123 ms of CPU, a full-text result's 190 -> 57 ms; same counts).
    rows = db
      .prepare(`SELECT ${select} FROM events WHERE ${hash('rowid')} % ? = 0 AND (${where.sql})`)
      .raw()
      .iterate(stride, ...where.params) as Iterable<unknown[]>;
  }
  const counts = fields.map(() => new Map<string | null, { value: string | null; n: number }>());
  let sampled = 0;
  for (const row of rows) {
    sampled++;
    for (let i = 0; i < fields.length; i++) {
      const v = row[i] === null || row[i] === '' ? null : String(row[i]);
      const k = v !== null && NOCASE.has(fields[i]) ? v.toLowerCase() : v;
      const slot = counts[i].get(k);
      if (!slot) counts[i].set(k, { value: v, n: 1 });
      else {
        slot.n++;
        // Spellings of one NOCASE value: the first in code-unit order names it, whatever order the rows came in.
        if (v !== null && slot.value !== null && v < slot.value) slot.value = v;
      }
    }
  }
  return {
    fields: fields.map((field, i) => {
      const all = [...counts[i].values()].sort((a, b) => b.n - a.n || String(a.value).localeCompare(String(b.value)));
      return { field, values: all.slice(0, limit).map((s) => ({ value: s.value, count: s.n * stride })), more: all.length > limit };
    }),
    total: known ?? sampled * stride,
    approximate: stride > 1,
    sampled,
  };
}

/** Knuth's multiplicative hash, high bits: a deterministic pseudo-random spread of consecutive integers. */
function hash(expr: string): string {
  return `(((${expr} * 2654435761) & 4294967295) >> 8)`;
}
