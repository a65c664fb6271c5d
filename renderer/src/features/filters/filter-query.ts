import { resolveField, tokenize, type Token } from '../../../../shared/query/index.js';
import { addClause, quoteValue } from '../query/query-text.js';

/**
 * The filter bar's two-way sync with the query text. Its controls read the top-level, non-negated clauses of the
 * query (`time>=…`, `time<…`, `targetType:…`, `action:…`, `actor:…`, `target:…`) and write them back by replacing exactly
 * those clauses, so anything else the analyst typed stays as it was. Clauses inside parentheses, after a NOT, or
 * in a top-level OR are not filters of the whole view: the controls leave them alone.
 */

export type FilterKey = 'from' | 'to' | 'targetType' | 'action' | 'actor' | 'target';

export type QuickFilters = Record<FilterKey, string | null>;

export const EMPTY_FILTERS: QuickFilters = { from: null, to: null, targetType: null, action: null, actor: null, target: null };

interface Clause {
  key: FilterKey;
  value: string;
  /** 0-based start and end of the clause in the text. */
  start: number;
  end: number;
}

function keyOf(t: Token): FilterKey | null {
  if (t.type !== 'term' || t.field === undefined || t.prefix) return null;
  const field = resolveField(t.field);
  if (field === 'time') {
    if (t.op === '>=' || t.op === '>') return 'from';
    if (t.op === '<' || t.op === '<=') return 'to';
    return null;
  }
  if (t.op !== ':' && t.op !== '=') return null;
  return field === 'targetType' || field === 'action' || field === 'actor' || field === 'target' ? field : null;
}

interface Scan {
  tokens: Token[];
  clauses: Clause[];
  /** The query has a top-level OR: no clause narrows the whole view. */
  topLevelOr: boolean;
}

function scan(query: string): Scan | null {
  let tokens: Token[];
  try {
    tokens = tokenize(query);
  } catch {
    return null;
  }
  const clauses: Clause[] = [];
  let depth = 0;
  let topLevelOr = false;
  tokens.forEach((t, i) => {
    if (t.type === 'lparen') depth++;
    else if (t.type === 'rparen') depth = Math.max(0, depth - 1);
    else if (t.type === 'or' && depth === 0) topLevelOr = true;
    const prev = tokens[i - 1];
    const negated = prev?.type === 'neg' || prev?.type === 'not';
    const key = depth === 0 && !negated ? keyOf(t) : null;
    if (key && t.type === 'term') {
      clauses.push({ key, value: t.value, start: t.column - 1, end: t.column - 1 + t.length });
    }
  });
  return { tokens, clauses: topLevelOr ? [] : clauses, topLevelOr };
}

/** What the controls show for a query; `null` when the text does not tokenize (the query bar shows the error). */
export function readFilters(query: string): QuickFilters | null {
  const s = scan(query);
  if (!s) return null;
  const out: QuickFilters = { ...EMPTY_FILTERS };
  for (const c of s.clauses) if (out[c.key] === null) out[c.key] = c.value;
  return out;
}

/** `2026-03-01 09:00` (as people type it) -> `2026-03-01T09:00`, which the query language reads as one UTC value. */
export function normalizeTimeInput(text: string): string {
  return text.trim().replace(/^(\d{4}-\d{2}-\d{2})[ ]+(\d{1,2}):(\d{2})/, (_m, d: string, h: string, m: string) => `${d}T${h.padStart(2, '0')}:${m}`);
}

function clauseFor(key: FilterKey, value: string): string {
  switch (key) {
    case 'from':
      return `time>=${normalizeTimeInput(value)}`;
    case 'to':
      return `time<${normalizeTimeInput(value)}`;
    default:
      return `${key}:${quoteValue(value)}`;
  }
}

/**
 * Sets one control's clause: removes the clauses it owns (with an `AND` that joined them) and appends the new one.
 * An empty value only removes. Text that does not tokenize is left alone except for the appended clause.
 */
export function withFilter(query: string, key: FilterKey, value: string | null): string {
  const s = scan(query);
  const remove: [number, number][] = [];
  if (s) {
    for (const c of s.clauses) {
      if (c.key !== key) continue;
      remove.push([c.start, c.end]);
      // An `AND` written before (or, for the first clause, after) the clause would be left dangling.
      const idx = s.tokens.findIndex((t) => t.column - 1 === c.start);
      const before = s.tokens[idx - 1];
      const after = s.tokens[idx + 1];
      if (before?.type === 'and') remove.push([before.column - 1, before.column - 1 + before.length]);
      else if (after?.type === 'and') remove.push([after.column - 1, after.column - 1 + after.length]);
    }
  }
  let text = query;
  for (const [start, end] of remove.sort((a, b) => b[0] - a[0])) text = text.slice(0, start) + text.slice(end);
  text = text.replace(/\s+/g, ' ').trim();
  const v = value?.trim();
  return v ? addClause(text, clauseFor(key, v)) : text;
}

/** The query without one control's clauses: what that control's picker lists values for. */
export function withoutFilter(query: string, key: FilterKey): string {
  return withFilter(query, key, null);
}

const ALL_KEYS: FilterKey[] = ['from', 'to', 'targetType', 'action', 'actor', 'target'];

/** The query without any clause the filter bar owns ("Clear filters"). */
export function clearFilters(query: string): string {
  return ALL_KEYS.reduce((q, k) => withFilter(q, k, null), query);
}
