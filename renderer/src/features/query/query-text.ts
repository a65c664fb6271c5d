import { tokenize, type Token } from '../../../../shared/query/lexer.js';
import { parseQuery } from '../../../../shared/query/parse.js';
import { QuerySyntaxError } from '../../../../shared/query/syntax-error.js';

/** Builds query text from the UI (timeline clicks, "filter on this value"): always valid, always quoted safely. */

const BARE = /^[A-Za-z0-9_.@/+\-]+$/;

export function quoteValue(value: string): string {
  if (value !== '' && BARE.test(value) && !value.startsWith('-')) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function wrapIfOr(query: string): string {
  const q = query.trim();
  if (!q) return '';
  try {
    if (tokenize(q).some((t) => t.type === 'or')) return `(${q})`;
  } catch {
    /* leave as is */
  }
  return q;
}

/** `query AND clause`, parenthesising a top-level OR so the new clause narrows the whole thing. */
export function addClause(query: string, clause: string): string {
  const base = wrapIfOr(query);
  return base ? `${base} ${clause}` : clause;
}

const TIME_BOUND = /(^|\s)time(>=|<)\S+(?=\s|$)/g;

/** Replaces earlier `time>=… time<…` bounds (from a previous bar click) with the bucket's range. */
export function withTimeRange(query: string, fromIso: string, toIso: string): string {
  const stripped = query.replace(TIME_BOUND, '$1').replace(/\s+/g, ' ').trim();
  return addClause(stripped, `time>=${fromIso} time<${toIso}`);
}

const ANY_TIME_BOUND = /(^|\s)time(>=|>|<=|<)\S+(?=\s|$)/g;

/** Replaces every top-level time bound with `clause` (a preset like `time>-24h`), or removes them for `null`. */
export function withTimePreset(query: string, clause: string | null): string {
  const stripped = query.replace(ANY_TIME_BOUND, '$1').replace(/\s+/g, ' ').trim();
  return clause ? addClause(stripped, clause) : stripped;
}

/** The preset clause a query carries, when its only time bound is one of them. */
export function currentTimePreset(query: string, clauses: readonly string[]): string | null {
  const bounds = query.match(ANY_TIME_BOUND)?.map((b) => b.trim()) ?? [];
  return bounds.length === 1 && clauses.includes(bounds[0]) ? bounds[0] : bounds.length === 0 ? null : 'custom';
}

export interface SyntaxProblem {
  message: string;
  /** 1-based column; may be text.length + 1 ("expected a term at the end"). */
  column: number;
  length: number;
}

/** The local parser's view of a problem, only used to know how many characters to underline. */
export function localProblemLength(text: string, column: number): number {
  try {
    parseQuery(text);
  } catch (err) {
    if (err instanceof QuerySyntaxError && err.details.column === column) return Math.max(1, err.details.length);
  }
  return 1;
}

export type CharClass = 'field' | 'op' | 'value' | 'string' | 'keyword' | 'neg' | 'paren' | 'word' | '';

/** One CSS class per character for the query bar's colouring layer. */
export function charClasses(text: string): CharClass[] {
  const classes: CharClass[] = new Array<CharClass>(text.length).fill('');
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch {
    return classes;
  }
  const paint = (from: number, to: number, c: CharClass) => {
    for (let i = Math.max(0, from); i < Math.min(text.length, to); i++) classes[i] = c;
  };
  for (const t of tokens) {
    const start = t.column - 1;
    const end = start + t.length;
    if (t.type === 'term') {
      if (t.field !== undefined) {
        const opStart = start + t.field.length;
        paint(start, opStart, 'field');
        paint(opStart, t.valueColumn - 1, 'op');
        paint(t.valueColumn - 1, end, t.quoted ? 'string' : 'value');
      } else {
        paint(start, end, t.quoted ? 'string' : 'word');
      }
    } else if (t.type === 'lparen' || t.type === 'rparen') {
      paint(start, end, 'paren');
    } else if (t.type === 'neg') {
      paint(start, end, 'neg');
    } else {
      paint(start, end, 'keyword');
    }
  }
  return classes;
}
