import fs from 'node:fs';
import path from 'node:path';
import type { JobProgress } from '../../../shared/contract/channels.js';
import type { MappingProfile } from '../../../shared/model/mapping.js';
import type { Db } from '../store/open.js';
import { appendJournal } from '../store/queries/journal.js';
import {
  completedImportOf,
  createRejectWriter,
  finishImport,
  startImport,
  updateImportCounts,
  type ImportTotals,
} from '../store/queries/imports.js';
import { createEventWriter } from '../store/queries/insert-events.js';
import { shouldDeferIndexes } from '../store/lookup-indexes.js';
import { createBulkWriter, type BulkWriter } from '../store/bulk-load.js';
import { rowChunks } from './event-id.js';
import { expandPaths, hashFile } from './file-hash.js';
import { describeFsError } from './readers/source.js';
import { parseFile, type ParseRequest } from './parse-file.js';
import { parseFileInWorker } from './parse-in-worker.js';
import { mappingIdentity } from './formats/mapped.js';

/**
 * The import pipeline for local files: a parse worker reads (streams), detects the format on a sample and
 * normalizes (ingest/parse-file.ts); this side, itself in the import worker thread, hashes each file, keeps the
 * import log and writes batches of one transaction each. Two threads keep both cores busy, and neither is the
 * thread that answers the UI. Every record ends up inserted, counted as a duplicate, or stored as a reject.
 */

export interface ImportRequest {
  paths: string[];
  /** Display names (uploaded files), parallel to paths. */
  names?: string[];
  source?: string;
  jobId: string;
  /** Field mapping for records no format module recognises (CLI --mapping FILE). */
  mapping?: MappingProfile;
}

// One transaction per batch, or per 25 batches in a bulk load (store/bulk-load.ts): a kill mid-import leaves whole
// batches (the kill test relies on this size).
const BATCH_SIZE = 2000;
const PROGRESS_INTERVAL_MS = 200;
const PARSE_WORKER_MIN_BYTES = 8 * 1024 * 1024;

export async function runImport(
  db: Db,
  request: ImportRequest,
  signal: AbortSignal,
  onProgress: (p: JobProgress) => void,
): Promise<JobProgress> {
  const started = Date.now();
  const { files, errors } = await expandPaths(request.paths);
  const displayNames = new Map(request.paths.map((p, i) => [p, request.names?.[i] ?? p]));
  const progress: JobProgress = {
    jobId: request.jobId, kind: 'import', current: null, filesDone: 0, filesTotal: files.length + errors.length,
    records: 0, inserted: 0, duplicates: 0, rejects: 0, bytesRead: 0, bytesTotal: 0, rate: 0, elapsedMs: 0,
  };
  for (const f of files) progress.bytesTotal += fs.statSync(f).size;
  let lastEmit = 0;
  const emit = (force = false) => {
    const now = Date.now();
    if (!force && now - lastEmit < PROGRESS_INTERVAL_MS) return;
    lastEmit = now;
    progress.elapsedMs = now - started;
    progress.rate = progress.elapsedMs > 0 ? Math.round((progress.records * 1000) / progress.elapsedMs) : 0;
    onProgress({ ...progress });
  };

  const rejectWriter = createRejectWriter(db);
  for (const { path: bad, reason } of errors) {
    const importId = startImport(db, request.jobId, bad, null, 0);
    finishImport(db, importId, 'failed', `${bad}: ${reason}`);
    progress.filesDone++;
  }

  const existing = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
  // A bulk load starts only once something is about to be written: a re-import that is skipped by its SHA-256
  // must not cost a rebuild of every index.
  const load = createBulkWriter(db, shouldDeferIndexes(existing, progress.bytesTotal));
  try {
    for (const file of files) {
      if (signal.aborted) break;
      const display = displayNames.get(file) ?? file;
      progress.current = path.basename(display);
      emit(true);
      await importOneFile(db, file, display, request, signal, progress, emit, rejectWriter, load);
      progress.filesDone++;
    }
  } finally {
    if (load.started) {
      progress.current = 'building indexes';
      emit(true);
    }
    load.finish();
  }
  progress.current = null;
  emit(true);
  appendJournal(db, 'import', {
    jobId: request.jobId, paths: request.names ?? request.paths, records: progress.records, inserted: progress.inserted,
    duplicates: progress.duplicates, rejects: progress.rejects, cancelled: signal.aborted,
  });
  return progress;
}

