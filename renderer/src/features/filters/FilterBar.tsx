import { useEffect, useState, type FormEvent } from 'react';
import type { CaseInfo } from '../../../../shared/contract/channels.js';
import { clearFilters, EMPTY_FILTERS, readFilters, withFilter, withoutFilter, type FilterKey } from './filter-query.js';
import { ResourceFilters } from './ResourceFilters.js';
import { useDefaultRange } from './use-default-range.js';
import { useFieldValues } from './use-field-values.js';
import { ValuePicker } from './ValuePicker.js';
import { zoneTitle } from '../../lib/time.js';
import { zonedTimeInput, zonedTimeShown } from '../zone/zoned-input.js';
import { useZone } from '../zone/zone-context.js';
import './filters.css';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  version: number;
  info: CaseInfo | null;
}

type TextKey = 'from' | 'to' | 'actor' | 'target';
const TEXT_KEYS: TextKey[] = ['from', 'to', 'actor', 'target'];

/**
 * Seed 001's filter bar beside the query: From / To (UTC; To is exclusive), entity type, action, exact user (seed
 * 004) and exact slug/target, plus one-click
 * resource filters. Every control writes its clause into the query text and reads it back from there, so the
 * query stays the one source of truth (what is exported, saved, or shared is what the controls show).
 */
export function FilterBar({ query, onQuery, version, info }: Props) {
  const filters = readFilters(query) ?? EMPTY_FILTERS;
  const zone = useZone();
  const zoneName = zoneTitle(zone);
  const [drafts, setDrafts] = useState<Record<TextKey, string>>({ from: '', to: '', actor: '', target: '' });
  // From/To show a zone-less (UTC) clause on the display zone's clock, with its offset.
  const shown = (k: TextKey) => (k === 'from' || k === 'to' ? zonedTimeShown(filters[k] ?? '', zone) : filters[k] ?? '');
  useEffect(() => {
    setDrafts({ from: shown('from'), to: shown('to'), actor: filters.actor ?? '', target: filters.target ?? '' });
  }, [filters.from, filters.to, filters.actor, filters.target, zone]);
  const defaultRange = useDefaultRange(info, query, onQuery);
  const types = useFieldValues('targetType', withoutFilter(query, 'targetType'), version);
  const actions = useFieldValues('action', withoutFilter(query, 'action'), version);

  const set = (key: FilterKey, value: string | null) => onQuery(withFilter(query, key, value));
  const apply = (e?: FormEvent) => {
    e?.preventDefault();
    let q = query;
    // From/To are typed on the display zone's clock; the clause carries that zone's offset (none for UTC).
    for (const k of TEXT_KEYS) {
      if (shown(k) !== drafts[k].trim()) q = withFilter(q, k, k === 'from' || k === 'to' ? zonedTimeInput(drafts[k], zone) : drafts[k]);
    }
    if (q !== query) onQuery(q);
  };
  const any = Object.values(filters).some((v) => v !== null);
  const text = (key: TextKey, label: string, placeholder: string) => (
    <label className={`filter-field filter-${key}`}>
      <span>{label}</span>
      <input
        type="text"
        aria-label={label}
        data-testid={`filter-${key}`}
        id={key === 'from' ? 'filter-from' : undefined}
        placeholder={placeholder}
        title={key === 'to' ? `Up to this time, not including it (${zoneName})` : key === 'from' ? `From this time on (${zoneName})` : 'Exact match'}
        spellCheck={false}
        value={drafts[key]}
        onChange={(e) => setDrafts({ ...drafts, [key]: e.target.value })}
        onBlur={() => apply()}
      />
    </label>
  );

  return (
    <form className="filter-bar" role="search" aria-label="Filters" data-testid="filter-bar" onSubmit={apply}>
      {text('from', `From (${zoneName})`, 'YYYY-MM-DD HH:MM')}
      {text('to', `To (${zoneName})`, 'YYYY-MM-DD HH:MM')}
      <ValuePicker label="Entity type" testId="filter-entity-type" value={filters.targetType} values={types} onChange={(v) => set('targetType', v)} />
      <ValuePicker label="Action" testId="filter-action" value={filters.action} values={actions} onChange={(v) => set('action', v)} />
      {text('actor', 'User / actor', 'exact match')}
      {text('target', 'Slug / target', 'exact match')}
      <button type="submit" data-testid="filter-apply">
        Apply
      </button>
      {any && (
        <button
          type="button"
          className="link"
          data-testid="filter-clear"
          onClick={() => onQuery(clearFilters(query))}
        >
          Clear filters
        </button>
      )}
      {defaultRange && (
        <span className="muted filter-note" data-testid="default-range-note">
          Default view: the last {defaultRange.days} days up to the case's last event. Clear From to see every event.
        </span>
      )}
      <ResourceFilters values={types} current={filters.targetType} onPick={(v) => set('targetType', v)} />
    </form>
  );
}
