import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { PickModifiers } from './EventRowView.js';
import type { Order } from '../../../../shared/contract/channels.js';
import type { EventRow } from '../../../../shared/model/event.js';
import type { ColumnId } from './columns.js';
import { cellValue } from './cell-text.js';
import { zoneTitle } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { CellMenu, type CellMenuState, type CopyScope } from './CellMenu.js';
import type { CopyFormat } from './copy-format.js';
import { ColumnHeader } from './ColumnHeader.js';
import { indexes } from './row-ranges.js';
import { tableKeyAction } from './table-keys.js';
import { useRowSelection } from './use-row-selection.js';
import { COPY_LIMIT, useTableCopy } from './use-table-copy.js';
import { EventRowView } from './EventRowView.js';
import type { Columns } from './use-columns.js';
import { useRowWindows } from './use-row-windows.js';
import { useVirtualScroll } from './use-virtual-scroll.js';
import { useRestoredMarks } from '../views/use-restored-marks.js';
import { useTablePlace } from '../views/use-table-place.js';
import { viewKey, type Restore, type ViewStack } from '../views/use-view-stack.js';
import './table.css';

export const ROW_HEIGHT = 24;
/** Extra rows fetched beyond the viewport so short scrolls find data ready. */
const PREFETCH = 60;

interface Props {
  query: string;
  order: Order;
  /** The open case: opening another one starts with no selection. */
  caseId: string | null;
  version: number;
  /** Best known count (estimate, then exact); null while unknown. */
  count: number | null;
  /** `count` is exact (not an estimate). */
  countExact: boolean;
  columns: Columns;
  selected: number;
  onSelect: (index: number) => void;
  onOpen: () => void;
  onClose: () => void;
  /** Esc closes the details first; with them closed it clears the multi-selection. */
  detailsOpen: boolean;
  /** Rows in the multi-selection (0 when only the cursor row is selected). */
  onMarked: (count: number) => void;
  /** The selected row's data, once loaded. */
  onSelectedRow: (row: EventRow | undefined) => void;
  onError: (message: string | null) => void;
  onTotal: (total: number) => void;
  /** Adds a clause to the query (right-click "filter on this value"). */
  onFilter: (clause: string) => void;
  /** The view stack's way back: where to return to (scroll, cursor), and where to report the place when leaving. */
  restore?: Restore | null;
  placeSource?: ViewStack['placeSource'];
}

