import { AppError } from '../../../shared/errors.js';
import { fetchPage, parseJsonPage } from '../sources/api/http.js';
import { normalizeSince, recordsOf } from '../sources/api/page-records.js';
import { describeRequest } from '../sources/api/paging.js';
import { presetFor, presetInfos } from '../sources/api/presets/index.js';
import { authHeaders, resolveSecret } from '../sources/api/secrets.js';
import type { PullWorkerData } from '../sources/api/pull-worker.js';
import { readPublicKeys } from '../sources/cloudtrail-digest.js';
import { testS3Source } from '../sources/s3-source-pull.js';
import { getS3Source, saveS3Source, sourceKind } from '../store/queries/s3-sources.js';
import { getSource, listPulls, listSources, pagesOfSource, saveSource } from '../store/queries/sources.js';
import type { Db } from '../store/open.js';
import type { SourceInfo } from '../../../shared/contract/sources.js';
import type { HandlerMap } from './types.js';

/** Source name -> the pull job running for it (one pull per source at a time: both would move one checkpoint). */
const pulling = new Map<string, string>();


/** Remote API and S3 sources: configure, test the connection, pull as a worker job, read the pull history. */
export const sourceHandlers: HandlerMap<
  'sources:list' | 'sources:presets' | 'sources:save' | 'source:test' | 'source:pull' | 'source:history'
> = {
  'sources:list': (_input, ctx) => listSources(ctx.db),
  'sources:presets': () => presetInfos(),
  'sources:save': (input, ctx) => {
    if ('kind' in input) {
      // A wrong key path should show up in the form, not after a whole pull.
      if (input.config.validate && input.config.publicKeyPath) readPublicKeys(input.config.publicKeyPath);
      saveS3Source(ctx.db, input.name, input.config);
      return savedSource(ctx.db, input.name);
    }
    const { name, preset, config } = input;
    const p = presetFor(preset, config.params);
    normalizeSince(config.since);
    // Building the first request checks the preset's required parameters before anything is stored.
    p.first({ baseUrl: config.baseUrl, params: config.params, since: null, pageSize: config.pageSize ?? 100, now: ctx.now() });
    saveSource(ctx.db, name, preset, config);
    return savedSource(ctx.db, name);
  },
  /** Asks for the first page of a fresh listing (one page, one retry) and reports how many records it held. */
  'source:test': async ({ name, token, s3Keys }, ctx) => {
    if (sourceKind(ctx.db, name) === 's3') {
      const { url, sampleKeys } = await testS3Source(getS3Source(ctx.db, name).config, s3Keys);
      return { ok: true as const, url, status: 200, records: sampleKeys.length, sampleKeys };
    }
    const source = getSource(ctx.db, name);
    const preset = presetFor(source.preset, source.config.params);
    const headers = authHeaders(source.config.auth, preset, resolveSecret(name, source.config.auth, token));
    const req = preset.first({
      baseUrl: source.config.baseUrl, params: source.config.params, since: normalizeSince(source.config.since),
      pageSize: Math.min(source.config.pageSize ?? 10, 10), now: ctx.now(),
    });
    const res = await fetchPage(req, { headers, signal: AbortSignal.timeout(30_000), maxRetries: 1, maxWaitMs: 5000, timeoutMs: 20_000 });
    const records = recordsOf(req, parseJsonPage(req, res), preset.recordsKey);
    return { ok: true as const, url: describeRequest(req), status: res.status, records: records.length };
  },
  'source:pull': ({ name, token, s3Keys }, ctx) => {
    // Say at once when there is no token, rather than through a failed job.
    if (sourceKind(ctx.db, name) === 'api') resolveSecret(name, getSource(ctx.db, name).config.auth, token);
    const key = `${ctx.caseFile}\0${name}`;
    const running = pulling.get(key);
    if (running) throw new AppError('INVALID_INPUT', `source ${name} is already being pulled (job ${running}); wait for it or cancel it`);
    const { jobId, done } = ctx.jobs.startWorker('pull', '../sources/api/pull-worker', (id): PullWorkerData => ({
      caseFile: ctx.caseFile, name, token, s3Keys, jobId: id,
    }));
    pulling.set(key, jobId);
    void done.finally(() => pulling.delete(key));
    return { jobId };
  },
  'source:history': ({ name, limit }, ctx) => {
    sourceKind(ctx.db, name);
    return { pulls: listPulls(ctx.db, name, limit), pages: pagesOfSource(ctx.db, name, limit) };
  },
};

function savedSource(db: Db, name: string): SourceInfo {
  const saved = listSources(db).find((s) => s.name === name);
  if (!saved) throw new AppError('INTERNAL', `source ${name} was not saved`);
  return saved;
}
