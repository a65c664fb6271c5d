/**
 * RFC 4180 CSV cells, shared by the exporter (electron/backend/export) and the table's "Copy as CSV" so both follow
 * the same rules. Imported text is hostile: a cell that a spreadsheet would evaluate as a formula (starting with
 * = + - @ tab or CR) is prefixed with a single quote (OWASP's recommendation), then quoted when needed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** UTF-8 byte-order mark: Excel needs it to read UTF-8 CSV correctly. */
export const UTF8_BOM = '\uFEFF';
