import { useState } from 'react';
import { PacksDialog } from './PacksDialog.js';

/** Header button that opens the evidence Packs screen. */
export function PacksButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="packs-button" aria-haspopup="dialog">
        Packs
      </button>
      {open && <PacksDialog onClose={() => setOpen(false)} />}
    </>
  );
}
