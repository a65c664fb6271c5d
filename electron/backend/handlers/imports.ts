import { sourceCoverage } from '../store/queries/coverage.js';
import { listImports, listRejects } from '../store/queries/imports.js';
import type { HandlerMap } from './types.js';

export const importHandlers: HandlerMap<
  'import:start' | 'import:cancel' | 'jobs:list' | 'imports:list' | 'rejects:list' | 'sources:coverage'
> = {
  'import:start': ({ paths, names, source, mapping }, ctx) => {
    const { jobId } = ctx.jobs.startImport(ctx.caseFile, { paths, names, source, mapping });
    return { jobId };
  },
  'import:cancel': ({ jobId }, ctx) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  'jobs:list': (_input, ctx) => ctx.jobs.list(),
  'imports:list': ({ limit }, ctx) => listImports(ctx.db, limit),
  'rejects:list': ({ importId, limit }, ctx) => listRejects(ctx.db, importId, limit),
  'sources:coverage': (_input, ctx) => sourceCoverage(ctx.db),
};
