import type { MarkedPlace } from './marked-place.js';

/**
 * Where the analyst was in a view: what Back restores besides the query. Pure (no DOM), so it is unit-tested.
 *
 * The table is virtualized over keyset windows and its scroll range may be scaled, so pixels alone do not say where
 * the analyst was: a place remembers the first visible row (index and id) and how far it was scrolled past, the
 * cursor row (index and id) and whether its details were open. Ids win over indexes: if the case changed meanwhile
 * (an import, a purge), the rows are looked for near where they were.
 */

export interface TablePlace {
  kind: 'table';
  /** First row at least partly visible, and its event id once loaded. */
  anchorIndex: number;
  anchorId: string | null;
  /** Pixels the anchor row was scrolled past the top of the viewport (0 <= offset < row height). */
  offset: number;
  /** The cursor row (-1: none) and its event id. */
  selectedIndex: number;
  selectedId: string | null;
  detailsOpen: boolean;
  /** The multi-selection (rows marked with Shift/Ctrl+click, Space, Shift+arrows), by event id; none when absent. */
  marks?: MarkedPlace | null;
}

/** A panel (sessions, surrounding events...): the focused row, counted among the panel's focusable rows. */
export interface PanelPlace {
  kind: 'panel';
  focusedRow: number;
}

export type Place = TablePlace | PanelPlace;

/** The place of a table scrolled to virtual position `v` (pixels from the top of the unscaled list). */
export function tablePlace(
  v: number,
  rowHeight: number,
  total: number,
  idAt: (i: number) => string | undefined,
  selectedIndex: number,
  detailsOpen: boolean,
): TablePlace {
  const anchorIndex = total > 0 ? Math.min(total - 1, Math.max(0, Math.floor(v / rowHeight))) : 0;
  const offset = total > 0 ? Math.max(0, Math.min(rowHeight - 1, v - anchorIndex * rowHeight)) : 0;
  return {
    kind: 'table',
    anchorIndex,
    anchorId: idAt(anchorIndex) ?? null,
    offset,
    selectedIndex,
    selectedId: selectedIndex >= 0 ? (idAt(selectedIndex) ?? null) : null,
    detailsOpen: detailsOpen && selectedIndex >= 0,
  };
}

/** The virtual scroll position that puts the anchor row back where it was. */
export function scrollPositionOf(anchorIndex: number, offset: number, rowHeight: number): number {
  return Math.max(0, anchorIndex) * rowHeight + offset;
}

export type Found = { index: number; settled: true } | { settled: false };

/**
 * Where the row with event `id` is now, expected at `expected`. Settled at `expected` when the row there has that id
 * (or there is no id to check); else the nearest loaded row with that id within `radius`; unsettled while the row at
 * `expected` has not loaded yet. A row that has gone (deleted, purged) settles at `expected`: the nearest place.
 * While the list's length is not `final` (only the rows seen so far, before the count arrives), a row past its end
 * is not settled either: settling there would put the analyst near the top of a list that is about to grow.
 */
export function locateRow(
  expected: number,
  id: string | null,
  idAt: (i: number) => string | undefined,
  list: { total: number; final: boolean },
  radius: number,
): Found {
  const { total } = list;
  if (!list.final && expected >= total) return { settled: false };
  const at = Math.min(Math.max(0, expected), Math.max(0, total - 1));
  if (id === null) return { index: at, settled: true };
  const here = idAt(at);
  if (here === id) return { index: at, settled: true };
  if (here === undefined) return { settled: false };
  for (let d = 1; d <= radius; d++) {
    for (const i of [at - d, at + d]) {
      if (i >= 0 && i < total && idAt(i) === id) return { index: i, settled: true };
    }
  }
  return { index: at, settled: true };
}
