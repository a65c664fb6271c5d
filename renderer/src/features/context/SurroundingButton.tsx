import type { EventRow } from '../../../../shared/model/event.js';
import { usePivot } from '../views/pivot.js';

/** "Show surrounding" for the event in the details pane. */
export function SurroundingButton({ row }: { row: EventRow | undefined }) {
  const pivot = usePivot();
  if (!pivot || !row) return null;
  return (
    <button type="button" onClick={() => pivot.surrounding(row)} title="Every event within ± minutes, all sources" data-testid="show-surrounding">
      Show surrounding
    </button>
  );
}
