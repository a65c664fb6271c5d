import { PACK_TYPES, type PackType } from '../../../../shared/contract/packs.js';
import { TYPE_LABELS, type PackForm } from './pack-form.js';

interface Props {
  form: PackForm;
  sources: string[];
  onChange: (f: PackForm) => void;
}

/** Type, period (UTC), sources, the custom query or tagged events, and an optional seeded sample. */
export function PackFormFields({ form, sources, onChange }: Props) {
  const set = (patch: Partial<PackForm>) => onChange({ ...form, ...patch });
  const toggleSource = (s: string, on: boolean) => set({ sources: on ? [...form.sources, s] : form.sources.filter((x) => x !== s) });
  return (
    <div className="pack-fields">
      <label htmlFor="pack-type">Pack type</label>
      <select id="pack-type" value={form.type} onChange={(e) => set({ type: e.target.value as PackType })}>
        {PACK_TYPES.map((t) => (
          <option key={t} value={t}>
            {TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      <label htmlFor="pack-from">From (UTC)</label>
      <input id="pack-from" type="datetime-local" value={form.from} onChange={(e) => set({ from: e.target.value })} />
      <label htmlFor="pack-to">To (UTC, exclusive)</label>
      <input id="pack-to" type="datetime-local" value={form.to} onChange={(e) => set({ to: e.target.value })} />
      {form.type === 'custom' && (
        <>
          <label htmlFor="pack-query">Query</label>
          <input id="pack-query" className="mono" spellCheck={false} value={form.query} placeholder="e.g. outcome:failure actor:alice*"
            onChange={(e) => set({ query: e.target.value })} />
          <span />
          <label className="inline">
            <input type="checkbox" checked={form.tagged} onChange={(e) => set({ tagged: e.target.checked })} /> Include the tagged events
          </label>
        </>
      )}
      <span className="field-label" id="pack-sources-label">Sources</span>
      <div role="group" aria-labelledby="pack-sources-label" className="pack-sources">
        {sources.length === 0 && <span className="muted">No sources yet</span>}
        {sources.map((s) => (
          <label key={s} className="inline">
            <input type="checkbox" checked={form.sources.includes(s)} onChange={(e) => toggleSource(s, e.target.checked)} /> {s}
          </label>
        ))}
        {sources.length > 0 && <span className="hint">{form.sources.length ? '' : 'none ticked: all sources'}</span>}
      </div>
      <span className="field-label" id="pack-sample-label">Sample</span>
      <div role="group" aria-labelledby="pack-sample-label" className="pack-sample">
        <label className="inline">
          <input type="checkbox" checked={form.sample} onChange={(e) => set({ sample: e.target.checked })} /> Draw
        </label>
        <input aria-label="Events per population" type="number" min={1} value={form.sampleN} disabled={!form.sample}
          onChange={(e) => set({ sampleN: e.target.value })} />
        <label className="inline">
          per population, seed
          <input aria-label="Seed" type="number" min={0} value={form.seed} disabled={!form.sample} onChange={(e) => set({ seed: e.target.value })} />
        </label>
      </div>
    </div>
  );
}
