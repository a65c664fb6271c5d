import type { KeyboardEvent } from 'react';

/** Arrow keys move between rows (roving focus); Enter acts on the row. */
export function onRowKey(e: KeyboardEvent<HTMLTableRowElement>, enter: () => void): void {
  const row = e.currentTarget;
  const move = (to: Element | null) => {
    if (to instanceof HTMLTableRowElement) {
      e.preventDefault();
      row.tabIndex = -1;
      to.tabIndex = 0;
      to.focus();
    }
  };
  if (e.key === 'ArrowDown' || e.key === 'j') move(row.nextElementSibling);
  else if (e.key === 'ArrowUp' || e.key === 'k') move(row.previousElementSibling);
  else if (e.key === 'Enter') {
    e.preventDefault();
    enter();
  }
}
