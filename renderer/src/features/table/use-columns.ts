import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  columnDef, DEFAULT_VISIBLE, DISPLAY_ORDER, isAttributeColumn, isColumnList, isWidthMap, type ColumnDef, type ColumnId,
} from './columns.js';

export interface Columns {
  visible: ColumnDef[];
  shown: Set<ColumnId>;
  toggle: (id: ColumnId) => void;
  /** Moves a shown column one place left (-1) or right (+1). */
  move: (id: ColumnId, delta: -1 | 1) => void;
  /** Moves a shown column to a display position (header drag). */
  moveTo: (id: ColumnId, index: number) => void;
  reset: () => void;
  width: (id: ColumnId) => number;
  setWidth: (id: ColumnId, w: number) => void;
  totalWidth: number;
}

interface Layout {
  /** Shown columns in display order; the last one stretches to the grid's edge. */
  order: ColumnId[];
  widths: Partial<Record<ColumnId, number>>;
}

const DEFAULT_LAYOUT: Layout = { order: DEFAULT_VISIBLE, widths: {} };

const isLayout = (v: unknown): v is Layout =>
  typeof v === 'object' && v !== null && isColumnList((v as Layout).order) && (v as Layout).order.length > 0 && isWidthMap((v as Layout).widths);

/** Layouts are kept per case (by its id, which survives moving or renaming the case file). */
export const layoutKey = (caseId: string) => `auditlens.table.${caseId}`;

function load(caseId: string | null): Layout {
  if (!caseId) return DEFAULT_LAYOUT;
  try {
    const raw = localStorage.getItem(layoutKey(caseId));
    const parsed: unknown = raw === null ? null : JSON.parse(raw);
    if (isLayout(parsed)) return parsed;
  } catch {
    /* unreadable: start from the default */
  }
  return DEFAULT_LAYOUT;
}

/** Canonical rank: attribute columns sit just before the summary. */
const rank = (id: ColumnId) => (isAttributeColumn(id) ? DISPLAY_ORDER.length - 1.5 : DISPLAY_ORDER.indexOf(id));

/** A newly shown column goes before the first shown column that comes after it canonically (else last). */
function insert(order: ColumnId[], id: ColumnId): ColumnId[] {
  const at = order.findIndex((c) => rank(c) > rank(id));
  return at < 0 ? [...order, id] : [...order.slice(0, at), id, ...order.slice(at)];
}

function moved(order: ColumnId[], id: ColumnId, to: number): ColumnId[] {
  const from = order.indexOf(id);
  if (from < 0) return order;
  const rest = order.filter((c) => c !== id);
  const at = Math.max(0, Math.min(rest.length, to));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/** Which columns show, in which order and how wide: remembered per case in localStorage. */
export function useColumns(caseId: string | null): Columns {
  const [layout, setLayout] = useState<Layout>(() => load(caseId));
  useEffect(() => setLayout(load(caseId)), [caseId]);
  const save = useCallback(
    (next: Layout) => {
      setLayout(next);
      if (!caseId) return;
      try {
        localStorage.setItem(layoutKey(caseId), JSON.stringify(next));
      } catch {
        /* storage full or denied: the layout still applies to this session */
      }
    },
    [caseId],
  );
  const { order, widths } = layout;
  const shown = useMemo(() => new Set<ColumnId>(order), [order]);
  const visible = useMemo(() => order.map(columnDef), [order]);
  const width = useCallback((id: ColumnId) => widths[id] ?? columnDef(id).width, [widths]);
  const totalWidth = visible.reduce((n, c) => n + width(c.id), 0);
  return {
    visible,
    shown,
    toggle: (id) => {
      if (shown.has(id)) {
        if (order.length > 1) save({ ...layout, order: order.filter((c) => c !== id) });
      } else save({ ...layout, order: insert(order, id) });
    },
    move: (id, delta) => save({ ...layout, order: moved(order, id, order.indexOf(id) + delta) }),
    moveTo: (id, index) => save({ ...layout, order: moved(order, id, index) }),
    reset: () => save(DEFAULT_LAYOUT),
    width,
    setWidth: (id, w) => save({ ...layout, widths: { ...widths, [id]: Math.round(Math.min(2000, Math.max(40, w))) } }),
    totalWidth,
  };
}
