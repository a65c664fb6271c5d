import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Order } from '../../../../shared/contract/channels.js';
import type { EventRow } from '../../../../shared/model/event.js';
import type { ColumnId } from './columns.js';
import { zoneTitle } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { CellMenu, type CellMenuState } from './CellMenu.js';
import { ColumnHeader } from './ColumnHeader.js';
import { EventRowView } from './EventRowView.js';
import type { Columns } from './use-columns.js';
import { useRowWindows } from './use-row-windows.js';
import { useVirtualScroll } from './use-virtual-scroll.js';
import './table.css';

export const ROW_HEIGHT = 24;
/** Extra rows fetched beyond the viewport so short scrolls find data ready. */
const PREFETCH = 60;

interface Props {
  query: string;
  order: Order;
  version: number;
  /** Best known count (estimate, then exact); null while unknown. */
  count: number | null;
  columns: Columns;
  selected: number;
  onSelect: (index: number) => void;
  onOpen: () => void;
  onClose: () => void;
  /** The selected row's data, once loaded. */
  onSelectedRow: (row: EventRow | undefined) => void;
  onError: (message: string | null) => void;
  onTotal: (total: number) => void;
  /** Adds a clause to the query (right-click "filter on this value"). */
  onFilter: (clause: string) => void;
}

/** The virtualized result grid (ARIA grid, keyboard navigation, scaled scroll range past ~10M px). */
export function EventTable(p: Props) {
  const zone = useZone();
  const idPrefix = useId().replace(/:/g, '');
  const windows = useRowWindows(p.query, p.order, p.version);
  let total = windows.end ?? Math.max(p.count ?? 0, windows.seen);
  if (windows.end === null && Number.isFinite(windows.upper)) total = Math.max(windows.seen, Math.min(total, windows.upper));
  const vs = useVirtualScroll(total, ROW_HEIGHT, `${p.order}\u0000${p.query}`);
  const gridRef = useRef<HTMLDivElement | null>(null);

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
  const pick = useCallback(
    (i: number, open: boolean) => {
      onSelect(i);
      gridRef.current?.focus({ preventScroll: true });
      if (open) onOpen();
    },
    [onSelect, onOpen],
  );

  const [menu, setMenu] = useState<CellMenuState | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const { getRow } = windows;
  const cellMenu = useCallback(
    (e: MouseEvent, index: number, column: ColumnId) => {
      const row = getRow(index);
      if (!row) return;
      e.preventDefault();
      onSelect(index);
      setMenu({ x: e.clientX, y: e.clientY, row, column });
    },
    [getRow, onSelect],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const cur = p.selected < 0 ? vs.first - 1 : p.selected;
    const page = Math.max(1, vs.pageRows - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => select(cur + 1),
      ArrowUp: () => select(p.selected < 0 ? vs.first : cur - 1),
      PageDown: () => select(cur + page),
      PageUp: () => select(Math.max(0, cur - page)),
      Home: () => select(0),
      End: () => select(total - 1),
      Enter: () => p.selected >= 0 && onOpen(),
      Escape: () => p.onClose(),
    };
    const action = keys[e.key];
    if (!action || e.altKey || e.metaKey) return;
    e.preventDefault();
    action();
  };

  const { visible, width } = p.columns;
  // Local times carry an offset (`+02:00`) instead of `UTC`: give time columns the room it needs.
  const widths = useMemo(
    () => visible.map((c) => width(c.id) + (zone === 'local' && (c.id === 'time' || c.id === 'receivedTime') ? 24 : 0)),
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
        idPrefix={idPrefix}
        onPick={pick}
        onCellMenu={cellMenu}
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
            />
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: vs.bodyHeight, width: totalWidth }}>
        {rows}
      </div>
      {menu && <CellMenu state={menu} onFilter={p.onFilter} onClose={closeMenu} />}
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
