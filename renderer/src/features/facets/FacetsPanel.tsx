import { useEffect, useState, type MouseEvent } from 'react';
import type { FacetField, Facets } from '../../../../shared/contract/annotations.js';
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
  const [expanded, setExpanded] = useState<FacetField | null>(null);
  useEffect(() => {
    setExact(false);
    setExpanded(null);
  }, [query]);
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
        return (
          <section key={f.field} className="facet" aria-label={label}>
            <h3>{label}</h3>
            {expanded === f.field ? (
              <MoreValues field={f.field} query={query} version={version} exact={exact} onApply={apply} />
            ) : (
              <FacetValues field={f.field} values={f.values} approximate={data.approximate} onApply={apply} />
            )}
            {f.more && expanded !== f.field && (
              <button type="button" className="link facet-more" onClick={() => setExpanded(f.field)} aria-label={`More ${label} values`}>
                more values…
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
}

interface ValuesProps {
  field: FacetField;
  values: Facets['fields'][number]['values'];
  approximate: boolean;
  onApply: (clause: string) => void;
}

/** One field's values: a button that includes (Alt-click: excludes) and a "−" button that excludes. */
function FacetValues({ field, values, approximate, onApply }: ValuesProps) {
  const label = FACET_LABELS[field];
  const max = Math.max(1, ...values.map((v) => v.count));
  if (values.length === 0) return <p className="muted">none</p>;
  return (
    <ul>
      {values.map((v) => {
        const shown = v.value ?? '(none)';
        return (
          <li key={shown}>
            <button
              type="button"
              className="facet-value"
              onClick={(e: MouseEvent) => onApply(facetClause(field, v.value, e.altKey))}
              aria-label={`${label} ${shown}: ${approximate ? 'about ' : ''}${formatInt(v.count)} events`}
              title={`${shown} — click to filter, Alt-click to exclude`}
            >
              <span className="facet-bar" style={{ width: `${(100 * v.count) / max}%` }} />
              <span className={`facet-text${v.value === null ? ' muted' : ''}`}>{shown}</span>
              <span className="facet-count">{approximate ? '≈' : ''}{formatCompact(v.count)}</span>
            </button>
            <button type="button" className="facet-exclude" aria-label={`Exclude ${label} ${shown}`} onClick={() => onApply(facetClause(field, v.value, true))}>
              −
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The top 50 values of one field, asked when the analyst wants more than the panel's first few. */
function MoreValues({ field, query, version, exact, onApply }: { field: FacetField; query: string; version: number; exact: boolean; onApply: (c: string) => void }) {
  const more = useInvoke('events:facets', { query, fields: [field], limit: 50, exact }, version);
  const f = more.data?.fields[0];
  if (!f) return <p className="muted">{more.error ?? 'Loading…'}</p>;
  return <FacetValues field={field} values={f.values} approximate={more.data!.approximate} onApply={onApply} />;
}
