import type { Order } from '../../../shared/contract/channels.js';
import type { AuditEvent } from '../../../shared/model/event.js';
import { whereClause } from '../../backend/store/query-sql.js';
import { withS3Integrity } from '../../backend/export/s3-integrity.js';
import { iterateEvents } from '../../backend/store/queries/events.js';
import { openCase } from '../../backend/store/open.js';
import { encoderFor } from '../../backend/export/format-writer.js';
import { requireCase } from '../case-arg.js';
import { UsageError } from '../usage.js';

type OutFormat = 'table' | 'jsonl' | 'csv' | 'json';

export function parseOrder(value: string | undefined, fallback: Order): Order {
  if (value === undefined) return fallback;
  if (value !== 'asc' && value !== 'desc') throw new UsageError(`--order must be asc or desc, not '${value}'`);
  return value;
}

export function parseLimit(value: string | undefined, fallback: number): number {
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

/** csv and jsonl through the export encoder (the same bytes as an export), table as aligned columns. */
function writeAll(out: NodeJS.WritableStream, events: Iterable<AuditEvent>, format: OutFormat): number {
  const encoder = format === 'table' ? null : encoderFor(format);
  let n = 0;
  out.write(encoder ? encoder.header : TABLE_HEADER);
  for (const e of events) {
    out.write(encoder ? encoder.event(e, n) : tableLine(e));
    n++;
  }
  if (encoder) out.write(encoder.footer(n));
  return n;
}

function runQuery(caseFile: string, query: string, order: Order, limit: number) {
  const db = openCase(caseFile, { create: false });
  return { db, events: withS3Integrity(db, iterateEvents(db, whereClause(query), order, limit)) };
}

export function queryCommand(args: { positionals: string[]; case?: string; limit?: string; format?: string; order?: string }): number {
  const caseFile = requireCase(args.case, 'query');
  const format = (args.format ?? 'table') as OutFormat;
  if (!['table', 'jsonl', 'csv', 'json'].includes(format)) throw new UsageError(`query: --format must be table, jsonl, csv or json`);
  const { db, events } = runQuery(caseFile, args.positionals.join(' '), parseOrder(args.order, 'desc'), parseLimit(args.limit, 50));
  try {
    return writeAll(process.stdout, events, format);
  } finally {
    db.close();
  }
}
