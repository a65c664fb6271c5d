import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, toErrorInfo } from '../../../shared/errors.js';
import type { Db } from '../store/open.js';
import { appendJournal } from '../store/queries/journal.js';
import { recordS3Objects } from '../store/queries/s3-objects.js';
import { checkpointFileFor, openCheckpoints, type ObjectCheckpoint } from './s3-checkpoints.js';
import { classifyS3Error, createS3Client, type S3ClientOptions } from './s3-client.js';
import { DownloadIntegrityError, downloadObject, type DownloadedObject } from './s3-download.js';
import { importBatch, recordFailedObject } from './s3-import-batch.js';
import { globMatcher, isDigestKey, isFolderMarker, keyInRange, parseTimeRange, s3Url } from './s3-keys.js';
import { listObjects, planListing, type ListedObject, type ListTarget } from './s3-list.js';
import { Notifier, ProgressTracker, type S3PullProgress } from './s3-progress.js';

/**
 * Pulls an S3 prefix into the case: LIST (only the needed day folders when a range is given) -> skip objects whose
 * key + ETag were already brought in -> download the rest with bounded parallelism to temp files -> import them
 * through the local-file pipeline in batches -> checkpoint each object once its import has committed.
 * A re-run after a cancel, a crash or a kill continues where it stopped without duplicating a single event.
 */

export type { S3PullProgress } from './s3-progress.js';

export interface PullS3Options {
  db: Db;
  bucket: string;
  prefix?: string;
  /** ISO date or time; a date-only `until` includes that whole day. */
  since?: string;
  until?: string;
  /** Glob on the key's file name (`*.json.gz`), or on the whole key when it contains '/'. */
  pattern?: string;
  client: S3ClientOptions;
  /** Parallel downloads (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (p: S3PullProgress) => void;
  jobId: string;
  /** The events' `source` (default `s3://bucket/prefix`). */
  source?: string;
  /** Default `<case file>.s3-checkpoints.jsonl`. */
  checkpointFile?: string;
  /** Where objects are downloaded before import (default the OS temp dir). */
  tempDir?: string;
}

/** Provenance of one object brought into the case (stored in `s3_objects`, migration 0007). */
export interface S3ObjectNote {
  key: string;
  url: string;
  etag: string;
  versionId: string | null;
  sha256: string;
  /** SHA-256 of the decompressed content (gzip objects), what CloudTrail digests hash. */
  contentSha256: string | null;
  size: number;
  lastModified: string | null;
  importId: number | null;
  /** Events this object added to the case. */
  events: number;
  /** `skipped`: identical bytes were already in the case (e.g. a resumed pull), nothing added. */
  status: 'completed' | 'partial' | 'skipped';
}

export interface S3PullSummary {
  bucket: string;
  prefix: string;
  mode: 'days' | 'prefix';
  /** The prefixes whose objects were LISTed (day folders in `days` mode). */
  prefixes: string[];
  listRequests: number;
  /** Keys returned by LIST, before filtering. */
  scanned: number;
  /** Objects selected for this pull (after date range, pattern, digest and folder-marker filtering). */
  listed: number;
  skippedDigest: number;
  skippedUnchanged: number;
  imported: number;
  /** Downloaded, but the same bytes were already in the case: nothing added. */
  alreadyInCase: number;
  failed: { key: string; error: string }[];
  /** New events added. */
  events: number;
  records: number;
  duplicates: number;
  rejects: number;
  bytes: number;
  cancelled: boolean;
  /** Set when the pull gave up early because the source kept failing (the rest were not attempted). */
  stoppedEarly: string | null;
  elapsedMs: number;
  objects: S3ObjectNote[];
  checkpointFile: string;
}

const MAX_BATCH = 256;
const MAX_READY_BYTES = 256 * 1024 * 1024;
/** This many consecutive failures that are the source's fault (unreachable, auth) stop the pull. */
const GIVE_UP_AFTER = 8;

