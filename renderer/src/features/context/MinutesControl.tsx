import { useEffect, useState } from 'react';

const PRESETS = [1, 5, 15, 60];

/** +-N minutes: presets and a number field (applied on Enter or when the field loses focus). */
export function MinutesControl({ value, onChange }: { value: number; onChange: (minutes: number) => void }) {
  const [draft, setDraft] = useState(String(value));
  useEffect(() => setDraft(String(value)), [value]);
  const apply = () => {
    const n = Number(draft);
    if (Number.isFinite(n) && n >= 0 && n <= 1440) onChange(n);
    else setDraft(String(value));
  };
  return (
    <span className="minutes-control" role="group" aria-label="Window around the event">
      <label>
        ± minutes
        <input
          type="number"
          min={0}
          max={1440}
          value={draft}
          aria-label="Minutes before and after"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
        />
      </label>
      {PRESETS.map((m) => (
        <button key={m} type="button" aria-pressed={m === value} onClick={() => onChange(m)} aria-label={`${m} minutes`}>
          ±{m}m
        </button>
      ))}
    </span>
  );
}
