import type { QueryNode, TextNode } from '../../../../shared/query/ast.js';
import { FIELDS } from '../../../../shared/query/fields.js';
import type { Db } from '../open.js';
import { compileQuery, ftsMatch } from '../query-sql.js';
import type { SqlFragment } from '../sql.js';
import { CACHED_COLUMNS, type CachedColumn, type EventColumns } from './column-cache.js';
import { maskArena, type MaskArena } from './scratch.js';

/**
 * Which events a query selects, as a byte per rowid (1 = in the result), evaluated over the in-memory columns:
 * - a term on one cached column (`actorType:user`, `target:prod*`, `has:location`, `ip:10.0.0.0/8`,
 *   `action:/^LOGIN_/`) is judged by SQLite on one row per distinct value of that column, with the term's own
 *   compiled SQL, so case folding, prefixes, CIDR ranges and regexes mean exactly what they mean in a query; then
 *   every row takes its value's answer;
 * - full text asks the FTS5 index for its rowids alone;
 * - time ranges compare the cached times;
 * - anything else (annotations, id, summary) runs its own SQL for rowids;
 * - AND, OR and NOT combine the bytes; NOT is "not true", like the SQL compiler's `IS NOT TRUE`.
 *
 * The bytes live in buffers the cache keeps (scratch.ts): a result is valid until the next evaluation on the cache.
 */
export type RowSet = Uint8Array;

export function resultRows(db: Db, cache: EventColumns, node: QueryNode | null): RowSet {
  const masks = maskArena(cache);
  return node ? evaluate(db, cache, node, masks) : existing(cache, masks);
}

function evaluate(db: Db, cache: EventColumns, node: QueryNode, masks: MaskArena): RowSet {
  switch (node.kind) {
    case 'and':
    case 'or': {
      if (node.children.length === 0) return node.kind === 'and' ? existing(cache, masks) : masks.take(true);
      const [first, ...rest] = node.children.map((child) => evaluate(db, cache, child, masks));
      for (const other of rest) {
        if (node.kind === 'and') for (let r = 0; r < first.length; r++) first[r] &= other[r];
        else for (let r = 0; r < first.length; r++) first[r] |= other[r];
      }
      return first;
    }
    case 'not': {
      const out = evaluate(db, cache, node.child, masks);
      const ts = cache.ts;
      for (let r = 0; r < out.length; r++) out[r] = out[r] === 0 && ts[r] === ts[r] ? 1 : 0;
      return out;
    }
    case 'time': {
      const out = masks.take(false);
      const from = node.from ?? -Infinity;
      const to = node.to ?? Infinity;
      const ts = cache.ts;
      for (let r = 0; r < out.length; r++) out[r] = ts[r] >= from && ts[r] < to ? 1 : 0;
      return out;
    }
    case 'text':
      return fullText(db, cache, node, masks);
    default: {
      const column = columnOf(node);
      const leaf = compileQuery(node);
      return column ? byValue(db, cache, column, leaf, masks) : bySql(db, cache, leaf, masks);
    }
  }
}

/** The one cached column a leaf reads, if it reads only one. */
function columnOf(node: QueryNode): CachedColumn | null {
  let column: string | null = null;
  if (node.kind === 'field' || node.kind === 'has') column = FIELDS[node.field].column;
  else if (node.kind === 'regex' && node.field !== 'comment') column = FIELDS[node.field].column;
  else if (node.kind === 'ip') column = 'ip_key';
  return column !== null && (CACHED_COLUMNS as readonly string[]).includes(column) ? (column as CachedColumn) : null;
}

function existing(cache: EventColumns, masks: MaskArena): RowSet {
  const out = masks.take(false);
  const ts = cache.ts;
  for (let r = 0; r < out.length; r++) out[r] = ts[r] === ts[r] ? 1 : 0; // NaN marks a rowid without an event
  return out;
}

/** SQLite judges the term on one representative row per distinct value; each row then takes its value's answer. */
function byValue(db: Db, cache: EventColumns, column: CachedColumn, leaf: SqlFragment, masks: MaskArena): RowSet {
  const d = cache.columns[column];
  const codeOf = new Map<number, number>();
  d.reps.forEach((rowid, code) => {
    if (rowid >= 0) codeOf.set(rowid, code);
  });
  // CROSS JOIN keeps the representatives as the outer loop: with `rowid IN (...)`, SQLite would rather walk the
  // term's own index (830k entries for severity:info) and test each entry's rowid. The term names only its own
  // column, which json_each's columns (key, value, type, atom, id, parent, fullkey, path) never shadow.
  const matched = db
    .prepare(`SELECT events.rowid FROM json_each(?) AS reps CROSS JOIN events ON events.rowid = reps.value WHERE (${leaf.sql})`)
    .pluck()
    .all(JSON.stringify([...codeOf.keys()]), ...leaf.params) as number[];
  const yes = new Uint8Array(d.values.length);
  for (const rowid of matched) yes[codeOf.get(rowid)!] = 1;
  if (matched.length === 0) return masks.take(true);
  const out = masks.take(false);
  const { codes } = d;
  const ts = cache.ts;
  for (let r = 0; r < out.length; r++) out[r] = ts[r] === ts[r] ? yes[codes[r]] : 0;
  return out;
}

function fullText(db: Db, cache: EventColumns, node: TextNode, masks: MaskArena): RowSet {
  // all(), not iterate(): each step of an iterator crosses into the native module, 400k times for a common word.
  const rowids = db.prepare('SELECT rowid FROM events_fts WHERE events_fts MATCH ?').pluck().all(ftsMatch([node], ' '));
  return mark(cache, rowids as number[], masks);
}

function bySql(db: Db, cache: EventColumns, leaf: SqlFragment, masks: MaskArena): RowSet {
  const rowids = db.prepare(`SELECT rowid FROM events WHERE ${leaf.sql}`).pluck().all(...leaf.params);
  return mark(cache, rowids as number[], masks);
}

/** Rows the cache holds among some rowids (an index may name rows appended after the cache last caught up). */
function mark(cache: EventColumns, rowids: Iterable<number>, masks: MaskArena): RowSet {
  const out = masks.take(true);
  const ts = cache.ts;
  for (const r of rowids) if (r < out.length && ts[r] === ts[r]) out[r] = 1;
  return out;
}
