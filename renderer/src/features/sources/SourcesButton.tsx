import { useState } from 'react';
import { SourcesDialog } from './SourcesDialog.js';

/** Header button that opens the Sources screen. */
export function SourcesButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="sources-button">
        Sources
      </button>
      {open && <SourcesDialog onClose={() => setOpen(false)} />}
    </>
  );
}
