import { useEffect, useState, type MouseEvent } from 'react';
import type { Facets } from '../../../../shared/contract/annotations.js';
import { formatCompact, formatInt } from '../../lib/format.js';
import { refreshTags } from '../annotations/tag-store.js';
import { addClause } from '../query/query-text.js';
import { useInvoke } from '../views/use-invoke.js';
import { FACET_LABELS, facetClause } from './facet-clause.js';
import { setFacetsOpen, useFacetsOpen } from './facets-visibility.js';
import './facets.css';

interface Props {
  query: string;
  version: number;
  onQuery: (q: string) => void;
}

/**
 * Top values with counts per field for the current result. Click a value to keep only it, Alt-click (or its "−"
 * button) to exclude it: both write the clause into the query text, which stays the one source of truth.
 */
export function FacetsPanel({ query, version, onQuery }: Props) {
  const open = useFacetsOpen();
  useEffect(() => void refreshTags(), [version]);
  if (!open) return null;
  return (
    <aside className="facets" role="region" aria-label="Facets" data-testid="facets">
      <div className="facets-head">
        <h2>Facets</h2>
        <span className="spacer" />
        <button type="button" className="icon" aria-label="Hide facets" onClick={() => setFacetsOpen(false)}>
          ‹
        </button>
      </div>
      <FacetLists query={query} version={version} onQuery={onQuery} />
    </aside>
  );
}

/** Asked only while the panel is open. */
function FacetLists({ query, version, onQuery }: Props) {
  const [exact, setExact] = useState(false);
  useEffect(() => setExact(false), [query]);
  const facets = useInvoke('events:facets', { query, limit: 8, exact }, version);
  const apply = (clause: string) => onQuery(addClause(query, clause));
  const data: Facets | null = facets.data;
  return (
    <div aria-busy={facets.loading}>
      {data?.approximate && (
        <p className="facets-note muted" data-testid="facets-approximate">
          ≈ estimated from {formatInt(data.sampled)} sampled events.{' '}
          <button type="button" className="link" onClick={() => setExact(true)}>Count exactly</button>
        </p>
      )}
      {facets.error && <p className="muted">Facets unavailable: {facets.error}</p>}
      <p className="facets-hint muted">Click to filter, Alt-click to exclude.</p>
      {data?.fields.map((f) => {
        const label = FACET_LABELS[f.field];
        const max = Math.max(1, ...f.values.map((v) => v.count));
        return (
          <section key={f.field} className="facet" aria-label={label}>
            <h3>{label}</h3>
            {f.values.length === 0 && <p className="muted">none</p>}
            <ul>
              {f.values.map((v) => {
                const shown = v.value ?? '(none)';
                const onClick = (e: MouseEvent) => apply(facetClause(f.field, v.value, e.altKey));
                return (
                  <li key={shown}>
                    <button
                      type="button"
                      className="facet-value"
                      onClick={onClick}
                      aria-label={`${label} ${shown}: ${data.approximate ? 'about ' : ''}${formatInt(v.count)} events`}
                      title={`${shown} — click to filter, Alt-click to exclude`}
                    >
                      <span className="facet-bar" style={{ width: `${(100 * v.count) / max}%` }} />
                      <span className={`facet-text${v.value === null ? ' muted' : ''}`}>{shown}</span>
                      <span className="facet-count">{data.approximate ? '≈' : ''}{formatCompact(v.count)}</span>
                    </button>
                    <button
                      type="button"
                      className="facet-exclude"
                      aria-label={`Exclude ${label} ${shown}`}
                      onClick={() => apply(facetClause(f.field, v.value, true))}
                    >
                      −
                    </button>
                  </li>
                );
              })}
            </ul>
            {f.more && <p className="facet-more muted">more values…</p>}
          </section>
        );
      })}
    </div>
  );
}
