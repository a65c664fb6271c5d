import { useSyncExternalStore } from 'react';

/**
 * Whether the facets panel is shown: the analyst's last choice (kept in localStorage), else shown by default only on
 * screens wide enough (>= 1680 px) that the panel leaves the table's default columns without horizontal scrolling.
 */

const KEY = 'auditlens.facets.open';
const WIDE = 1680;
const listeners = new Set<() => void>();

function initial(): boolean {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'true' || saved === 'false') return saved === 'true';
  } catch {
    /* storage unavailable */
  }
  return typeof window !== 'undefined' && window.innerWidth >= WIDE;
}

let open = initial();

export function setFacetsOpen(value: boolean): void {
  open = value;
  try {
    localStorage.setItem(KEY, String(value));
  } catch {
    /* storage unavailable */
  }
  for (const l of listeners) l();
}

export function useFacetsOpen(): boolean {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => open,
  );
}
