import { useRef } from 'react';

interface Props {
  width: number;
  min: number;
  max: number;
  onResize: (w: number) => void;
  onReset: () => void;
}

/**
 * The details pane's left edge: drag it (the pane grows leftwards), or focus it and use ←/→ (Shift for bigger
 * steps); double-click restores the default width.
 */
export function PaneResizer({ width, min, max, onResize, onReset }: Props) {
  const drag = useRef<{ x: number; w: number } | null>(null);
  return (
    <div
      className="pane-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize event details"
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      data-testid="details-resizer"
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, w: width };
      }}
      onPointerMove={(e) => {
        if (drag.current) onResize(drag.current.w - (e.clientX - drag.current.x));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
      onDoubleClick={onReset}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 120 : 24;
        const keys: Record<string, number> = { ArrowLeft: width + step, ArrowRight: width - step, Home: max, End: min };
        if (!(e.key in keys)) return;
        e.preventDefault();
        e.stopPropagation();
        onResize(keys[e.key]);
      }}
    />
  );
}
