import type { FieldValues } from '../../../../shared/contract/values.js';
import { formatInt } from '../../lib/format.js';

interface Props {
  label: string;
  testId: string;
  value: string | null;
  values: FieldValues | null;
  onChange: (value: string | null) => void;
}

/**
 * A select of the values present (with their counts). A value the query names that is not among them (typed by
 * hand, or absent under the other filters) is still listed, so the control always shows what the query says.
 */
export function ValuePicker({ label, testId, value, values, onChange }: Props) {
  const list = values?.values ?? [];
  const known = value !== null && list.some((v) => v.value.toLowerCase() === value.toLowerCase());
  const selected = value === null ? '' : known ? list.find((v) => v.value.toLowerCase() === value.toLowerCase())!.value : value;
  return (
    <label className="filter-field">
      <span>{label}</span>
      <select aria-label={label} data-testid={testId} value={selected} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">Any</option>
        {value !== null && !known && <option value={value}>{value} (0)</option>}
        {list.map((v) => (
          <option key={v.value} value={v.value}>
            {v.value} ({formatInt(v.count)})
          </option>
        ))}
        {values?.truncated && (
          <option value="" disabled>
            … more: type them in the query
          </option>
        )}
      </select>
    </label>
  );
}
