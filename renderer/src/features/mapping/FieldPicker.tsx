import type { PreviewField } from '../../../../shared/contract/mapping.js';
import type { MappedField } from '../../../../shared/model/mapping.js';
import type { FieldChoice, MappingDraft } from './draft.js';

/** The normalized fields an analyst can map, in the order an incident report reads them. */
const TARGETS: { field: MappedField; label: string; hint?: string }[] = [
  { field: 'time', label: 'Time', hint: 'required' },
  { field: 'actor', label: 'Actor' },
  { field: 'action', label: 'Action' },
  { field: 'target', label: 'Target' },
  { field: 'targetType', label: 'Target type' },
  { field: 'outcome', label: 'Outcome' },
  { field: 'severity', label: 'Severity' },
  { field: 'sourceIp', label: 'Source IP' },
  { field: 'userAgent', label: 'User agent' },
  { field: 'sessionId', label: 'Session' },
  { field: 'vendorId', label: 'Vendor event id' },
  { field: 'summary', label: 'Summary' },
  { field: 'actorType', label: 'Actor type' },
  { field: 'category', label: 'Category' },
  { field: 'location', label: 'Location' },
];

interface Props {
  fields: PreviewField[];
  draft: MappingDraft;
  onChange: (d: MappingDraft) => void;
}

function optionText(f: PreviewField): string {
  return f.examples.length ? `${f.name} — ${f.examples[0].slice(0, 40)}` : `${f.name} (empty)`;
}

/** One select per normalized field, listing the file's fields with an example value; outcome words below. */
export function FieldPicker({ fields, draft, onChange }: Props) {
  const set = (field: MappedField, value: string) => {
    const next: FieldChoice = { ...draft.fields, [field]: value || undefined };
    onChange({ ...draft, fields: next });
  };
  const byName = new Map(fields.map((f) => [f.name, f]));
  const outcomeField = draft.fields.outcome ? byName.get(draft.fields.outcome) : undefined;
  return (
    <div className="field-picker" data-testid="field-picker">
      {TARGETS.map(({ field, label, hint }) => {
        const chosen = draft.fields[field];
        const known = chosen ? byName.get(chosen) : undefined;
        return (
          <label key={field} className={`fp-row ${field === 'time' && !chosen ? 'is-missing' : ''}`}>
            <span className="fp-label">
              {label}
              {hint && <span className="muted"> ({hint})</span>}
            </span>
            <select aria-label={`${label} field`} value={chosen ?? ''} onChange={(e) => set(field, e.currentTarget.value)}>
              <option value="">— not mapped —</option>
              {chosen && !known && <option value={chosen}>{chosen} (not in this file)</option>}
              {fields.map((f) => (
                <option key={f.name} value={f.name}>
                  {optionText(f)}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      <fieldset className="fp-outcome" disabled={!draft.fields.outcome}>
        <legend>Outcome values</legend>
        <label className="fp-row">
          <span className="fp-label">Success</span>
          <input
            aria-label="Values meaning success"
            placeholder="e.g. OK, 200, allowed"
            value={draft.success}
            onChange={(e) => onChange({ ...draft, success: e.currentTarget.value })}
          />
        </label>
        <label className="fp-row">
          <span className="fp-label">Failure</span>
          <input
            aria-label="Values meaning failure"
            placeholder="e.g. DENIED, 403, error"
            value={draft.failure}
            onChange={(e) => onChange({ ...draft, failure: e.currentTarget.value })}
          />
        </label>
        <p className="hint">
          {outcomeField?.examples.length
            ? `Values seen: ${outcomeField.examples.join(', ')}. `
            : ''}
          Comma-separated, case-insensitive. With lists, any other value is <em>unknown</em>; without, the usual words
          (success, failed, true/false, HTTP codes) apply.
        </p>
      </fieldset>
    </div>
  );
}
