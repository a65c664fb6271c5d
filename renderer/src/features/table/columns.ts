import { TABLE_COLUMNS, type TableColumn } from '../../../../shared/model/event.js';

export interface ColumnDef {
  id: TableColumn;
  label: string;
  width: number;
  /** Query field for "filter on this value", when the column has one. */
  field?: string;
  mono?: boolean;
}

// Widths measured in Chromium on Linux (DejaVu/Liberation, wider than the macOS and Windows system fonts): a UTC
// time with milliseconds, `✗ failure`, `warning`, `resource_change`, `PASSWORD_RESET_REQUESTED`, a short IPv6; longer values are cut with an ellipsis and shown whole on hover.
const DEFS: Record<TableColumn, Omit<ColumnDef, 'id'>> = {
  time: { label: 'Time', width: 214, field: 'time', mono: true },
  outcome: { label: 'Outcome', width: 86, field: 'outcome' },
  severity: { label: 'Severity', width: 84, field: 'severity' },
  actor: { label: 'Actor', width: 170, field: 'actor' },
  action: { label: 'Action', width: 226, field: 'action' },
  category: { label: 'Category', width: 130, field: 'category' },
  targetType: { label: 'Target type', width: 104, field: 'targetType' },
  target: { label: 'Target', width: 166, field: 'target' },
  sourceIp: { label: 'Source IP', width: 130, field: 'ip', mono: true },
  summary: { label: 'Summary', width: 200 },
  format: { label: 'Format', width: 96, field: 'format' },
  source: { label: 'Source', width: 104, field: 'source' },
  actorType: { label: 'Actor type', width: 92, field: 'actorType' },
  userAgent: { label: 'User agent', width: 220, field: 'userAgent' },
  location: { label: 'Location', width: 130, field: 'location' },
  sessionId: { label: 'Session', width: 150, field: 'session', mono: true },
  vendorId: { label: 'Vendor id', width: 220, field: 'vendorId', mono: true },
  receivedTime: { label: 'Received', width: 214, mono: true },
  id: { label: 'Event id', width: 220, field: 'id', mono: true },
};

export const COLUMNS: Record<TableColumn, ColumnDef> = Object.fromEntries(
  TABLE_COLUMNS.map((id) => [id, { id, ...DEFS[id] }]),
) as Record<TableColumn, ColumnDef>;

/**
 * Display order: the canonical order with the summary last. The last column stretches to the grid's right edge
 * (its width is then a minimum), so the long free-text column takes whatever room is left.
 */
export const DISPLAY_ORDER: TableColumn[] = [...TABLE_COLUMNS.filter((c) => c !== 'summary'), 'summary'];

/** Fits 1440 px without horizontal scrolling; source, format, user agent... are one click away (Columns). */
export const DEFAULT_VISIBLE: TableColumn[] = [
  'time', 'outcome', 'severity', 'actor', 'action', 'category', 'target', 'sourceIp', 'summary',
];

export function isColumnList(v: unknown): v is TableColumn[] {
  return Array.isArray(v) && v.every((c) => typeof c === 'string' && (TABLE_COLUMNS as readonly string[]).includes(c));
}

export function isWidthMap(v: unknown): v is Partial<Record<TableColumn, number>> {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) &&
    Object.entries(v).every(([k, w]) => (TABLE_COLUMNS as readonly string[]).includes(k) && typeof w === 'number' && w > 20 && w < 4000)
  );
}
