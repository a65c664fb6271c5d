import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { planPack, previewPack } from '../packs/plan.js';
import type { PackWorkerData } from '../packs/pack-worker.js';
import { verifyPack } from '../packs/verify.js';
import { insertPack, listPacks, markInterruptedPacks, recordedPackSha256 } from '../store/queries/packs.js';
import type { HandlerMap } from './types.js';

/** Evidence packs: preview counts, build as a worker job, history, verification of any pack zip. */

function defaultOutPath(caseFile: string, type: string, from: string, to: string, packId: string): string {
  const day = (iso: string) => new Date(iso).toISOString().slice(0, 10);
  return path.join(`${caseFile}.packs`, `${type}-${day(from)}-${day(to)}-${packId.slice(0, 8)}.zip`);
}

export const packHandlers: HandlerMap<'pack:preview' | 'pack:build' | 'pack:cancel' | 'pack:list' | 'pack:verify'> = {
  'pack:preview': (request, ctx) => previewPack(ctx.db, request),
  'pack:build': ({ outPath, ...request }, ctx) => {
    // Plan now so a bad query or period is an error of this call, not of a job that fails later.
    planPack(ctx.db, request);
    const packId = randomUUID();
    const out = path.resolve(outPath ?? defaultOutPath(ctx.caseFile, request.type, request.from, request.to, packId));
    if (!out.toLowerCase().endsWith('.zip')) throw new AppError('INVALID_INPUT', `pack:build: the output must be a .zip file (${out})`);
    const { jobId } = ctx.jobs.startWorker('pack', '../packs/pack-worker', (id): Omit<PackWorkerData, 'nativeBinding'> => {
      insertPack(ctx.db, {
        id: packId, jobId: id, type: request.type, from: request.from, to: request.to,
        query: request.query ?? (request.tagged ? '(tagged events)' : ''), request: JSON.stringify(request), outPath: out,
        createdAt: ctx.now().toISOString(),
      });
      return { jobId: id, caseFile: ctx.caseFile, packId, outPath: out, request };
    });
    return { jobId, packId, outPath: out };
  },
  'pack:cancel': ({ jobId }, ctx) => ({ cancelled: ctx.jobs.cancel(jobId) }),
  'pack:list': ({ limit }, ctx) => {
    // With no pack job running in this process, a 'running' row was left by a process that stopped mid-build.
    if (!ctx.jobs.list().some((j) => j.kind === 'pack' && j.status === 'running')) markInterruptedPacks(ctx.db);
    return listPacks(ctx.db, limit);
  },
  // A pack built in this case is also checked against the zip's SHA-256 recorded at build time.
  'pack:verify': ({ path: file }, ctx) => {
    const resolved = path.resolve(file);
    return verifyPack(resolved, { expectedSha256: recordedPackSha256(ctx.db, resolved) ?? undefined });
  },
};
