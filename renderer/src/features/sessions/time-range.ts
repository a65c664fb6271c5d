import type { QueryNode, TimeNode } from '../../../../shared/query/ast.js';
import { parseQuery } from '../../../../shared/query/parse.js';
import { quoteValue } from '../query/query-text.js';

/**
 * The time range a query applies to every event it matches: its top-level time terms (the query bar's presets, the
 * timeline's zoom, typed `time>=…` bounds), intersected. A time term under an OR or a NOT does not bound the whole
 * result, so it does not count (parentheses around an AND do not matter). Pure, so it is unit-tested.
 */

/** Epoch milliseconds, half-open `[from, to)`; null = unbounded on that side. */
export interface QueryRange {
  from: number | null;
  to: number | null;
}

function topLevelTimes(query: string, now: Date): TimeNode[] | null {
  let ast: QueryNode | null;
  try {
    ast = parseQuery(query, { now });
  } catch {
    return null; // a query that does not parse has no range (the query bar shows the error)
  }
  if (!ast) return [];
  const terms = ast.kind === 'and' ? ast.children : [ast];
  return terms.filter((n): n is TimeNode => n.kind === 'time');
}

/** The range the query's top-level time terms select, or null when they select no bound at all. */
export function queryTimeRange(query: string, now: Date): QueryRange | null {
  const times = topLevelTimes(query, now);
  if (!times || times.length === 0) return null;
  let from: number | null = null;
  let to: number | null = null;
  for (const t of times) {
    if (t.from !== null) from = from === null ? t.from : Math.max(from, t.from);
    if (t.to !== null) to = to === null ? t.to : Math.min(to, t.to);
  }
  return from === null && to === null ? null : { from, to };
}

/** The query's top-level time terms as query text (as the analyst wrote them, relative ones stay relative). */
export function timeTerms(query: string): string {
  const times = topLevelTimes(query, new Date()) ?? [];
  return times.map((t) => `time${t.op}${/^[^\s"()]+$/.test(t.text) ? t.text : quoteValue(t.text)}`).join(' ');
}

/**
 * The `from` / `to` of the `actor:sessions` call for a range: ISO times, both inclusive (the backend reads
 * `ts >= from AND ts <= to`), so the half-open end becomes its last millisecond.
 */
export function sessionsBounds(range: QueryRange): { from?: string; to?: string } {
  return {
    ...(range.from !== null ? { from: new Date(range.from).toISOString() } : {}),
    ...(range.to !== null ? { to: new Date(range.to - 1).toISOString() } : {}),
  };
}
