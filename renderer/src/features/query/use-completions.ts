import { useEffect, useState } from 'react';
import { FACET_FIELDS, type FacetField } from '../../../../shared/contract/annotations.js';
import { resolveField } from '../../../../shared/query/fields.js';
import { api } from '../../api/index.js';
import { formatCompact } from '../../lib/format.js';
import { useTags } from '../annotations/tag-store.js';
import { fieldSuggestions, staticValues, type CompletionContext, type Suggestion } from './completion.js';
import { quoteValue } from './query-text.js';

const DEBOUNCE_MS = 120;
const MAX = 12;

/**
 * Suggestions for the term at the caret: field names; closed lists (outcome, severity, has:, is:); tag names;
 * and for the facet fields the most frequent values in the case starting with what was typed (events:facets on
 * `field:typed*`, an index range for actor/action, sampled and cached for the whole case).
 */
export function useCompletions(ctx: CompletionContext | null): Suggestion[] {
  const tags = useTags();
  const [remote, setRemote] = useState<{ key: string; items: Suggestion[] } | null>(null);
  const facetField = ctx?.kind === 'value' ? asFacetField(ctx.field) : null;
  const key = ctx?.kind === 'value' && facetField ? `${facetField}\u0000${ctx.partial}` : null;

  useEffect(() => {
    if (!key || !facetField || ctx?.kind !== 'value') return;
    let live = true;
    const partial = ctx.partial;
    const timer = setTimeout(() => {
      const query = partial ? `${facetField}:${quoteValue(partial)}*` : '';
      api.invoke('events:facets', { query, fields: [facetField], limit: MAX }).then(
        (f) => {
          if (!live) return;
          const items = (f.fields[0]?.values ?? [])
            .filter((v): v is { value: string; count: number } => v.value !== null && v.value.toLowerCase() !== partial.toLowerCase())
            .map((v) => ({ insert: quoteValue(v.value), label: v.value, detail: `${f.approximate ? '≈' : ''}${formatCompact(v.count)}` }));
          setRemote({ key, items });
        },
        () => live && setRemote({ key, items: [] }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // key encodes the field and the typed text: the effect re-runs exactly when either changes.
  }, [key]);

  if (!ctx) return [];
  if (ctx.kind === 'field') return ctx.partial ? fieldSuggestions(ctx.partial).slice(0, MAX) : [];
  const fixed = staticValues(ctx.field, ctx.partial);
  if (fixed) return fixed.slice(0, MAX);
  const f = ctx.field.toLowerCase();
  if (f === 'tag' || f === 'tags') {
    const p = ctx.partial.toLowerCase();
    return tags
      .filter((t) => t.name.toLowerCase().startsWith(p) && t.name.toLowerCase() !== p)
      .slice(0, MAX)
      .map((t) => ({ insert: t.name, label: t.name, detail: t.description || `${t.events} events` }));
  }
  return remote && remote.key === key ? remote.items : [];
}

function asFacetField(name: string): FacetField | null {
  const field = resolveField(name);
  return field && (FACET_FIELDS as readonly string[]).includes(field) ? (field as FacetField) : null;
}
