import type { EventRow } from '../../../../shared/model/event.js';
import { usePivot } from './pivot.js';

interface Props {
  row: EventRow;
  /** `field:value` of the cell, when the column has a query field. */
  clause: string | null;
  /** Set when the value is an actor: offers the actor's sessions. */
  actor: string | null;
  onDone: () => void;
}

/** The table cell menu's pivots beyond filter/exclude: the value's timeline, the actor's sessions, the surroundings. */
export function PivotMenuItems({ row, clause, actor, onDone }: Props) {
  const pivot = usePivot();
  if (!pivot) return null;
  const item = (label: string, run: () => void, testId: string) => (
    <button type="button" role="menuitem" onClick={() => (run(), onDone())} data-testid={testId}>
      {label}
    </button>
  );
  return (
    <>
      {clause && item(`Timeline of this value`, () => pivot.timeline(clause), 'pivot-timeline')}
      {actor && item(`Sessions of ${actor}`, () => pivot.sessions(actor), 'pivot-sessions')}
      {item('Show surrounding events', () => pivot.surrounding(row), 'pivot-surrounding')}
    </>
  );
}