export async function pullS3(opts: PullS3Options): Promise<S3PullSummary> {
  const started = Date.now();
  const prefix = opts.prefix ?? '';
  const range = parseTimeRange(opts.since, opts.until);
  const matches = opts.pattern ? globMatcher(opts.pattern) : () => true;
  const signal = opts.signal ?? new AbortController().signal;
  const concurrency = Math.max(1, Math.min(64, opts.concurrency ?? 4));
  const client = createS3Client(opts.client);
  const checkpointFile = opts.checkpointFile ?? (opts.db.memory ? null : checkpointFileFor(opts.db.name));
  if (!checkpointFile) throw new AppError('INVALID_INPUT', 'an in-memory case needs an explicit checkpointFile');
  const checkpoints = openCheckpoints(checkpointFile);
  const source = opts.source ?? s3Url(opts.bucket, prefix).replace(/\/$/, '');
  const tracker = new ProgressTracker(opts.jobId, started, opts.onProgress);
  const summary: S3PullSummary = {
    bucket: opts.bucket, prefix, mode: 'prefix', prefixes: [], listRequests: 0, scanned: 0, listed: 0, skippedDigest: 0,
    skippedUnchanged: 0, imported: 0, alreadyInCase: 0, failed: [], events: 0, records: 0, duplicates: 0, rejects: 0,
    bytes: 0, cancelled: false, stoppedEarly: null, elapsedMs: 0, objects: [], checkpointFile,
  };
  const finish = () => {
    summary.cancelled = signal.aborted;
    summary.elapsedMs = Date.now() - started;
    tracker.update({ phase: 'done', current: null }, true);
    appendJournal(opts.db, 's3-pull', {
      jobId: opts.jobId, url: s3Url(opts.bucket, prefix), endpoint: opts.client.endpoint ?? null, region: opts.client.region ?? null,
      profile: opts.client.profile ?? null, since: opts.since ?? null, until: opts.until ?? null, pattern: opts.pattern ?? null,
      listed: summary.listed, skippedUnchanged: summary.skippedUnchanged, imported: summary.imported,
      failed: summary.failed.length, events: summary.events, cancelled: summary.cancelled, stoppedEarly: summary.stoppedEarly,
    });
    return summary;
  };

  // 1. LIST. A failure here (credentials, bucket, endpoint) fails the whole pull with a classified error.
  const todo: ListedObject[] = [];
  const ctx = { client, bucket: opts.bucket, signal, onRequest: () => tracker.update({ listRequests: ++summary.listRequests }) };
  try {
    const plan = await planListing(ctx, prefix, range);
    summary.mode = plan.mode;
    summary.prefixes = plan.targets.map((t: ListTarget) => t.prefix);
    tracker.update({ phase: 'listing' }, true);
    for (const target of plan.targets) {
      for await (const page of listObjects(ctx, target)) {
        summary.scanned += page.length;
        for (const obj of page) {
          if (isFolderMarker(obj.key, obj.size) || !keyInRange(obj.key, range) || !matches(obj.key)) continue;
          if (isDigestKey(obj.key)) {
            summary.skippedDigest++;
            continue;
          }
          summary.listed++;
          const seen = checkpoints.get(s3Url(opts.bucket, obj.key));
          if (seen && seen.etag === obj.etag) summary.skippedUnchanged++;
          else todo.push(obj);
        }
        tracker.update({ scanned: summary.scanned, listed: summary.listed, skippedUnchanged: summary.skippedUnchanged });
      }
    }
  } catch (err) {
    if (signal.aborted) {
      client.destroy();
      return finish();
    }
    const classified = classifyS3Error(err, opts.bucket, opts.client);
    recordFailedObject(opts.db, opts.jobId, s3Url(opts.bucket, prefix), classified.message);
    client.destroy();
    throw classified;
  }
  tracker.update({ phase: 'downloading', objectsTotal: todo.length, bytesTotal: todo.reduce((n, o) => n + o.size, 0) }, true);

  // 2. Download with bounded parallelism while the importer drains finished downloads in batches.
  const tmp = fs.mkdtempSync(path.join(opts.tempDir ?? os.tmpdir(), 'auditlens-s3-'));
  const ready: { obj: ListedObject; dl: DownloadedObject }[] = [];
  let readyBytes = 0;
  let next = 0;
  let running = concurrency;
  let consecutiveSourceFailures = 0;
  const stop = new AbortController();
  const combined = AbortSignal.any([signal, stop.signal]);
  const wakeImporter = new Notifier();
  const wakeDownloaders = new Notifier();
  const wakeAll = () => {
    wakeImporter.notify();
    wakeDownloaders.notify();
  };
  combined.addEventListener('abort', wakeAll, { once: true });
  const fail = (key: string, error: string) => {
    summary.failed.push({ key, error });
    recordFailedObject(opts.db, opts.jobId, s3Url(opts.bucket, key), error);
    tracker.update({ failed: summary.failed.length, objectsDone: tracker.value.objectsDone + 1 });
  };

  const downloader = async () => {
    while (!combined.aborted) {
      while (ready.length > 0 && (ready.length >= MAX_BATCH * 2 || readyBytes >= MAX_READY_BYTES) && !combined.aborted) {
        await wakeDownloaders.wait();
      }
      const i = next++;
      if (i >= todo.length || combined.aborted) break;
      const obj = todo[i];
      const file = path.join(tmp, `${i}-${path.basename(obj.key).replace(/[^\w.-]/g, '_').slice(-100) || 'object'}`);
      try {
        const dl = await downloadObject(client, opts.bucket, obj.key, file, {
          signal: combined,
          onBytes: (n) => tracker.update({ bytesDone: tracker.value.bytesDone + n }),
          hashContent: true,
        });
        consecutiveSourceFailures = 0;
        ready.push({ obj, dl });
        readyBytes += dl.bytes;
        wakeImporter.notify();
      } catch (err) {
        if (combined.aborted) break;
        const info =
          err instanceof DownloadIntegrityError
            ? { code: err.code, message: `${s3Url(opts.bucket, obj.key)}: ${err.message}` }
            : toErrorInfo(classifyS3Error(err, opts.bucket, opts.client, obj.key));
        fail(obj.key, info.message);
        const sourceFault = info.code === 'SOURCE_UNREACHABLE' || info.code === 'SOURCE_AUTH';
        consecutiveSourceFailures = sourceFault ? consecutiveSourceFailures + 1 : 0;
        if (consecutiveSourceFailures >= GIVE_UP_AFTER && !stop.signal.aborted) {
          summary.stoppedEarly = `stopped after ${GIVE_UP_AFTER} consecutive failures (last: ${info.message}); ${todo.length - next} object(s) not attempted, pull again to retry`;
          stop.abort();
        }
      }
    }
    running--;
    wakeImporter.notify();
  };

  const importer = async () => {
    for (;;) {
      // Downloads still waiting when the user cancels are dropped (their temp dir goes below); a re-run fetches them.
      if (signal.aborted) return;
      if (ready.length === 0) {
        if (running === 0) return;
        await wakeImporter.wait();
        continue;
      }
      const batch = ready.splice(0, MAX_BATCH);
      readyBytes -= batch.reduce((n, b) => n + b.dl.bytes, 0);
      wakeDownloaders.notify();
      const base = { records: summary.records, inserted: summary.events, duplicates: summary.duplicates, rejects: summary.rejects };
      const items = batch.map((b) => ({ file: b.dl.file, url: s3Url(opts.bucket, b.obj.key) }));
      const { progress, outcomes } = await importBatch(opts.db, items, { jobId: opts.jobId, source }, signal, (p) =>
        tracker.update({
          current: p.current, records: base.records + p.records, inserted: base.inserted + p.inserted,
          duplicates: base.duplicates + p.duplicates, rejects: base.rejects + p.rejects,
        }),
      );
      summary.records += progress.records;
      summary.events += progress.inserted;
      summary.duplicates += progress.duplicates;
      summary.rejects += progress.rejects;
      const done: ObjectCheckpoint[] = [];
      let failedHere = 0;
      for (const { obj, dl } of batch) {
        fs.rmSync(dl.file, { force: true });
        const url = s3Url(opts.bucket, obj.key);
        const row = outcomes.get(url);
        if (!row || row.status === 'cancelled' || row.status === 'running') continue;
        if (row.status === 'failed') {
          summary.failed.push({ key: obj.key, error: row.message ?? 'import failed' });
          failedHere++;
          continue;
        }
        const note: S3ObjectNote = {
          key: obj.key, url, etag: dl.etag || obj.etag, versionId: dl.versionId, sha256: dl.sha256,
          contentSha256: dl.contentSha256, size: dl.bytes, lastModified: dl.lastModified ?? obj.lastModified,
          importId: row.importId, events: row.inserted, status: row.status,
        };
        summary.objects.push(note);
        summary.bytes += dl.bytes;
        if (row.status === 'skipped') summary.alreadyInCase++;
        else summary.imported++;
        const { key: _key, contentSha256: _content, events: _events, ...rest } = note;
        done.push({ ...rest, endpoint: opts.client.endpoint ?? null, at: new Date().toISOString() });
      }
      recordS3Objects(
        opts.db,
        summary.objects.slice(summary.objects.length - done.length).map((n) => ({
          bucket: opts.bucket, key: n.key, url: n.url, etag: n.etag, versionId: n.versionId, sha256: n.sha256,
          contentSha256: n.contentSha256, bytes: n.size, lastModified: n.lastModified, importId: n.importId,
        })),
      );
      // Checkpoint only after the batch's transactions committed: a kill before this line re-imports nothing new.
      checkpoints.record(done);
      tracker.update({ objectsDone: tracker.value.objectsDone + done.length + failedHere, failed: summary.failed.length }, true);
    }
  };

  try {
    await Promise.all([...Array.from({ length: concurrency }, downloader), importer()]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
    client.destroy();
  }
  return finish();
}
