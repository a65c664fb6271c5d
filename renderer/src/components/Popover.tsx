import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { useDismiss } from '../lib/hooks.js';

interface Props {
  label: ReactNode;
  buttonLabel: string;
  children: ReactNode | ((close: () => void) => ReactNode);
  align?: 'left' | 'right';
  testId?: string;
  className?: string;
}

/** A button with a small non-modal panel below it; Esc or a click outside closes it. */
export function Popover({ label, buttonLabel, children, align = 'left', testId, className }: Props) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, ref, close);
  return (
    <div className={`popover-anchor ${className ?? ''}`} ref={ref}>
      <button
        type="button"
        aria-label={buttonLabel}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        {label}
      </button>
      {open && (
        <div id={id} className={`popover popover-${align}`} role="dialog" aria-label={buttonLabel}>
          {typeof children === 'function' ? children(close) : children}
        </div>
      )}
    </div>
  );
}