async function importOneFile(
  db: Db,
  file: string,
  display: string,
  request: ImportRequest,
  signal: AbortSignal,
  progress: JobProgress,
  emit: (force?: boolean) => void,
  writeReject: ReturnType<typeof createRejectWriter>,
  load: BulkWriter,
): Promise<void> {
  const bytesBefore = progress.bytesRead;
  const parseRequest: ParseRequest = {
    file, display, source: request.source ?? path.basename(display), sha256: null, chunkSize: BATCH_SIZE,
    mapping: request.mapping,
  };
  // A big file starts parsing in its worker while this thread hashes it (the parser is the slower side of a big
  // import); the chunks wait until the hash says the file is new, and a skip or a failure stops the worker.
  // Small files parse on this thread after the hash: a worker's start-up would cost more than it saves (S3 pulls
  // bring thousands of small objects).
  const stopParse = new AbortController();
  const parseSignal = AbortSignal.any([signal, stopParse.signal]);
  const early = fs.statSync(file).size >= PARSE_WORKER_MIN_BYTES ? parseFileInWorker(parseRequest, parseSignal) : null;
  let digest: { sha256: string; bytes: number };
  try {
    digest = await hashFile(file, signal);
  } catch (err) {
    stopParse.abort();
    if (signal.aborted) return;
    const importId = startImport(db, request.jobId, display, null, 0);
    finishImport(db, importId, 'failed', `${display}: ${describeFsError(err)}`);
    return;
  }
  const mapping = request.mapping ? mappingIdentity(request.mapping) : null;
  const previous = completedImportOf(db, digest.sha256, mapping);
  const importId = startImport(db, request.jobId, display, digest.sha256, digest.bytes, mapping);
  if (previous) {
    stopParse.abort();
    finishImport(db, importId, 'skipped', `already imported (import #${previous.id}, same SHA-256); nothing added`);
    progress.bytesRead = bytesBefore + digest.bytes;
    return;
  }

  const totals: ImportTotals = { format: null, records: 0, inserted: 0, duplicates: 0, conflicts: 0, rejects: 0 };
  const writer = createEventWriter(db, { fullText: !load.bulk });
  const stamp = { importId, objectSha256: digest.sha256 };
  const formatsSeen = new Set<string>();
  let status: 'completed' | 'partial' | 'failed' | 'cancelled' = 'completed';
  let message: string | null = null;
  try {
    const chunks = early ?? rowChunks(parseFile(parseRequest, signal));
    for await (const chunk of chunks) {
      load.beforeChunk();
      const counts = writer.writeRows(chunk.rows, stamp);
      if (chunk.rejects.length) db.transaction(() => chunk.rejects.forEach((r) => writeReject({ importId, ...r })))();
      load.afterChunk(counts.inserted);
      chunk.formats.forEach((f) => formatsSeen.add(f));
      totals.records += chunk.records;
      totals.inserted += counts.inserted;
      totals.duplicates += counts.duplicates;
      totals.conflicts += counts.conflicts;
      totals.rejects += chunk.rejects.length;
      progress.records += chunk.records;
      progress.inserted += counts.inserted;
      progress.duplicates += counts.duplicates;
      progress.rejects += chunk.rejects.length;
      progress.bytesRead = bytesBefore + chunk.bytesRead;
      emit();
    }
    load.commit();
  } catch (err) {
    load.commit();
    if (signal.aborted) {
      status = 'cancelled';
      message = 'cancelled by the user; the records written so far are kept, re-run the import to complete it';
    } else {
      status = 'failed';
      message = `${display}: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  progress.bytesRead = bytesBefore + digest.bytes;
  totals.format = [...formatsSeen].join(',') || null;
  if (status === 'completed' && totals.rejects > 0) {
    status = 'partial';
    message = `${totals.rejects} record(s) rejected; see the import log`;
  }
  updateImportCounts(db, importId, totals);
  finishImport(db, importId, status, message);
  emit(true);
}
