import path from 'node:path';
import { ExportFormatSchema, ExportNameSchema, type ExportFormat } from '../../../shared/contract/exports.js';
import { exportEvents, recordExportOutcome, runExport, type ExportRequest } from '../../backend/export/run-export.js';
import { ExportCancelled, writeEvents } from '../../backend/export/write-events.js';
import { openCase } from '../../backend/store/open.js';
import type { Db } from '../../backend/store/open.js';
import { insertExport, listExports, type ExportOutcome } from '../../backend/store/queries/exports.js';
import { whereClause } from '../../backend/store/query-sql.js';
import { requireCase } from '../case-arg.js';
import { UsageError } from '../usage.js';
import { parseLimit, parseOrder } from './query.js';

/**
 * `auditlens export`: every matching event (or the first --limit, flagged) to --out or stdout, through the same
 * writer and the same history as the UI's export job. Runs in this process: the CLI is the background task.
 */

interface ExportArgs { positionals: string[]; case?: string; format?: string; out?: string; order?: string; name?: string; limit?: string }

function exportName(args: ExportArgs, startedAt: string): string {
  const raw = args.name ?? (args.out ? path.basename(args.out, path.extname(args.out)) : `cli export ${startedAt.replace(/:/g, '-')}`);
  const parsed = ExportNameSchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`export: --name '${raw}': ${parsed.error.issues[0].message}`);
  return parsed.data;
}

async function toStdout(db: Db, req: ExportRequest, signal: AbortSignal): Promise<ExportOutcome> {
  let outcome: ExportOutcome;
  try {
    const r = await writeEvents(process.stdout, exportEvents(db, req.query, req.order, req.limit, new Date(req.now)), {
      format: req.format, query: req.query, limit: req.limit, signal,
    });
    outcome = { status: 'completed', ...r, error: null };
  } catch (err) {
    const cancelled = err instanceof ExportCancelled;
    outcome = { status: cancelled ? 'cancelled' : 'failed', rows: 0, bytes: 0, sha256: null, truncated: false, error: cancelled ? 'cancelled (interrupted)' : (err as Error).message };
  }
  recordExportOutcome(db, req, outcome);
  return outcome;
}

export async function exportCommand(args: ExportArgs): Promise<ExportOutcome> {
  const caseFile = requireCase(args.case, 'export');
  const format = ExportFormatSchema.safeParse(args.format);
  if (!format.success) throw new UsageError('export: --format jsonl|csv|json is required');
  const query = args.positionals.join(' ');
  const order = parseOrder(args.order, 'asc');
  const limit = args.limit === undefined ? null : parseLimit(args.limit, 0);
  if (limit === 0) throw new UsageError('export: --limit must be at least 1 (leave it out to export every matching event)');
  const now = new Date();
  const startedAt = now.toISOString();
  const name = exportName(args, startedAt);
  const db = openCase(caseFile, { create: false });
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    whereClause(query, now); // a bad query fails before the history gets a row
    const outPath = args.out ? path.resolve(args.out) : '(stdout)';
    const fmt: ExportFormat = format.data;
    const exportId = insertExport(db, { jobId: null, name, format: fmt, query, order, outPath, rowLimit: limit, origin: 'cli', startedAt });
    const req: ExportRequest = { exportId, name, format: fmt, query, order, limit, outPath, now: startedAt };
    const outcome = args.out ? await runExport(db, req, controller.signal, () => {}) : await toStdout(db, req, controller.signal);
    const where = args.out ? ` to ${outPath}` : '';
    if (outcome.status === 'completed') {
      process.stderr.write(`exported ${outcome.rows} events${where} (export #${exportId}, ${outcome.bytes} bytes, sha256 ${outcome.sha256})\n`);
      if (outcome.truncated) process.stderr.write(`auditlens: warning: more events match; only the first ${limit} were exported (--limit)\n`);
    } else {
      process.stderr.write(`auditlens: export #${exportId} ${outcome.status}: ${outcome.error}\n`);
    }
    return outcome;
  } finally {
    process.off('SIGINT', stop);
    db.close();
  }
}

/** `auditlens exports`: the export history, oldest first, one export per line (tab-separated). */
export function exportsCommand(args: { case?: string }): void {
  const db = openCase(requireCase(args.case, 'exports'), { create: false });
  try {
    process.stdout.write('id\tstarted\tstatus\torigin\tname\tformat\trows\tbytes\tlimit\tquery\tfile\tsha256\terror\n');
    for (const r of listExports(db, 100_000).reverse()) {
      const limit = r.rowLimit === null ? '-' : `${r.rowLimit}${r.truncated ? ' (truncated)' : ''}`;
      process.stdout.write(
        [r.id, r.startedAt, r.status, r.origin, r.name, r.format, r.rows, r.bytes, limit, r.query || '(all events)', r.outPath, r.sha256 ?? '-', r.error ?? '']
          .map((v) => String(v).replace(/[\t\r\n]/g, ' '))
          .join('\t') + '\n',
      );
    }
  } finally {
    db.close();
  }
}
