import type { AuditEvent } from '../../../shared/model/event.js';
import { EXPORT_FIELDS } from '../../../shared/model/event.js';
import { csvCell, csvRow } from '../export/csv.js';
import { CSV_HEADER, toCsvLine, toExportObject } from '../export/event-writer.js';

/**
 * One pack row, written twice: a JSONL line (the export's fields, then populations, tags and comments) and a CSV
 * line with the same columns (the export's CSV cells, then the three arrays as JSON text). The verifiers rebuild
 * each CSV cell from the JSONL with `expectedCsvCells`, so the two files provably hold the same rows.
 */

export const PACK_EXTRA_FIELDS = ['populations', 'tags', 'comments'] as const;
export const PACK_CSV_COLUMNS: readonly string[] = [...CSV_HEADER, ...PACK_EXTRA_FIELDS];

export interface PackExtras {
  populations: string[];
  tags: string[];
  comments: unknown[];
}

export function packJsonlLine(event: AuditEvent, extras: PackExtras): string {
  return JSON.stringify({ ...toExportObject(event), ...extras }) + '\n';
}

export function packCsvLine(event: AuditEvent, extras: PackExtras): string {
  const base = toCsvLine(event);
  return `${base.slice(0, -2)},${csvRow([extras.populations, extras.tags, extras.comments])}`;
}

/** Where the JSONL object's raw placeholder sits: a key and quotes no string value can hold unescaped. */
const RAW_PLACEHOLDER = ',"raw":0,"provenance":';

/**
 * Both lines of one row, byte for byte what packJsonlLine and packCsvLine give, with the raw record (the largest
 * value) serialized once instead of twice: the JSONL object is written with a placeholder that is then replaced by
 * the raw JSON, and the CSV takes the same text. Saves about 5 us per event (npm run bench).
 */
export function packLines(event: AuditEvent, extras: PackExtras): { jsonl: string; csv: string } {
  const rawJson = JSON.stringify(event.raw ?? null);
  const obj = toExportObject(event);
  obj.raw = 0;
  obj.populations = extras.populations;
  obj.tags = extras.tags;
  obj.comments = extras.comments;
  const text = JSON.stringify(obj);
  const at = text.indexOf(RAW_PLACEHOLDER);
  const jsonl = at < 0 ? packJsonlLine(event, extras) : `${text.slice(0, at + 7)}${rawJson}${text.slice(at + 8)}\n`;
  const csvRaw = typeof event.raw === 'string' ? event.raw : rawJson;
  return { jsonl, csv: packCsvLine({ ...event, raw: csvRaw }, extras) };
}

export function packCsvHeader(): string {
  return csvRow(PACK_CSV_COLUMNS);
}

/** The cell text (after CSV unquoting) that each column must hold for a JSONL object. */
export function expectedCsvCells(obj: Record<string, unknown>): string[] {
  return PACK_CSV_COLUMNS.map((field) => {
    const value = obj[field];
    let rendered: unknown = value;
    if (field === 'provenance' && value && typeof value === 'object') {
      const p = value as { object?: unknown; recordIndex?: unknown };
      rendered = `${String(p.object)}#${String(p.recordIndex)}`;
    } else if (field === 'raw') {
      rendered = typeof value === 'string' ? value : JSON.stringify(value);
    }
    return unquote(csvCell(rendered));
  });
}

function unquote(cell: string): string {
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

/** Field order check for the JSONL: the export's fields then the pack's, nothing else. */
export const PACK_JSONL_FIELDS: readonly string[] = [...EXPORT_FIELDS, ...PACK_EXTRA_FIELDS];
