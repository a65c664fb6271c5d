import { TABLE_COLUMNS, type TableColumn } from '../../../../shared/model/event.js';

/** A vendor attribute shown as a column (`attr:entityVersion`): seed 001's entity and engine versions. */
export type AttributeColumn = `attr:${string}`;
export type ColumnId = TableColumn | AttributeColumn;

export interface ColumnDef {
  id: ColumnId;
  label: string;
  width: number;
  /** Query field for "filter on this value", when the column has one. */
  field?: string;
  mono?: boolean;
}

// Widths measured in Chromium on Linux (DejaVu/Liberation, wider than the macOS and Windows system fonts): a UTC
// time with milliseconds, `✗ failure`, `warning`, `resource_change`, `PASSWORD_RESET_REQUESTED`, a short IPv6; longer values are cut with an ellipsis and shown whole on hover.
const DEFS: Record<TableColumn, Omit<ColumnDef, 'id'>> = {
  starred: { label: 'Starred', width: 64 },
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
  // Place and IP (seed 003: "Portland, Oregon · 198.51.100.7").
  location: { label: 'Location', width: 240, field: 'location' },
  sessionId: { label: 'Session', width: 150, field: 'session', mono: true },
  vendorId: { label: 'Vendor id', width: 220, field: 'vendorId', mono: true },
  receivedTime: { label: 'Received', width: 214, mono: true },
  id: { label: 'Event id', width: 220, field: 'id', mono: true },
  tags: { label: 'Tags', width: 150 },
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

const ATTRIBUTE_LABELS: Readonly<Record<string, string>> = {
  entityType: 'Entity type', entitySlug: 'Entity slug', entityVersion: 'Entity version', engineVersion: 'Engine version',
  actorName: 'Actor name', responseStatus: 'Response status', requestMethod: 'Request method', requestUrl: 'Request URL',
};

export function isAttributeColumn(id: string): id is AttributeColumn {
  return id.startsWith('attr:') && id.length > 5;
}

export function attributeColumn(key: string): AttributeColumn {
  return `attr:${key}`;
}

/** The definition of any column; attribute columns have no query field (attributes are not indexed). */
export function columnDef(id: ColumnId): ColumnDef {
  if (!isAttributeColumn(id)) return COLUMNS[id];
  const key = id.slice(5);
  return { id, label: ATTRIBUTE_LABELS[key] ?? key, width: 120 };
}

const isColumnId = (c: unknown): c is ColumnId =>
  typeof c === 'string' && ((TABLE_COLUMNS as readonly string[]).includes(c) || isAttributeColumn(c));

export function isColumnList(v: unknown): v is ColumnId[] {
  return Array.isArray(v) && v.every(isColumnId);
}

export function isWidthMap(v: unknown): v is Partial<Record<ColumnId, number>> {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) &&
    Object.entries(v).every(([k, w]) => isColumnId(k) && typeof w === 'number' && w > 20 && w < 4000)
  );
}
