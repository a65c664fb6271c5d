import type { ExportFormat } from '../../../shared/contract/exports.js';
import type { AuditEvent } from '../../../shared/model/event.js';
import { csvRow, UTF8_BOM } from './csv.js';
import { ANNOTATED_CSV_HEADER, toAnnotatedCsvLine, toAnnotatedJsonlLine, toAnnotatedObject } from './event-writer.js';

/**
 * The one encoder of exported events, used by the export job and by the CLI's `query`/`export`: the text before the
 * first event, each event (given its index, for the JSON array's commas), the truncation note and the text after.
 */
export interface EventEncoder {
  header: string;
  event(e: AuditEvent, index: number): string;
  /** The record that ends a file cut short by a row limit (the file says so, not only the history). */
  truncationNote(note: TruncationNote, rowsWritten: number): string;
  footer(rowsWritten: number): string;
}

export interface TruncationNote {
  limit: number;
  query: string;
}

export const FILE_EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', json: 'json', jsonl: 'jsonl' };

function noteText(n: TruncationNote): string {
  return `TRUNCATED: only the first ${n.limit} matching events were exported (row limit); more events match the query ${JSON.stringify(n.query)}`;
}

/** JSON/JSONL note: an object no event has (its only key is `auditlensExportNote`). */
function noteObject(n: TruncationNote) {
  return { auditlensExportNote: { truncated: true, limit: n.limit, query: n.query, message: noteText(n) } };
}

export function encoderFor(format: ExportFormat): EventEncoder {
  switch (format) {
    case 'csv':
      return {
        header: UTF8_BOM + csvRow(ANNOTATED_CSV_HEADER),
        event: (e) => toAnnotatedCsvLine(e),
        // A last row whose first cell (the id column) says it is a note; the other columns stay empty.
        truncationNote: (n) => csvRow([`# ${noteText(n)}`, ...ANNOTATED_CSV_HEADER.slice(1).map(() => '')]),
        footer: () => '',
      };
    case 'jsonl':
      return {
        header: '',
        event: (e) => toAnnotatedJsonlLine(e),
        truncationNote: (n) => JSON.stringify(noteObject(n)) + '\n',
        footer: () => '',
      };
    case 'json':
      // A streamed array: '[', events separated by ',\n', ']': valid JSON at any size without building it in memory.
      return {
        header: '[',
        event: (e, i) => `${i === 0 ? '\n' : ',\n'}${JSON.stringify(toAnnotatedObject(e))}`,
        truncationNote: (n, rows) => `${rows === 0 ? '\n' : ',\n'}${JSON.stringify(noteObject(n))}`,
        footer: (rows) => (rows === 0 ? ']\n' : '\n]\n'),
      };
  }
}
