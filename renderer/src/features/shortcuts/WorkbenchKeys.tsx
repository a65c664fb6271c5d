import { useEffect, useRef, useState } from 'react';
import type { EventRow } from '../../../../shared/model/event.js';
import { useToast } from '../../components/Toasts.js';
import { usePivot } from '../views/pivot.js';
import { COMMENT_BOX, focusedRegion, isEditable, regions, STAR_BUTTON, TAG_BOX, tableOrPanel, whenReady } from './focus-targets.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';
import { cycleRegion, workbenchKeyAction } from './workbench-keys.js';

interface Props {
  /** The event under the table's cursor (undefined: no row, or a panel is shown instead of the table). */
  row: EventRow | undefined;
  detailsOpen: boolean;
  onOpenDetails: () => void;
}

/**
 * The keys that make the whole loop keyboard-only: the actor's sessions (a), the surrounding events (x), star (s),
 * tag (t), comment (c), F6 between regions, Esc from the tag or comment box back to the table, and `?` (or this
 * button) for the list of every shortcut.
 */
export function WorkbenchKeys({ row, detailsOpen, onOpenDetails }: Props) {
  const pivot = usePivot();
  const toast = useToast();
  const [help, setHelp] = useState(false);
  const latest = useRef({ row, detailsOpen, onOpenDetails, pivot, toast });
  latest.current = { row, detailsOpen, onOpenDetails, pivot, toast };

  useEffect(() => {
    let cancel = () => {};
    const inDetails = (act: () => void) => {
      const { detailsOpen: open, onOpenDetails: openDetails } = latest.current;
      if (!open) openDetails();
      act();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      const command = workbenchKeyAction(e, {
        editing: isEditable(target),
        inDetails: target !== null && (target.matches(TAG_BOX) || target.matches(COMMENT_BOX)),
        dialog: document.querySelector('dialog[open]') !== null,
      });
      if (!command) return;
      const { row: ev, pivot: pv } = latest.current;
      const needsRow = ['sessions', 'surrounding', 'star', 'tag', 'comment'].includes(command);
      if (needsRow && !ev) return; // no cursor row in the table: the key means nothing here
      e.preventDefault();
      cancel();
      switch (command) {
        case 'help':
          return setHelp(true);
        case 'sessions':
          if (ev?.actor) pv?.sessions(ev.actor);
          else latest.current.toast('info', 'This event has no actor.');
          return;
        case 'surrounding':
          return ev && pv?.surrounding(ev);
        case 'star':
          return inDetails(() => (cancel = whenReady<HTMLButtonElement>(STAR_BUTTON, (b) => b.click())));
        case 'tag':
          return inDetails(() => (cancel = whenReady(TAG_BOX, focusInto)));
        case 'comment':
          return inDetails(() => (cancel = whenReady(COMMENT_BOX, focusInto)));
        case 'to-table':
          return tableOrPanel()?.focus();
        case 'next-region':
        case 'previous-region': {
          const list = regions();
          list[cycleRegion(focusedRegion(list), list.length, command === 'next-region' ? 1 : -1)]?.focus();
          return;
        }
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      cancel();
      document.removeEventListener('keydown', onKey, true);
    };
  }, []);

  return (
    <>
      <button type="button" className="icon" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setHelp(true)} data-testid="shortcuts-button">
        ?
      </button>
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </>
  );
}

function focusInto(el: HTMLElement): void {
  el.scrollIntoView({ block: 'nearest' });
  el.focus();
}
