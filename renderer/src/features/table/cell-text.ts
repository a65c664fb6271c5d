import type { EventRow } from '../../../../shared/model/event.js';
import { describeLocation } from '../../../../shared/format/location.js';
import { formatTime, type ZoneMode } from '../../lib/time.js';
import { isAttributeColumn, type ColumnId } from './columns.js';

const OUTCOME: Record<EventRow['outcome'], string> = { success: '✓ success', failure: '✗ failure', unknown: '? unknown' };

/** The stored value of a cell (an attribute column reads the row's attributes). */
export function cellValue(row: EventRow, col: ColumnId): string {
  const v = isAttributeColumn(col) ? row.attributes?.[col.slice(5)] : row[col];
  return v === null || v === undefined ? '' : String(v);
}

/** Plain text of a cell (imported text is hostile: it is only ever rendered as text). */
export function cellText(row: EventRow, col: ColumnId, zone: ZoneMode): string {
  switch (col) {
    case 'time':
      return formatTime(row.time, zone);
    case 'receivedTime':
      return row.receivedTime ? formatTime(row.receivedTime, zone) : '';
    case 'outcome':
      return OUTCOME[row.outcome] ?? row.outcome;
    case 'starred':
      return row.starred ? '★' : '';
    case 'tags':
      return (row.tags ?? []).join(', ');
    case 'location':
      return describeLocation(row.location, row.sourceIp);
    default:
      return cellValue(row, col);
  }
}
