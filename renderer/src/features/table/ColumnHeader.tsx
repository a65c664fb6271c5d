import { useRef, useState } from 'react';
import type { ColumnDef } from './columns.js';

interface Props {
  column: ColumnDef;
  label: string;
  width: number;
  index: number;
  /** The last column stretches to the grid's edge; its width is a minimum. */
  stretch: boolean;
  onResize: (w: number) => void;
}

/** A column header with a drag handle on its right edge (double-click the handle to reset). */
export function ColumnHeader({ column, label, width, index, stretch, onResize }: Props) {
  const [live, setLive] = useState<number | null>(null);
  const drag = useRef<{ x: number; w: number } | null>(null);
  const w = live ?? width;
  return (
    <div role="columnheader" aria-colindex={index + 1} className={`cell head col-${column.id}`} style={{ width: w, flexGrow: stretch ? 1 : 0 }} title={label}>
      <span className="head-label">{label}</span>
      <span
        className="resize"
        aria-hidden="true"
        onPointerDown={(e) => {
          e.preventDefault();
          e.stopPropagation();
          e.currentTarget.setPointerCapture(e.pointerId);
          // Start from the drawn width (a stretched column is wider than its setting).
          drag.current = { x: e.clientX, w: e.currentTarget.parentElement?.getBoundingClientRect().width ?? w };
        }}
        onPointerMove={(e) => {
          if (drag.current) setLive(Math.max(40, drag.current.w + e.clientX - drag.current.x));
        }}
        onPointerUp={(e) => {
          if (drag.current) onResize(Math.max(40, drag.current.w + e.clientX - drag.current.x));
          drag.current = null;
          setLive(null);
        }}
        onDoubleClick={() => onResize(column.width)}
      />
    </div>
  );
}
