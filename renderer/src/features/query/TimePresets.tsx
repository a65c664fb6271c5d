import { currentTimePreset, withTimePreset } from './query-text.js';

/** The ranges the audit consoles offer (seed 002): they write a relative `time>` bound into the query text. */
export const TIME_PRESETS: readonly { label: string; clause: string }[] = [
  { label: 'Last hour', clause: 'time>-1h' },
  { label: 'Last 24 hours', clause: 'time>-24h' },
  { label: 'Last 7 days', clause: 'time>-7d' },
  { label: 'Last 30 days', clause: 'time>-30d' },
  { label: 'Last 3 months', clause: 'time>-90d' },
  { label: 'Last year', clause: 'time>-365d' },
];
const CLAUSES = TIME_PRESETS.map((p) => p.clause);

/** A preset menu kept in sync with the query: typing a custom range shows "Custom range". */
export function TimePresets({ query, onQuery }: { query: string; onQuery: (q: string) => void }) {
  const current = currentTimePreset(query, CLAUSES);
  return (
    <select
      className="time-presets"
      aria-label="Time range"
      data-testid="time-presets"
      value={current ?? ''}
      onChange={(e) => {
        // "Custom range…" hands over to the filter bar's From / To fields, which write absolute bounds.
        if (e.target.value === 'custom') document.getElementById('filter-from')?.focus();
        else onQuery(withTimePreset(query, e.target.value || null));
      }}
    >
      <option value="">Any time</option>
      {TIME_PRESETS.map((p) => (
        <option key={p.clause} value={p.clause}>
          {p.label}
        </option>
      ))}
      <option value="custom">Custom range…</option>
    </select>
  );
}
