import { useCallback, useRef } from 'react';
import type { EventRow } from '../../../../shared/model/event.js';
import { useDismiss } from '../../lib/hooks.js';
import { CopyButton } from '../details/CopyButton.js';
import { quoteValue } from '../query/query-text.js';
import { cellValue } from './cell-text.js';
import { columnDef, type ColumnId } from './columns.js';
import { PivotMenuItems } from '../views/PivotMenuItems.js';

export interface CellMenuState {
  x: number;
  y: number;
  row: EventRow;
  column: ColumnId;
}

interface Props {
  state: CellMenuState;
  onFilter: (clause: string) => void;
  onClose: () => void;
}

/** Right-click on a cell: filter on its value, exclude it, or copy it. */
export function CellMenu({ state, onFilter, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => onClose(), [onClose]);
  useDismiss(true, ref, close);
  const def = columnDef(state.column);
  const value = cellValue(state.row, state.column);
  const clause = def.field && value && state.column !== 'time' ? `${def.field}:${quoteValue(value)}` : null;
  const left = Math.min(state.x, window.innerWidth - 280);
  const top = Math.min(state.y, window.innerHeight - 220);
  return (
    <div ref={ref} className="popover cell-menu" role="menu" aria-label={`${def.label} value`} style={{ left, top }} data-testid="cell-menu">
      {clause ? (
        <>
          <button type="button" role="menuitem" onClick={() => (onFilter(clause), onClose())}>
            Filter <code>{clause}</code>
          </button>
          <button type="button" role="menuitem" onClick={() => (onFilter(`-${clause}`), onClose())}>
            Exclude <code>-{clause}</code>
          </button>
        </>
      ) : (
        <span className="muted pad">No filter for this column</span>
      )}
      <PivotMenuItems row={state.row} clause={clause} actor={state.column === 'actor' && value ? value : null} onDone={onClose} />
      {value && <CopyButton text={value} label="Copy value" role="menuitem" />}
    </div>
  );
}
