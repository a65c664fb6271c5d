import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JobProgress } from '../../../../shared/contract/channels.js';
import { toErrorInfo, type ErrorInfo } from '../../../../shared/errors.js';
import type { Db } from '../../store/open.js';
import { finishImport, startImport } from '../../store/queries/imports.js';
import { appendJournal } from '../../store/queries/journal.js';
import {
  getSource, loadCheckpoint, markInterruptedPulls, saveCheckpoint, startPull, updatePull, type StoredCheckpoint,
} from '../../store/queries/sources.js';
import { importBatch, recordFailedObject } from '../s3-import-batch.js';
import { fetchPage, parseJsonPage, type HttpOptions } from './http.js';
import { laterOf, latestTime, normalizeSince, recordBytes, recordsOf } from './page-records.js';
import { describeRequest } from './paging.js';
import { presetFor } from './presets/index.js';
import { authHeaders, resolveSecret } from './secrets.js';
import type { ApiRequest, ListingContext } from './types.js';

/**
 * Pulls a configured API source into the case, page by page: fetch -> cut the records array out of the body ->
 * import it through the same pipeline and vendor normalizers as a local file (named by the page's URL + cursor, so
 * provenance and the import log point at the page) -> save the checkpoint. A kill between two steps costs nothing:
 * the re-run asks for the same page again and the pipeline adds nothing it already has (page SHA-256, vendor id).
 */

/** The pipeline could not import a page (its import row says why). */
class PageImportFailed extends Error {}

export interface PullApiOptions {
  db: Db;
  name: string;
  jobId: string;
  /** A token for this pull only (typed in the UI or at the prompt); else the source's environment variable. */
  token?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onProgress?: (p: JobProgress) => void;
  http?: Pick<HttpOptions, 'sleep' | 'maxRetries' | 'backoffMs' | 'maxWaitMs' | 'timeoutMs'>;
  /** Safety bound on pages per run (default 100,000): a cursor that never stops cannot hold the pull forever. */
  maxPages?: number;
  now?: Date;
  tempDir?: string;
}

export interface ApiPullSummary {
  source: string;
  preset: string;
  pages: number;
  emptyPages: number;
  records: number;
  inserted: number;
  duplicates: number;
  rejects: number;
  retries: number;
  /** The listing reached its end (or the polling cursor's present); false when stopped by an error, cancel or limit. */
  caughtUp: boolean;
  cancelled: boolean;
  error: ErrorInfo | null;
  /** The request the next pull starts with (null: a fresh listing from `since`). */
  next: string | null;
  since: string | null;
  elapsedMs: number;
}

