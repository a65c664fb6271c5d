import type { FieldNode, QueryNode, TextNode } from '../../../shared/query/ast.js';
import { FIELDS } from '../../../shared/query/fields.js';
import { parseQuery } from '../../../shared/query/parse.js';
import { annotationMatch, regexMatch } from './query-sql-annotations.js';
import { queryShape, type QueryShape } from './query-shape.js';
import { joinFragments, sql, type SqlFragment } from './sql.js';

/**
 * A compiled query: its WHERE expression, its shape when an index can count it without reading rows, and the parsed
 * tree, which the in-memory columns evaluate (memory/result-rows.ts).
 */
export interface CompiledQuery extends SqlFragment {
  shape: QueryShape | null;
  node: QueryNode | null;
}

/**
 * Compiles a parsed query into a boolean SQL expression over the `events` columns, without a table alias:
 *
 *   SELECT ... FROM events WHERE <expr> ORDER BY ts DESC, rowid DESC
 *
 * Every user value is a bound parameter; column names come from the fixed field table. Each leaf is written so
 * SQLite can use an index: equality and ranges on the indexed column (never a function of it), CIDR blocks as a
 * range over the hex `ip_key`, and prefixes as a range instead of LIKE. Annotation terms (tag:, is:starred,
 * comment:) and bounded regexes compile in query-sql-annotations.ts.
 */
export function compileQuery(node: QueryNode | null): CompiledQuery {
  return { ...(node ? compile(node) : sql`1`), shape: queryShape(node), node };
}

/** Parses and compiles in one step; an empty query selects everything (`1`). Throws QuerySyntaxError. */
export function whereClause(text: string, now?: Date): CompiledQuery {
  return compileQuery(parseQuery(text, now ? { now } : {}));
}

/** Columns declared `COLLATE NOCASE` in the schema; the others need it spelled out for case-insensitive matching. */
const NOCASE_COLUMNS = new Set([
  'actor', 'action', 'target', 'target_type', 'source', 'format', 'session_id', 'user_agent', 'location',
]);

function compile(node: QueryNode): SqlFragment {
  switch (node.kind) {
    case 'and':
    case 'or':
      return junction(node.kind, node.children);
    case 'not':
      // NOT of a NULL comparison is NULL, which WHERE drops: `-actor:alice` would then also hide events with no
      // actor. `IS NOT TRUE` makes a query and its negation split the events exactly in two.
      return sql`(${compile(node.child)}) IS NOT TRUE`;
    case 'field':
      return fieldMatch(node);
    case 'ip':
      return node.lo === node.hi ? sql`ip_key = ${node.lo}` : sql`ip_key BETWEEN ${node.lo} AND ${node.hi}`;
    case 'time':
      return timeMatch(node.from, node.to);
    case 'text':
      return fullText([node], ' ');
    case 'has': {
      const column = raw(FIELDS[node.field].column);
      return sql`(${column} IS NOT NULL AND ${column} <> '')`;
    }
    case 'regex':
      return regexMatch(node);
    case 'annotation':
      return annotationMatch(node, prefixUpperBound);
  }
}

/**
 * AND / OR. Full-text terms of one junction go to FTS5 as a single MATCH (`"a" "b"` or `"a" OR "b"`): one index
 * lookup instead of one sub-select per word.
 */
function junction(kind: 'and' | 'or', children: QueryNode[]): SqlFragment {
  const texts = children.filter((c): c is TextNode => c.kind === 'text');
  const parts: SqlFragment[] = [];
  if (texts.length > 0) parts.push(fullText(texts, kind === 'and' ? ' ' : ' OR '));
  for (const child of children) if (child.kind !== 'text') parts.push(compile(child));
  if (parts.length === 1) return parts[0];
  const joined = joinFragments(parts.map((p) => sql`(${p})`), kind === 'and' ? ' AND ' : ' OR ');
  return sql`(${joined})`;
}

/** User text always reaches FTS5 as quoted strings, so `OR`, `NEAR`, `col:` or `^` in it are never FTS syntax. */
function fullText(terms: TextNode[], separator: string): SqlFragment {
  return sql`rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ${ftsMatch(terms, separator)})`;
}

/** The FTS5 MATCH string of some full-text terms joined by `' '` (all) or `' OR '` (any). */
export function ftsMatch(terms: TextNode[], separator: string): string {
  return terms.map((t) => `"${t.value.replaceAll('"', '""')}"${t.prefix ? '*' : ''}`).join(separator);
}

function timeMatch(from: number | null, to: number | null): SqlFragment {
  if (from !== null && to !== null) return sql`(ts >= ${from} AND ts < ${to})`;
  if (from !== null) return sql`ts >= ${from}`;
  if (to !== null) return sql`ts < ${to}`;
  return sql`1`;
}

function fieldMatch(node: FieldNode): SqlFragment {
  const def = FIELDS[node.field];
  const column = raw(def.column);
  if (def.kind === 'enum') {
    if (node.match === 'exact') return sql`${column} = ${node.value}`;
    // A prefix of a closed list is the list's matching values: an IN over the column keeps its index usable.
    const values = (def.values ?? []).filter((v) => v.startsWith(node.value.toLowerCase()));
    if (values.length === 0) return sql`0`;
    return sql`${column} IN (${joinFragments(values.map((v) => sql`${v}`), ', ')})`;
  }
  const nocase = def.kind !== 'exact-text';
  // Comparisons take the column's collation; spell NOCASE out only where the schema did not declare it.
  const collate = raw(nocase && !NOCASE_COLUMNS.has(def.column) ? ' COLLATE NOCASE' : '');
  if (node.match === 'exact') return sql`${column} = ${node.value}${collate}`;
  const lower = nocase ? asciiLower(node.value) : node.value;
  const upper = prefixUpperBound(lower, nocase);
  if (upper === null) return sql`${column} >= ${lower}${collate}`;
  return sql`(${column} >= ${lower}${collate} AND ${column} < ${upper}${collate})`;
}

/**
 * The smallest string greater than every string starting with `prefix`, in the column's collation, or null when
 * there is none. SQLite's NOCASE folds only ASCII A-Z to a-z and then compares bytes; UTF-8 byte order equals code
 * point order. So: bump the last code point, and under NOCASE skip A-Z, which folded strings never contain (a
 * bound of `A` would compare as `a` and let `[`..`` ` `` through).
 */
export function prefixUpperBound(prefix: string, nocase: boolean): string | null {
  const points = Array.from(prefix);
  while (points.length > 0) {
    let next = points.pop()!.codePointAt(0)! + 1;
    if (next === 0xd800) next = 0xe000; // surrogates are not characters
    if (nocase && next >= 0x41 && next <= 0x5a) next = 0x5b;
    if (next <= 0x10ffff) return points.join('') + String.fromCodePoint(next);
  }
  return null;
}

export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function raw(text: string): SqlFragment {
  return { sql: text, params: [] };
}
