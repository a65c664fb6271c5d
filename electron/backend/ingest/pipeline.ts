import fs from 'node:fs';
import path from 'node:path';
import type { JobProgress } from '../../../shared/contract/channels.js';
import { ipToKey } from '../../../shared/query/ip.js';
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
import { createEventWriter, type EventInsert } from '../store/queries/insert-events.js';
import { dropLookupIndexes, ensureLookupIndexes, shouldDeferIndexes } from '../store/lookup-indexes.js';
import { eventIdentity } from './event-id.js';
import { describeFsError, expandPaths, hashFile } from './file-hash.js';
import { detectFormat } from './formats/detect.js';
import type { DetectContext, FormatModule } from './formats/types.js';
import { readObjectItems } from './readers/index.js';
import type { ReadRecord } from './readers/types.js';

/**
 * The import pipeline for local files: read (stream) -> detect the format on a sample -> normalize -> write in
 * batches of one transaction each. It runs inside an import worker thread (ingest/import-worker.ts), never on the
 * thread that answers the UI. Every record ends up inserted, counted as a duplicate, or stored as a reject.
 */

export interface ImportRequest {
  paths: string[];
  /** Display names (uploaded files), parallel to paths. */
  names?: string[];
  source?: string;
  jobId: string;
}

const SAMPLE_SIZE = 20;
const BATCH_SIZE = Number(process.env.AUDITLENS_BATCH ?? 2000);
const PROGRESS_INTERVAL_MS = 200;

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
  const bulk = shouldDeferIndexes(existing, progress.bytesTotal);
  if (bulk) dropLookupIndexes(db);
  try {
    for (const file of files) {
      if (signal.aborted) break;
      const display = displayNames.get(file) ?? file;
      progress.current = path.basename(display);
      emit(true);
      await importOneFile(db, file, display, request, signal, progress, emit, rejectWriter);
      progress.filesDone++;
    }
  } finally {
    if (bulk) {
      progress.current = 'building indexes';
      emit(true);
      ensureLookupIndexes(db);
    }
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
): Promise<void> {
  const bytesBefore = progress.bytesRead;
  let digest: { sha256: string; bytes: number };
  try {
    digest = await hashFile(file, signal);
  } catch (err) {
    if (signal.aborted) return;
    const importId = startImport(db, request.jobId, display, null, 0);
    finishImport(db, importId, 'failed', `${display}: ${describeFsError(err)}`);
    return;
  }
  const previous = completedImportOf(db, digest.sha256);
  const importId = startImport(db, request.jobId, display, digest.sha256, digest.bytes);
  if (previous) {
    finishImport(db, importId, 'skipped', `already imported (import #${previous.id}, same SHA-256); nothing added`);
    progress.bytesRead = bytesBefore + digest.bytes;
    return;
  }

  const totals: ImportTotals = { format: null, records: 0, inserted: 0, duplicates: 0, conflicts: 0, rejects: 0 };
  const writer = createEventWriter(db);
  const source = request.source ?? path.basename(display);
  let batch: EventInsert[] = [];
  let objectName = display;
  let ctx: DetectContext = { fileName: path.basename(display), csvHeader: null };
  let format = null as FormatModule | null;
  let sample: ReadRecord[] = [];
  const formatsSeen = new Set<string>();

  const flushBatch = () => {
    if (batch.length === 0) return;
    const counts = writer.write(batch);
    totals.inserted += counts.inserted;
    totals.duplicates += counts.duplicates;
    totals.conflicts += counts.conflicts;
    progress.inserted += counts.inserted;
    progress.duplicates += counts.duplicates;
    batch = [];
    emit();
  };
  const reject = (loc: { line: number | null; recordIndex: number | null; byteOffset: number | null }, reason: string, excerpt: string) => {
    writeReject({ importId, object: objectName, ...loc, reason, excerpt });
    totals.rejects++;
    progress.rejects++;
  };
  const handle = (record: ReadRecord, module: FormatModule) => {
    totals.records++;
    progress.records++;
    const result = module.normalize(record.value, ctx);
    if (!result.ok) {
      reject(record, `${module.id}: ${result.reason}`, record.text);
      return;
    }
    const expansions = result.events.length;
    for (let index = 0; index < expansions; index++) {
      const f = result.events[index];
      const { id, contentHash } = eventIdentity(module.id, f.vendorId, record.text, { index, of: expansions });
      // Spelled out rather than spread: this runs once per event and object spreads dominate the profile.
      batch.push({
        id, ts: f.ts, time: f.time, receivedTime: f.receivedTime, format: module.id, source, vendorId: f.vendorId,
        actor: f.actor, actorType: f.actorType, action: f.action, category: f.category, targetType: f.targetType,
        target: f.target, outcome: f.outcome, severity: f.severity, sourceIp: f.sourceIp,
        ipKey: f.sourceIp ? ipToKey(f.sourceIp) : null, userAgent: f.userAgent, location: f.location,
        sessionId: f.sessionId, summary: f.summary, raw: record.text, contentHash, provObject: objectName,
        provSha256: digest.sha256, provIndex: record.recordIndex, provLine: record.line, importId,
        notes: f.notes?.length ? JSON.stringify(f.notes) : null,
        attributes: f.attributes && Object.keys(f.attributes).length ? JSON.stringify(f.attributes) : null,
      });
    }
    if (batch.length >= BATCH_SIZE) flushBatch();
  };
  const drainSample = () => {
    if (sample.length === 0) return;
    format = detectFormat(sample.map((r) => r.value), ctx);
    formatsSeen.add(format.id);
    for (const r of sample) handle(r, format);
    sample = [];
  };

  let status: 'completed' | 'partial' | 'failed' | 'cancelled' = 'completed';
  let message: string | null = null;
  try {
    for await (const item of readObjectItems(file, {
      signal,
      displayName: display,
      onBytes: (n) => {
        progress.bytesRead = bytesBefore + n;
        emit();
      },
    })) {
      if (item.kind === 'object') {
        drainSample();
        objectName = item.name;
        ctx = { fileName: path.basename(item.name), csvHeader: item.csvHeader };
        format = null;
      } else if (item.kind === 'reject') {
        reject(item, item.reason, item.excerpt);
      } else if (format) {
        handle(item, format);
      } else {
        sample.push(item);
        if (sample.length >= SAMPLE_SIZE) drainSample();
      }
    }
    drainSample();
    flushBatch();
  } catch (err) {
    flushBatch();
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
