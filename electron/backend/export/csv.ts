/** The CSV rules live in shared/ so the renderer's "Copy as CSV" applies exactly the same quoting and neutralization. */
export { csvCell, csvRow, UTF8_BOM } from '../../../shared/format/csv.js';