/** The virtualized result grid (ARIA grid, keyboard navigation, scaled scroll range past ~10M px). */
export function EventTable(p: Props) {
  const zone = useZone();
  const idPrefix = useId().replace(/:/g, '');
  const windows = useRowWindows(p.query, p.order, p.version);
  let total = windows.end ?? Math.max(p.count ?? 0, windows.seen);
  if (windows.end === null && Number.isFinite(windows.upper)) total = Math.max(windows.seen, Math.min(total, windows.upper));
  // Back waits for this before it gives up on a row past `total` (an estimate or the rows seen may still grow).
  const totalFinal = windows.end !== null || p.countExact;
  const gridRef = useRef<HTMLDivElement | null>(null);
  const vKey = viewKey(p.query, p.order);
  // The way back reads the scroll position (from `vs`) and `select` (both below) through a ref.
  const live = useRef({ v: 0, select: (_i: number) => {} });
  const sel = useRowSelection(`${p.caseId ?? ''}\u0000${p.order}\u0000${p.query}`);
  const restoreTo = useTablePlace({
    restore: p.restore ?? null, key: vKey, placeSource: p.placeSource, rowHeight: ROW_HEIGHT, total, totalFinal, live,
    getRow: windows.getRow, selected: p.selected, detailsOpen: p.detailsOpen, marked: sel.marked, anchor: sel.anchor, grid: gridRef,
  });
  useRestoredMarks(p.restore ?? null, vKey, windows.getRow, { total, final: totalFinal }, sel);
  const vs = useVirtualScroll(total, ROW_HEIGHT, vKey, restoreTo);

  // Fetch what is visible (or the first window while the count is unknown), then a little ahead.
  const { request, tick } = windows;
  const wantFrom = total > 0 ? vs.first : 0;
  const wantTo = total > 0 ? vs.last : 0;
  useEffect(() => {
    request(wantFrom, wantTo);
    request(Math.max(0, wantFrom - PREFETCH / 2), wantTo + PREFETCH);
  }, [request, wantFrom, wantTo, tick]);

  const selectedRow = p.selected >= 0 && p.selected < total ? windows.getRow(p.selected) : undefined;
  const { onSelectedRow, onError, onTotal } = p;
  useEffect(() => onSelectedRow(selectedRow), [selectedRow, onSelectedRow]);
  useEffect(() => onError(windows.error), [windows.error, onError]);
  useEffect(() => onTotal(total), [total, onTotal]);

  const { onSelect, onOpen } = p;
  const { ensureVisible } = vs;
  const select = useCallback(
    (i: number) => {
      if (total === 0) return;
      const idx = Math.min(total - 1, Math.max(0, i));
      onSelect(idx);
      ensureVisible(idx);
    },
    [total, onSelect, ensureVisible],
  );
  live.current = { v: vs.v, select };
  const { markedCount } = sel;
  const { onMarked } = p;
  useEffect(() => onMarked(markedCount), [markedCount, onMarked]);
  useEffect(() => () => onMarked(0), [onMarked]); // a view panel replacing the table takes its selection along
  /** Press: plain moves the cursor and drops the marks, Shift spans from the anchor, Ctrl/Cmd toggles. Click: opens. */
  const pick = (i: number, open: boolean, mods: PickModifiers) => {
    const multi = mods.shift || mods.toggle;
    if (open) {
      if (!multi) onOpen();
      return;
    }
    if (mods.shift) sel.extendTo(i, p.selected);
    else if (mods.toggle) sel.toggleRow(i, p.selected, true);
    else sel.restart(i);
    onSelect(i);
    gridRef.current?.focus({ preventScroll: true });
  };

  const [menu, setMenu] = useState<CellMenuState | null>(null);
  const closeMenu = useCallback(() => {
    setMenu(null);
    gridRef.current?.focus({ preventScroll: true });
  }, []);
  const { getRow } = windows;
  const openMenu = (x: number, y: number, index: number, column: ColumnId) => {
    const row = getRow(index);
    if (!row) return;
    // A right-click outside the marked rows acts on that row alone, as in file managers.
    if (!sel.isMarked(index)) sel.restart(index);
    onSelect(index);
    setMenu({ x, y, index, row, column });
  };
  const cellMenu = (e: MouseEvent, index: number, column: ColumnId) => {
    e.preventDefault();
    openMenu(e.clientX, e.clientY, index, column);
  };

  // The selection: the marked rows, else the cursor row.
  const selection = () => (sel.markedCount > 0 ? indexes(sel.marked, COPY_LIMIT + 1) : p.selected >= 0 ? [p.selected] : []);
  const columnIds = useMemo(() => p.columns.visible.map((c) => c.id), [p.columns.visible]);
  const copy = useTableCopy({ query: p.query, order: p.order, zone, columns: columnIds, getRow });
  const copyFromMenu = (m: CellMenuState, scope: CopyScope, format: CopyFormat) =>
    void copy(scope === 'cell' ? { kind: 'cell', index: m.index, column: m.column } : { kind: 'rows', indexes: scope === 'row' ? [m.index] : selection() }, format);
  /** Distinct values of a column over a selection small enough to filter on (every row loaded, at most 20 values). */
  const selectionValues = (column: ColumnId): string[] | null => {
    if (sel.markedCount < 2 || sel.markedCount > 500) return null;
    const rows = indexes(sel.marked, 500).map(getRow);
    if (rows.some((r) => !r)) return null;
    const values = [...new Set(rows.map((r) => (r ? cellValue(r, column) : '')).filter((v) => v !== ''))];
    return values.length <= 20 ? values : null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys inside the cell menu (rendered in the grid) belong to its buttons.
    const action = e.target === e.currentTarget ? tableKeyAction(e) : null;
    if (!action) return;
    e.preventDefault();
    const cur = p.selected < 0 ? vs.first - 1 : p.selected;
    const page = Math.max(1, vs.pageRows - 1);
    const targets: Record<string, number> = {
      down: cur + 1, up: p.selected < 0 ? vs.first : cur - 1, pageDown: cur + page, pageUp: Math.max(0, cur - page), home: 0, end: total - 1,
    };
    if (action.move) {
      const to = Math.min(total - 1, Math.max(0, targets[action.move]));
      if (total === 0) return;
      if (action.extend) sel.extendTo(to, p.selected);
      select(to);
      return;
    }
    switch (action.command) {
      case 'open':
        if (p.selected >= 0) onOpen();
        break;
      case 'escape':
        if (p.detailsOpen) p.onClose();
        else sel.clear();
        break;
      case 'toggle':
        if (p.selected >= 0) sel.toggleRow(p.selected, p.selected, false);
        break;
      case 'all':
        sel.selectAll(total);
        break;
      case 'copy':
        void copy({ kind: 'rows', indexes: selection() }, 'text');
        break;
      case 'menu': {
        const el = document.getElementById(`${idPrefix}-${p.selected}`)?.getBoundingClientRect();
        if (p.selected >= 0 && el) openMenu(el.left + 24, el.bottom, p.selected, p.columns.visible[0].id);
        break;
      }
    }
  };

  // Rows are memoized: hand them stable callbacks that always run the latest handlers.
  const handlers = useRef({ pick, cellMenu });
  handlers.current = { pick, cellMenu };
  const onPick = useCallback((i: number, open: boolean, mods: PickModifiers) => handlers.current.pick(i, open, mods), []);
  const onCellMenu = useCallback((e: MouseEvent, i: number, c: ColumnId) => handlers.current.cellMenu(e, i, c), []);

  const { visible, width } = p.columns;
  // Local times carry an offset (`+02:00`) instead of `UTC`: give time columns the room it needs.
  const widths = useMemo(
    () => visible.map((c) => width(c.id) + (zone !== 'utc' && (c.id === 'time' || c.id === 'receivedTime') ? 24 : 0)),
    [visible, width, zone],
  );
  const totalWidth = widths.reduce((n, w) => n + w, 0);
  const rows = [];
  for (let i = vs.renderFrom; i < vs.renderTo; i++) {
    rows.push(
      <EventRowView
        key={i}
        index={i}
        row={windows.getRow(i)}
        top={vs.rowTop(i)}
        height={ROW_HEIGHT}
        columns={p.columns.visible}
        widths={widths}
        zone={zone}
        selected={i === p.selected}
        marked={sel.isMarked(i)}
        idPrefix={idPrefix}
        onPick={onPick}
        onCellMenu={onCellMenu}
      />,
    );
  }

  const noRows = total === 0 && (windows.end === 0 || p.count === 0);
  return (
    <div
      ref={(el) => {
        gridRef.current = el;
        vs.containerRef(el);
      }}
      className="grid"
      role="grid"
      aria-label="Events"
      aria-multiselectable="true"
      aria-rowcount={total + 1}
      aria-colcount={p.columns.visible.length}
      aria-activedescendant={p.selected >= vs.renderFrom && p.selected < vs.renderTo ? `${idPrefix}-${p.selected}` : undefined}
      aria-busy={p.count === null}
      tabIndex={0}
      data-testid="event-grid"
      data-total={total}
      data-scaled={vs.scaled ? 'true' : 'false'}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="grid-head" ref={vs.headerRef} style={{ width: totalWidth }}>
        <div role="row" aria-rowindex={1} className="grid-row head-row">
          {p.columns.visible.map((c, ci) => (
            <ColumnHeader
              key={c.id}
              column={c}
              index={ci}
              stretch={ci === p.columns.visible.length - 1}
              width={widths[ci]}
              label={c.id === 'time' || c.id === 'receivedTime' ? `${c.label} (${zoneTitle(zone)})` : c.label}
              onResize={(w) => p.columns.setWidth(c.id, w - (widths[ci] - width(c.id)))}
              onMove={(to) => p.columns.moveTo(c.id, to)}
            />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: vs.bodyHeight, width: totalWidth }}>
        {rows}
      </div>
      {menu && (
        <CellMenu
          state={menu}
          selectedCount={sel.markedCount}
          selectionValues={selectionValues(menu.column)}
          onFilter={p.onFilter}
          onCopy={(scope, format) => copyFromMenu(menu, scope, format)}
          onClose={closeMenu}
        />
      )}
      {noRows && (
        <div className="grid-empty" data-testid="no-results">
          No events match this query.
        </div>
      )}
      {windows.error && total === 0 && (
        <div className="grid-empty error" role="alert">
          {windows.error}
        </div>
      )}
    </div>
  );
}
