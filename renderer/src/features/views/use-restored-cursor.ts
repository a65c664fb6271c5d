import { useEffect, useRef } from 'react';
import type { Order } from '../../../../shared/contract/channels.js';
import { viewKey, type Restore } from './use-view-stack.js';

/**
 * Back puts the cursor row and the details pane back as they were. Call it after the effect that clears the
 * selection on a new query: effects run in order, so the restored cursor wins. Waits for the view's order too (it
 * follows the view one render later). The table then checks the row by id (useTablePlace).
 */
export function useRestoredCursor(
  restore: Restore | null,
  query: string,
  order: Order,
  setSelected: (i: number) => void,
  setDetailsOpen: (open: boolean) => void,
): void {
  const applied = useRef<Restore | null>(null);
  const key = viewKey(query, order);
  useEffect(() => {
    if (!restore || applied.current === restore || restore.key !== key || restore.place.kind !== 'table') return;
    applied.current = restore;
    setSelected(restore.place.selectedIndex);
    setDetailsOpen(restore.place.detailsOpen);
  }, [restore, key, setSelected, setDetailsOpen]);
}
