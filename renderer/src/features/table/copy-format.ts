import type { EventRow } from '../../../../shared/model/event.js';
import { csvCell, csvRow } from '../../../../shared/format/csv.js';
import type { ZoneMode } from '../../lib/time.js';
import { cellText, cellValue } from './cell-text.js';
import { columnDef, type ColumnId } from './columns.js';

/**
 * What "Copy" puts on the clipboard. Text is what the analyst reads (times in the chosen zone, tab-separated for
 * pasting into a spreadsheet or a ticket); CSV and JSON carry the stored values (ISO UTC times, raw outcomes) so a
 * copy is as exact as an export. CSV follows the exporter's quoting and formula neutralization (shared/format/csv).
 */
export type CopyFormat = 'text' | 'json' | 'csv';

export const COPY_FORMATS: readonly { format: CopyFormat; label: string }[] = [
  { format: 'text', label: 'text' },
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
];

/** A cell as read on screen, minus decoration (outcome marks), with tabs and line breaks flattened for TSV. */
function textValue(row: EventRow, col: ColumnId, zone: ZoneMode): string {
  const text = col === 'outcome' ? row.outcome : col === 'starred' ? (row.starred ? 'starred' : '') : cellText(row, col, zone);
  return text.replace(/[\t\r\n]+/g, ' ');
}

/** A cell's stored value for CSV and JSON (tags joined, star as a boolean, missing as empty/null). */
function storedValue(row: EventRow, col: ColumnId): string | boolean | null {
  if (col === 'starred') return row.starred === true;
  if (col === 'tags') return (row.tags ?? []).join(', ');
  const v = cellValue(row, col);
  return v === '' ? null : v;
}

/** One cell: its text, its CSV cell, or `{"column": value}`. */
export function formatCell(row: EventRow, col: ColumnId, format: CopyFormat, zone: ZoneMode): string {
  if (format === 'text') return textValue(row, col, zone);
  if (format === 'csv') return csvCell(storedValue(row, col));
  return JSON.stringify({ [col]: storedValue(row, col) }, null, 2);
}

/**
 * Rows: text and CSV carry the visible columns in their shown order with a header line; JSON carries every
 * normalized field (an object for one row, an array for several).
 */
export function formatRows(rows: readonly EventRow[], cols: readonly ColumnId[], format: CopyFormat, zone: ZoneMode): string {
  if (format === 'json') {
    return JSON.stringify(rows.length === 1 ? rows[0] : rows, null, 2);
  }
  if (format === 'csv') return csvRow(cols) + rows.map((r) => csvRow(cols.map((c) => storedValue(r, c)))).join('');
  const header = cols.map((c) => columnDef(c).label).join('\t');
  return [header, ...rows.map((r) => cols.map((c) => textValue(r, c, zone)).join('\t'))].join('\n') + '\n';
}
