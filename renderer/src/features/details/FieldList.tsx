import type { ReactNode } from 'react';
import { quoteValue } from '../query/query-text.js';
import { FieldPivots } from '../views/FieldPivots.js';

export interface FieldItem {
  label: string;
  value: string | null | undefined;
  /** Query field to pivot on ("filter in / out"). */
  field?: string;
  mono?: boolean;
  extra?: ReactNode;
}

interface Props {
  items: FieldItem[];
  onFilter?: (clause: string) => void;
  /** Smaller type (provenance: long paths and hashes). */
  compact?: boolean;
}

/** Label/value pairs; values with a query field get "only this" / "exclude this" buttons. */
export function FieldList({ items, onFilter, compact }: Props) {
  return (
    <dl className={compact ? 'fields compact' : 'fields'}>
      {items.map((it) => {
        const has = it.value !== null && it.value !== undefined && it.value !== '';
        const clause = it.field && has ? `${it.field}:${quoteValue(it.value!)}` : null;
        return (
          <div className="field" key={it.label} data-field={it.label}>
            <dt>{it.label}</dt>
            <dd className={it.mono ? 'mono' : undefined}>
              <span className="value">{has ? it.value : <span className="muted">—</span>}</span>
              {it.extra}
              {clause && onFilter && (
                <span className="pivot">
                  <button type="button" className="icon small" title={`Filter: ${clause}`} aria-label={`Filter on ${it.label}`} onClick={() => onFilter(clause)}>
                    +
                  </button>
                  <button type="button" className="icon small" title={`Exclude: -${clause}`} aria-label={`Exclude ${it.label}`} onClick={() => onFilter(`-${clause}`)}>
                    −
                  </button>
                  <FieldPivots clause={clause} label={it.label} actor={it.field === 'actor' ? it.value! : null} />
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
