import { FIELD_NAMES, FIELDS, resolveField } from '../../../../shared/query/fields.js';

/**
 * Query bar completion, pure text logic: what is being typed at the caret (a field name, or the value of
 * `field:`), and the text after accepting a suggestion. Values come from the backend (use-completions.ts).
 */

export type CompletionContext =
  | { kind: 'field'; partial: string; from: number; to: number }
  | { kind: 'value'; field: string; partial: string; from: number; to: number };

export interface Suggestion {
  /** What replaces [from, to). */
  insert: string;
  label: string;
  detail?: string;
}

/** Names accepted before `:` besides the event fields: annotations and has:/is:. */
export const EXTRA_FIELDS: [string, string][] = [
  ['tag', 'events you tagged (tag:name, tag:prefix*)'],
  ['comment', 'text in your comments'],
  ['is', 'is:starred'],
  ['has', 'the field is present (has:field)'],
];

/** The term around the caret, or null inside quotes, after a space, or on operators. */
export function completionContext(text: string, caret: number): CompletionContext | null {
  if (insideQuotes(text, caret)) return null;
  let start = caret;
  while (start > 0 && !/[\s()]/.test(text[start - 1])) start--;
  let end = caret;
  while (end < text.length && !/[\s()]/.test(text[end])) end++;
  if (text[start] === '-') start++;
  const term = text.slice(start, caret);
  if (term === '' || term.includes('"') || /^(AND|OR|NOT)$/.test(term)) return null;
  const colon = term.indexOf(':');
  if (colon < 0) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(term)) return null;
    return { kind: 'field', partial: term, from: start, to: end };
  }
  const field = term.slice(0, colon);
  const partial = term.slice(colon + 1);
  if (partial.startsWith('/')) return null;
  return { kind: 'value', field, partial, from: start + colon + 1, to: end };
}

/** An odd number of unescaped quotes before the caret: it is inside a phrase, where nothing is completed. */
function insideQuotes(text: string, caret: number): boolean {
  let inside = false;
  for (let i = 0; i < caret; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') inside = !inside;
  }
  return inside;
}

export function fieldSuggestions(partial: string): Suggestion[] {
  const p = partial.toLowerCase();
  const fields: Suggestion[] = FIELD_NAMES.filter((n) => n.toLowerCase().startsWith(p)).map((n) => ({
    insert: n === 'time' ? 'time>=' : `${n}:`,
    label: n,
    detail: FIELDS[n].description,
  }));
  const extra = EXTRA_FIELDS.filter(([n]) => n.startsWith(p)).map(([n, detail]) => ({ insert: n === 'is' ? 'is:starred' : `${n}:`, label: n, detail }));
  return [...fields, ...extra];
}

/** Values known without asking the backend: closed lists, has:, is:. Null when the backend must be asked. */
export function staticValues(field: string, partial: string): Suggestion[] | null {
  const f = field.toLowerCase();
  const p = partial.toLowerCase();
  const starting = (values: readonly string[]) => values.filter((v) => v.toLowerCase().startsWith(p) && v.toLowerCase() !== p);
  if (f === 'is') return starting(['starred']).map((v) => ({ insert: v, label: v }));
  if (f === 'has') return starting([...FIELD_NAMES, 'tag', 'comment']).map((v) => ({ insert: v, label: v }));
  const name = resolveField(field);
  if (name && FIELDS[name].values) return starting(FIELDS[name].values!).map((v) => ({ insert: v, label: v }));
  return null;
}

/** Replaces the completed range and returns the new text and caret (a space follows a finished value). */
export function applySuggestion(text: string, ctx: CompletionContext, s: Suggestion): { text: string; caret: number } {
  const after = text.slice(ctx.to);
  const finished = ctx.kind === 'value' || !s.insert.endsWith(':') && !s.insert.endsWith('=');
  const glue = finished && !after.startsWith(' ') ? ' ' : '';
  const next = text.slice(0, ctx.from) + s.insert + glue + after;
  return { text: next, caret: ctx.from + s.insert.length + glue.length };
}
