import { useState } from 'react';
import { IntegrityPanel } from './IntegrityPanel.js';

/** Header button that opens the log-file integrity summary. */
export function IntegrityButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="integrity-button">
        Integrity
      </button>
      {open && <IntegrityPanel onClose={() => setOpen(false)} />}
    </>
  );
}
