import type { QueryNode } from '../../../shared/query/ast.js';
import { FIELDS } from '../../../shared/query/fields.js';
import type { SqlFragment } from './sql.js';

/**
 * What a query asks for, when it is one of the shapes an index can count without reading rows. The two shapes are
 * the analyst's commonest big results: the range picker (a time range alone, or the whole case) and a click on a
 * facet of a closed list (`severity:info`, `outcome:success`, `category:authentication`, with or without a range).
 * Timelines of such results count index entries per bucket instead of reading hundreds of thousands of rows
 * (queries/index-buckets.ts).
 */
export interface QueryShape {
  /** Half-open [from, to) in epoch ms; null = unbounded. */
  from: number | null;
  to: number | null;
  /**
   * One value of an enum column with an (column, ts) index, or with `negated` every other value (a facet's
   * alt-click: `-severity:critical`); absent = every event of the range.
   */
  equals?: EnumMatch;
}

export interface EnumMatch {
  column: EnumColumn;
  value: string;
  negated?: boolean;
}

/** A WHERE fragment that may carry its query's shape (compileQuery sets it; hand-written fragments have none). */
export type ShapedWhere = SqlFragment & { shape?: QueryShape | null; node?: QueryNode | null };

/** Enum columns with an index that starts (column, ts): their counts per bucket come from the index alone. */
export const INDEXED_ENUMS = ['outcome', 'severity', 'category'] as const;
export type EnumColumn = (typeof INDEXED_ENUMS)[number];

/** The shape of a parsed query, or null when it has any other term (then the result is read row by row). */
export function queryShape(node: QueryNode | null): QueryShape | null {
  const terms = node === null ? [] : node.kind === 'and' ? node.children : [node];
  const shape: QueryShape = { from: null, to: null };
  for (const term of terms) {
    if (term.kind === 'time') {
      if (term.from !== null) shape.from = shape.from === null ? term.from : Math.max(shape.from, term.from);
      if (term.to !== null) shape.to = shape.to === null ? term.to : Math.min(shape.to, term.to);
    } else {
      const match = enumMatch(term);
      if (!match || shape.equals) return null;
      shape.equals = match;
    }
  }
  return shape;
}

/** `field:value` or `-field:value` on an indexed enum column. */
function enumMatch(term: QueryNode): EnumMatch | null {
  const negated = term.kind === 'not';
  const field = negated ? term.child : term;
  if (field.kind !== 'field' || field.match !== 'exact') return null;
  const def = FIELDS[field.field];
  if (def.kind !== 'enum' || !isIndexedEnum(def.column)) return null;
  return negated ? { column: def.column, value: field.value, negated } : { column: def.column, value: field.value };
}

function isIndexedEnum(column: string): column is EnumColumn {
  return (INDEXED_ENUMS as readonly string[]).includes(column);
}
