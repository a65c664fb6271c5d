import { memo, type MouseEvent } from 'react';
import type { EventRow } from '../../../../shared/model/event.js';
import type { ZoneMode } from '../../lib/time.js';
import { CellMarks } from '../annotations/TagChip.js';
import { cellText } from './cell-text.js';
import type { ColumnDef } from './columns.js';

/** Shift spans a range; Ctrl (Cmd on macOS) toggles one row. */
export interface PickModifiers {
  shift: boolean;
  toggle: boolean;
}

const modifiers = (e: MouseEvent): PickModifiers => ({ shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });

interface Props {
  index: number;
  row: EventRow | undefined;
  top: number;
  height: number;
  columns: ColumnDef[];
  widths: number[];
  zone: ZoneMode;
  /** The cursor row. */
  selected: boolean;
  /** In the multi-selection. */
  marked: boolean;
  idPrefix: string;
  onPick: (index: number, open: boolean, mods: PickModifiers) => void;
  onCellMenu: (e: MouseEvent, index: number, column: ColumnDef['id']) => void;
}

/** One grid row; a placeholder (aria-busy) until its window has loaded. */
export const EventRowView = memo(function EventRowView(p: Props) {
  const { row, index } = p;
  return (
    <div
      role="row"
      id={`${p.idPrefix}-${index}`}
      aria-rowindex={index + 2}
      aria-selected={p.selected || p.marked}
      aria-busy={row ? undefined : true}
      data-testid="event-row"
      data-index={index}
      data-event-id={row?.id}
      className={`grid-row${p.selected ? ' is-selected' : ''}${p.marked ? ' is-marked' : ''}${row ? '' : ' is-loading'}${index % 2 ? ' odd' : ''}`}
      style={{ top: p.top, height: p.height }}
      onMouseDown={(e) => {
        if (e.button !== 0) return;
        // Shift/Ctrl+click select rows; keep the browser from selecting text meanwhile.
        if (e.shiftKey || e.ctrlKey || e.metaKey) e.preventDefault();
        p.onPick(index, false, modifiers(e));
      }}
      onClick={(e) => p.onPick(index, true, modifiers(e))}
    >
      {p.columns.map((c, ci) => {
        // The last column stretches to the grid's edge (same rule as the header).
        const style = { width: p.widths[ci], flexGrow: ci === p.columns.length - 1 ? 1 : 0 };
        if (!row) {
          return (
            <div key={c.id} role="gridcell" className="cell" style={style}>
              {ci === 0 ? <span className="placeholder" /> : null}
            </div>
          );
        }
        const text = cellText(row, c.id, p.zone);
        let cls = `cell col-${c.id}${c.mono ? ' mono' : ''}`;
        if (c.id === 'outcome') cls += ` outcome-${row.outcome}`;
        return (
          <div
            key={c.id}
            role="gridcell"
            className={cls}
            style={style}
            title={text.length > 24 ? text : undefined}
            onContextMenu={(e) => p.onCellMenu(e, index, c.id)}
          >
            {c.id === 'severity' ? (
              <span className={`badge sev-${row.severity}`}>{text}</span>
            ) : c.id === 'summary' || c.id === 'starred' || c.id === 'tags' ? (
              <CellMarks column={c.id} row={row} text={text} />
            ) : (
              text
            )}
          </div>
        );
      })}
    </div>
  );
});
