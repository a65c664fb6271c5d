import { useCallback, useEffect, useRef } from 'react';
import type { EventRow } from '../../../../shared/model/event.js';
import { useDismiss } from '../../lib/hooks.js';
import { quoteValue } from '../query/query-text.js';
import { cellValue } from './cell-text.js';
import { columnDef, type ColumnId } from './columns.js';
import { COPY_FORMATS, type CopyFormat } from './copy-format.js';
import { PivotMenuItems } from '../views/PivotMenuItems.js';

export interface CellMenuState {
  x: number;
  y: number;
  index: number;
  row: EventRow;
  column: ColumnId;
}

export type CopyScope = 'cell' | 'row' | 'selection';

interface Props {
  state: CellMenuState;
  /** Rows in the multi-selection (0 or 1: the menu acts on its own row). */
  selectedCount: number;
  /** Distinct values of this column over the selected rows, when the selection is small enough to filter on. */
  selectionValues: string[] | null;
  onFilter: (clause: string) => void;
  onCopy: (scope: CopyScope, format: CopyFormat) => void;
  onClose: () => void;
}

/** `(f:a OR f:b)` to keep any of the values; `-f:a -f:b` to drop them all. */
function clauses(field: string, values: string[]): { keep: string; drop: string } {
  const terms = values.map((v) => `${field}:${quoteValue(v)}`);
  return terms.length === 1
    ? { keep: terms[0], drop: `-${terms[0]}` }
    : { keep: `(${terms.join(' OR ')})`, drop: terms.map((t) => `-${t}`).join(' ') };
}

/** Right-click on a cell (or the context-menu key): filter on its value(s), pivot, or copy it, its row or the selection. */
export function CellMenu({ state, selectedCount, selectionValues, onFilter, onCopy, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => onClose(), [onClose]);
  useDismiss(true, ref, close);
  // Opened from the keyboard too (context-menu key): focus the first item so Tab and Enter work at once.
  useEffect(() => ref.current?.querySelector<HTMLButtonElement>('button')?.focus(), []);
  const def = columnDef(state.column);
  const value = cellValue(state.row, state.column);
  const filterable = def.field && state.column !== 'time';
  const values = selectedCount > 1 && selectionValues?.length ? selectionValues : value ? [value] : [];
  const filter = filterable && def.field && values.length ? clauses(def.field, values) : null;
  const single = filterable && value ? `${def.field}:${quoteValue(value)}` : null;
  const left = Math.min(state.x, window.innerWidth - 300);
  const top = Math.min(state.y, window.innerHeight - 320);
  const scopes: { scope: CopyScope; label: string }[] = [
    { scope: 'cell', label: 'Copy cell' },
    { scope: 'row', label: 'Copy row' },
    ...(selectedCount > 1 ? [{ scope: 'selection' as const, label: `Copy ${selectedCount} selected rows` }] : []),
  ];
  const run = (fn: () => void) => () => (fn(), onClose());
  return (
    <div ref={ref} className="popover cell-menu" role="menu" aria-label={`${def.label} value`} style={{ left, top }} data-testid="cell-menu">
      {filter ? (
        <>
          <button type="button" role="menuitem" onClick={run(() => onFilter(filter.keep))}>
            Filter <code>{filter.keep}</code>
          </button>
          <button type="button" role="menuitem" onClick={run(() => onFilter(filter.drop))}>
            Exclude <code>{filter.drop}</code>
          </button>
        </>
      ) : (
        <span className="muted pad">No filter for this column</span>
      )}
      <PivotMenuItems row={state.row} clause={single} actor={state.column === 'actor' && value ? value : null} onDone={onClose} />
      {scopes.map(({ scope, label }) => (
        <div key={scope} className="copy-line" role="group" aria-label={label}>
          <span className="muted">{label} as</span>
          {COPY_FORMATS.map(({ format, label: f }) => (
            <button key={format} type="button" role="menuitem" className="small" aria-label={`${label} as ${f}`} onClick={run(() => onCopy(scope, format))}>
              {f}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
