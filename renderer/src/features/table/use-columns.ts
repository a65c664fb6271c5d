import { useCallback, useMemo } from 'react';
import type { TableColumn } from '../../../../shared/model/event.js';
import { useStoredState } from '../../lib/hooks.js';
import { COLUMNS, DEFAULT_VISIBLE, DISPLAY_ORDER, isColumnList, isWidthMap, type ColumnDef } from './columns.js';

export interface Columns {
  visible: ColumnDef[];
  shown: Set<TableColumn>;
  toggle: (id: TableColumn) => void;
  reset: () => void;
  width: (id: TableColumn) => number;
  setWidth: (id: TableColumn, w: number) => void;
  totalWidth: number;
}

/** Which columns show and how wide they are, remembered in localStorage. */
export function useColumns(): Columns {
  const [list, setList] = useStoredState<TableColumn[]>('auditlens.columns', DEFAULT_VISIBLE, isColumnList);
  const [widths, setWidths] = useStoredState<Partial<Record<TableColumn, number>>>('auditlens.columnWidths', {}, isWidthMap);
  const shown = useMemo(() => new Set(list.length ? list : DEFAULT_VISIBLE), [list]);
  // Keep the display order whatever order they were switched on in.
  const visible = useMemo(() => DISPLAY_ORDER.filter((c) => shown.has(c)).map((c) => COLUMNS[c]), [shown]);
  const width = useCallback((id: TableColumn) => widths[id] ?? COLUMNS[id].width, [widths]);
  const totalWidth = visible.reduce((n, c) => n + width(c.id), 0);
  return {
    visible,
    shown,
    toggle: (id) => {
      const next = new Set(shown);
      if (next.has(id)) {
        if (next.size > 1) next.delete(id);
      } else next.add(id);
      setList(DISPLAY_ORDER.filter((c) => next.has(c)));
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
