import { TABLE_COLUMNS, type TableColumn } from '../../../../shared/model/event.js';

export interface ColumnDef {
  id: TableColumn;
  label: string;
  width: number;
  /** Query field for "filter on this value", when the column has one. */
  field?: string;
  mono?: boolean;
}

const DEFS: Record<TableColumn, Omit<ColumnDef, 'id'>> = {
  time: { label: 'Time', width: 218, field: 'time', mono: true },
  outcome: { label: 'Outcome', width: 92, field: 'outcome' },
  severity: { label: 'Severity', width: 82, field: 'severity' },
  actor: { label: 'Actor', width: 210, field: 'actor' },
  action: { label: 'Action', width: 200, field: 'action' },
  category: { label: 'Category', width: 128, field: 'category' },
  targetType: { label: 'Target type', width: 110, field: 'targetType' },
  target: { label: 'Target', width: 210, field: 'target' },
  sourceIp: { label: 'Source IP', width: 128, field: 'ip', mono: true },
  summary: { label: 'Summary', width: 460 },
  format: { label: 'Format', width: 96, field: 'format' },
  source: { label: 'Source', width: 130, field: 'source' },
  actorType: { label: 'Actor type', width: 92, field: 'actorType' },
  userAgent: { label: 'User agent', width: 220, field: 'userAgent' },
  location: { label: 'Location', width: 130, field: 'location' },
  sessionId: { label: 'Session', width: 150, field: 'session', mono: true },
  vendorId: { label: 'Vendor id', width: 220, field: 'vendorId', mono: true },
  receivedTime: { label: 'Received', width: 218, mono: true },
  id: { label: 'Event id', width: 220, field: 'id', mono: true },
};

export const COLUMNS: Record<TableColumn, ColumnDef> = Object.fromEntries(
  TABLE_COLUMNS.map((id) => [id, { id, ...DEFS[id] }]),
) as Record<TableColumn, ColumnDef>;

export const DEFAULT_VISIBLE: TableColumn[] = [
  'time', 'outcome', 'severity', 'actor', 'action', 'category', 'target', 'sourceIp', 'summary', 'format', 'source',
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
