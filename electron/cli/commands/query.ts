import fs from 'node:fs';
import type { Order } from '../../../shared/contract/channels.js';
import type { AuditEvent } from '../../../shared/model/event.js';
import { whereClause } from '../../backend/store/query-sql.js';
import { iterateEvents } from '../../backend/store/queries/events.js';
import { openCase } from '../../backend/store/open.js';
import { appendJournal } from '../../backend/store/queries/journal.js';
import { CSV_HEADER, toCsvLine, toJsonlLine } from '../../backend/export/event-writer.js';
import { csvRow, UTF8_BOM } from '../../backend/export/csv.js';
import { requireCase } from '../case-arg.js';
import { UsageError } from '../usage.js';

type OutFormat = 'table' | 'jsonl' | 'csv';

function parseOrder(value: string | undefined, fallback: Order): Order {
  if (value === undefined) return fallback;
  if (value !== 'asc' && value !== 'desc') throw new UsageError(`--order must be asc or desc, not '${value}'`);
  return value;
}

function parseLimit(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--limit must be a whole number, not '${value}'`);
  return n;
}

/** Table columns and widths (the summary takes the rest of the line). */
const TABLE_COLUMNS = [['time', 24], ['outcome', 7], ['severity', 8], ['actor', 26], ['action', 24], ['target', 24], ['sourceIp', 15]] as const;

function cell(v: unknown, w: number): string {
  const s = v === null || v === undefined ? '-' : String(v).replace(/\s+/g, ' ');
  return (s.length > w ? `${s.slice(0, w - 1)}…` : s).padEnd(w);
}

function tableLine(e: AuditEvent): string {
  return [...TABLE_COLUMNS.map(([field, w]) => cell(e[field], w)), e.summary].join(' ') + '\n';
}

const TABLE_HEADER = [...TABLE_COLUMNS.map(([field, w]) => cell(field, w)), 'summary'].join(' ') + '\n';

function writeAll(out: NodeJS.WritableStream, events: Iterable<AuditEvent>, format: OutFormat): number {
  let n = 0;
  if (format === 'csv') out.write(UTF8_BOM + csvRow(CSV_HEADER));
  if (format === 'table') out.write(TABLE_HEADER);
  for (const e of events) {
    out.write(format === 'jsonl' ? toJsonlLine(e) : format === 'csv' ? toCsvLine(e) : tableLine(e));
    n++;
  }
  return n;
}

function runQuery(caseFile: string, query: string, order: Order, limit: number) {
  const db = openCase(caseFile, { create: false });
  return { db, events: iterateEvents(db, whereClause(query), order, limit) };
}

export function queryCommand(args: { positionals: string[]; case?: string; limit?: string; format?: string; order?: string }): number {
  const caseFile = requireCase(args.case, 'query');
  const format = (args.format ?? 'table') as OutFormat;
  if (!['table', 'jsonl', 'csv'].includes(format)) throw new UsageError(`query: --format must be table, jsonl or csv`);
  const { db, events } = runQuery(caseFile, args.positionals.join(' '), parseOrder(args.order, 'desc'), parseLimit(args.limit, 50));
  try {
    return writeAll(process.stdout, events, format);
  } finally {
    db.close();
  }
}

/** Exports every matching event (no row cap) to a file or stdout; recorded in the case journal. */
export async function exportCommand(args: { positionals: string[]; case?: string; format?: string; out?: string; order?: string }): Promise<number> {
  const caseFile = requireCase(args.case, 'export');
  const format = args.format as OutFormat | undefined;
  if (format !== 'jsonl' && format !== 'csv') throw new UsageError('export: --format jsonl|csv is required');
  const query = args.positionals.join(' ');
  const { db, events } = runQuery(caseFile, query, parseOrder(args.order, 'asc'), Infinity);
  try {
    const out = args.out ? fs.createWriteStream(args.out) : process.stdout;
    const n = writeAll(out, events, format);
    if (args.out) await new Promise<void>((resolve, reject) => (out as fs.WriteStream).end((err?: Error | null) => (err ? reject(err) : resolve())));
    appendJournal(db, 'export', { query, format, out: args.out ?? '(stdout)', rows: n });
    if (args.out) process.stderr.write(`exported ${n} events to ${args.out}\n`);
    return n;
  } finally {
    db.close();
  }
}
