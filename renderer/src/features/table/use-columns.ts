import { useCallback, useMemo } from 'react';
import { useStoredState } from '../../lib/hooks.js';
import {
  columnDef, DEFAULT_VISIBLE, DISPLAY_ORDER, isAttributeColumn, isColumnList, isWidthMap, type ColumnDef, type ColumnId,
} from './columns.js';

export interface Columns {
  visible: ColumnDef[];
  shown: Set<ColumnId>;
  toggle: (id: ColumnId) => void;
  reset: () => void;
  width: (id: ColumnId) => number;
  setWidth: (id: ColumnId, w: number) => void;
  totalWidth: number;
}

/**
 * Display order: the canonical columns, then attribute columns in the order they were switched on, with the
 * stretching summary column always last.
 */
function ordered(shown: Set<ColumnId>, list: ColumnId[]): ColumnId[] {
  const fixed = DISPLAY_ORDER.filter((c) => c !== 'summary' && shown.has(c));
  const attrs = list.filter(isAttributeColumn);
  return [...fixed, ...attrs, ...(shown.has('summary') ? (['summary'] as const) : [])];
}

/** Which columns show and how wide they are, remembered in localStorage. */
export function useColumns(): Columns {
  const [list, setList] = useStoredState<ColumnId[]>('auditlens.columns', DEFAULT_VISIBLE, isColumnList);
  const [widths, setWidths] = useStoredState<Partial<Record<ColumnId, number>>>('auditlens.columnWidths', {}, isWidthMap);
  const shown = useMemo(() => new Set<ColumnId>(list.length ? list : DEFAULT_VISIBLE), [list]);
  const visible = useMemo(() => ordered(shown, list).map(columnDef), [shown, list]);
  const width = useCallback((id: ColumnId) => widths[id] ?? columnDef(id).width, [widths]);
  const totalWidth = visible.reduce((n, c) => n + width(c.id), 0);
  return {
    visible,
    shown,
    toggle: (id) => {
      const next = new Set(shown);
      if (next.has(id)) {
        if (next.size > 1) next.delete(id);
      } else next.add(id);
      setList(ordered(next, [...list.filter((c) => next.has(c)), ...(next.has(id) && !list.includes(id) ? [id] : [])]));
    },
    reset: () => {
      setList(DEFAULT_VISIBLE);
      setWidths({});
    },
    width,
    setWidth: (id, w) => setWidths({ ...widths, [id]: Math.round(Math.min(2000, Math.max(40, w))) }),
    totalWidth,
  };
}
