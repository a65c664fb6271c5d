import type { EventRow, TableColumn } from '../../../../shared/model/event.js';
import { formatTime, type ZoneMode } from '../../lib/time.js';

const OUTCOME: Record<EventRow['outcome'], string> = { success: '✓ success', failure: '✗ failure', unknown: '? unknown' };

/** Plain text of a cell (imported text is hostile: it is only ever rendered as text). */
export function cellText(row: EventRow, col: TableColumn, zone: ZoneMode): string {
  switch (col) {
    case 'time':
      return formatTime(row.time, zone);
    case 'receivedTime':
      return row.receivedTime ? formatTime(row.receivedTime, zone) : '';
    case 'outcome':
      return OUTCOME[row.outcome] ?? row.outcome;
    default: {
      const v = row[col];
      return v === null || v === undefined ? '' : String(v);
    }
  }
}