export async function pullApiSource(opts: PullApiOptions): Promise<ApiPullSummary> {
  const started = Date.now();
  const { db, name, jobId } = opts;
  const signal = opts.signal ?? new AbortController().signal;
  const source = getSource(db, name);
  const preset = presetFor(source.preset, source.config.params);
  const headers = authHeaders(source.config.auth, preset, resolveSecret(name, source.config.auth, opts.token, opts.env));
  let cp: StoredCheckpoint = loadCheckpoint(db, name) ?? { next: null, since: normalizeSince(source.config.since), high: null, pages: 0 };
  const ctx: ListingContext = {
    baseUrl: source.config.baseUrl, params: source.config.params, since: cp.since, pageSize: source.config.pageSize ?? 1000,
    now: opts.now ?? new Date(),
  };
  const summary: ApiPullSummary = {
    source: name, preset: preset.id, pages: 0, emptyPages: 0, records: 0, inserted: 0, duplicates: 0, rejects: 0, retries: 0,
    caughtUp: false, cancelled: false, error: null, next: null, since: cp.since, elapsedMs: 0,
  };
  const progress: JobProgress = {
    jobId, kind: 'pull', current: null, filesDone: 0, filesTotal: 0, records: 0, inserted: 0, duplicates: 0, rejects: 0,
    bytesRead: 0, bytesTotal: 0, rate: 0, elapsedMs: 0,
  };
  const report = () => {
    Object.assign(progress, { filesDone: summary.pages, records: summary.records, inserted: summary.inserted, duplicates: summary.duplicates, rejects: summary.rejects });
    progress.elapsedMs = Date.now() - started;
    progress.rate = progress.elapsedMs > 0 ? Math.round((summary.records * 1000) / progress.elapsedMs) : 0;
    opts.onProgress?.({ ...progress });
  };
  markInterruptedPulls(db, name);
  const pullId = startPull(db, name, jobId);
  const tmp = fs.mkdtempSync(path.join(opts.tempDir ?? os.tmpdir(), 'auditlens-api-'));
  const maxPages = opts.maxPages ?? 100_000;
  let req: ApiRequest | null = null;
  try {
    req = cp.next ?? preset.first(ctx);
    while (!signal.aborted && summary.pages < maxPages) {
      const where = describeRequest(req);
      progress.current = where;
      report();
      const res = await fetchPage(req, {
        headers, signal, ...opts.http, onRetry: () => summary.retries++,
      });
      progress.bytesRead += res.bytes.length;
      const body = parseJsonPage(req, res);
      const records = recordsOf(req, body, preset.recordsKey);
      const step = preset.next({ request: req, status: res.status, headers: res.headers, body, records }, ctx);
      if (records.length > 0) {
        const file = path.join(tmp, `page-${summary.pages}.json`);
        fs.writeFileSync(file, recordBytes(res.bytes, preset.recordsKey, records));
        const { progress: p, outcomes } = await importBatch(db, [{ file, url: where }], { jobId, source: name }, signal, () => {});
        fs.rmSync(file, { force: true });
        summary.records += p.records;
        summary.inserted += p.inserted;
        summary.duplicates += p.duplicates;
        summary.rejects += p.rejects;
        const row = outcomes.get(where);
        if (signal.aborted || row?.status === 'cancelled') break;
        if (row?.status === 'failed') throw new PageImportFailed(row.message ?? `${where}: import failed`);
      } else {
        summary.emptyPages++;
        const id = startImport(db, jobId, where, null, res.bytes.length);
        finishImport(db, id, 'completed', preset.pollsFromCursor ? 'no new events; the cursor is kept for the next pull' : 'no events');
      }
      summary.pages++;
      const high = laterOf(cp.high, latestTime(records, preset.timeField));
      const caughtUp = records.length === 0 || step.next === null || step.tail;
      if (!caughtUp && step.next) {
        cp = { next: step.next, since: cp.since, high, pages: cp.pages + 1 };
        saveCheckpoint(db, name, cp, describeRequest(step.next));
        updatePull(db, pullId, summary);
        req = step.next;
        continue;
      }
      const keep = preset.pollsFromCursor ? (step.next ?? req) : null;
      cp = { next: keep, since: laterOf(cp.since, high), high, pages: cp.pages + 1 };
      saveCheckpoint(db, name, cp, keep ? describeRequest(keep) : null);
      summary.caughtUp = true;
      break;
    }
  } catch (err) {
    if (!signal.aborted) {
      summary.error = toErrorInfo(err);
      // A page the pipeline failed already has its failed import row; anything else gets one here.
      if (!(err instanceof PageImportFailed)) {
        recordFailedObject(db, jobId, req ? describeRequest(req) : source.config.baseUrl, summary.error.message);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  summary.cancelled = signal.aborted;
  summary.next = cp.next ? describeRequest(cp.next) : null;
  summary.since = cp.since;
  summary.elapsedMs = Date.now() - started;
  const status = summary.error ? 'failed' : summary.cancelled ? 'cancelled' : 'completed';
  updatePull(db, pullId, summary, { status, error: summary.error?.message ?? null });
  appendJournal(db, 'api-pull', {
    jobId, source: name, preset: preset.id, baseUrl: source.config.baseUrl, pages: summary.pages, records: summary.records,
    inserted: summary.inserted, duplicates: summary.duplicates, caughtUp: summary.caughtUp, cancelled: summary.cancelled,
    error: summary.error?.message ?? null,
  });
  progress.current = null;
  report();
  return summary;
}
