import type { FieldValues } from '../../../../shared/contract/values.js';
import { formatInt } from '../../lib/format.js';

/** How many resource types get a one-click button; the rest are in the Entity type picker. */
const MAX_CHIPS = 10;

interface Props {
  values: FieldValues | null;
  current: string | null;
  onPick: (value: string | null) => void;
}

/**
 * One-click filters per resource type present (seed 002: Services, Runbooks, RBAC, users, API tokens...), the most
 * frequent first. They write the same `targetType:` clause as the Entity type picker.
 */
export function ResourceFilters({ values, current, onPick }: Props) {
  const list = (values?.values ?? []).slice(0, MAX_CHIPS);
  if (list.length < 2) return null;
  return (
    <div className="resource-filters" role="group" aria-label="Resource filters" data-testid="resource-filters">
      {list.map((v) => {
        const on = current !== null && current.toLowerCase() === v.value.toLowerCase();
        return (
          <button
            key={v.value}
            type="button"
            className="chip"
            aria-pressed={on}
            title={on ? `Show every resource type` : `Only ${v.value} (targetType:${v.value})`}
            onClick={() => onPick(on ? null : v.value)}
          >
            {v.value} <span className="muted">{formatInt(v.count)}</span>
          </button>
        );
      })}
    </div>
  );
}
