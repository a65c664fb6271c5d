import { useRef, useState } from 'react';
import type { ColumnDef } from './columns.js';
import { useHeaderDrag } from './use-header-drag.js';

interface Props {
  column: ColumnDef;
  label: string;
  width: number;
  index: number;
  /** The last column stretches to the grid's edge; its width is a minimum. */
  stretch: boolean;
  onResize: (w: number) => void;
  /** Drop position among the other columns after a header drag. */
  onMove: (index: number) => void;
}

/**
 * A column header: drag it sideways to move the column, drag the handle on its right edge to resize (double-click
 * the handle to reset). The Columns chooser offers the same moves by keyboard.
 */
export function ColumnHeader({ column, label, width, index, stretch, onResize, onMove }: Props) {
  const drag = useHeaderDrag(onMove);
  const [live, setLive] = useState<number | null>(null);
  const resize = useRef<{ x: number; w: number } | null>(null);
  const w = live ?? width;
  return (
    <div
      role="columnheader"
      aria-colindex={index + 1}
      className={`cell head col-${column.id}${drag.dragging ? ' is-dragging' : ''}`}
      style={{ width: w, flexGrow: stretch ? 1 : 0 }}
      title={label}
      data-column={column.id}
      {...drag.handlers}
    >
      <span className="head-label">{label}</span>
      <span
        className="resize"
        aria-hidden="true"
        onPointerDown={(e) => {
          e.preventDefault();
          e.stopPropagation();
          e.currentTarget.setPointerCapture(e.pointerId);
          // Start from the drawn width (a stretched column is wider than its setting).
          resize.current = { x: e.clientX, w: e.currentTarget.parentElement?.getBoundingClientRect().width ?? w };
        }}
        onPointerMove={(e) => {
          if (resize.current) setLive(Math.max(40, resize.current.w + e.clientX - resize.current.x));
        }}
        onPointerUp={(e) => {
          if (resize.current) onResize(Math.max(40, resize.current.w + e.clientX - resize.current.x));
          resize.current = null;
          setLive(null);
        }}
        onDoubleClick={() => onResize(column.width)}
      />
    </div>
  );
}
