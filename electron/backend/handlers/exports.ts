import { AppError } from '../../../shared/errors.js';
import { checkExplicitPath, defaultExportPath, type ExportRequest } from '../export/run-export.js';
import type { ExportWorkerData } from '../export/export-worker.js';
import { failStartedExport, getExport, insertExport, listExports, setExportJob } from '../store/queries/exports.js';
import { whereClause } from '../store/query-sql.js';
import type { HandlerMap } from './types.js';

export const exportHandlers: HandlerMap<'export:start' | 'export:list' | 'export:get' | 'export:cancel'> = {
  'export:start': ({ name, format, query, order, limit, outPath }, ctx) => {
    const now = ctx.now();
    whereClause(query, now); // a query that does not parse is refused here, with its column, before any file exists
    const out = outPath ? checkExplicitPath(outPath) : defaultExportPath(ctx.caseFile, name, format);
    const exportId = insertExport(ctx.db, {
      jobId: null, name, format, query, order, outPath: out, rowLimit: limit ?? null, origin: 'ui', startedAt: now.toISOString(),
    });
    const request: ExportRequest = { exportId, name, format, query, order, limit: limit ?? null, outPath: out, now: now.toISOString() };
    const caseFile = ctx.caseFile;
    const db = ctx.db;
    const { jobId, done } = ctx.jobs.startWorker('export', '../export/export-worker', (id): Omit<ExportWorkerData, 'nativeBinding'> => ({
      caseFile, request, jobId: id,
    }));
    setExportJob(db, exportId, jobId);
    // The worker records its own outcome; a worker that died before it could (crash, failed start) is recorded here.
    void done.then((job) => {
      if (job.status === 'completed' || !db.open) return;
      failStartedExport(db, exportId, job.status === 'cancelled' ? 'cancelled' : 'failed', job.error ?? `export worker ended (${job.status})`);
    });
    return { jobId, exportId, outPath: out };
  },
  'export:list': ({ limit }, ctx) => listExports(ctx.db, limit),
  'export:get': ({ id }, ctx) => {
    const row = getExport(ctx.db, id);
    if (!row) throw new AppError('NOT_FOUND', `no export #${id} in this case`);
    return row;
  },
  'export:cancel': ({ jobId }, ctx) => {
    const job = ctx.jobs.list().find((j) => j.jobId === jobId);
    if (job && job.kind !== 'export') throw new AppError('INVALID_INPUT', `job ${jobId} is an ${job.kind}, not an export`);
    return { cancelled: ctx.jobs.cancel(jobId) };
  },
};

