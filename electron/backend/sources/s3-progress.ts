import type { JobProgress } from '../../../shared/contract/channels.js';

/** Progress of an S3 pull: objects, bytes and events, throttled like the import pipeline's (at most every 200 ms). */
export interface S3PullProgress {
  jobId: string;
  phase: 'listing' | 'downloading' | 'done';
  /** Object being imported right now (file name), if any. */
  current: string | null;
  listRequests: number;
  scanned: number;
  listed: number;
  skippedUnchanged: number;
  /** Objects to download this run (listed minus unchanged), and how many are finished (imported or failed). */
  objectsTotal: number;
  objectsDone: number;
  failed: number;
  /** Bytes downloaded so far, of the listed sizes of the objects to download. */
  bytesDone: number;
  bytesTotal: number;
  records: number;
  inserted: number;
  duplicates: number;
  rejects: number;
  elapsedMs: number;
}

const INTERVAL_MS = 200;

export class ProgressTracker {
  private readonly p: S3PullProgress;
  private last = 0;

  constructor(
    jobId: string,
    private readonly started: number,
    private readonly onProgress?: (p: S3PullProgress) => void,
  ) {
    this.p = {
      jobId, phase: 'listing', current: null, listRequests: 0, scanned: 0, listed: 0, skippedUnchanged: 0, objectsTotal: 0,
      objectsDone: 0, failed: 0, bytesDone: 0, bytesTotal: 0, records: 0, inserted: 0, duplicates: 0, rejects: 0, elapsedMs: 0,
    };
  }

  get value(): Readonly<S3PullProgress> {
    return this.p;
  }

  update(patch: Partial<S3PullProgress>, force = false): void {
    Object.assign(this.p, patch);
    const now = Date.now();
    if (!this.onProgress || (!force && now - this.last < INTERVAL_MS)) return;
    this.last = now;
    this.p.elapsedMs = now - this.started;
    this.onProgress({ ...this.p });
  }
}

/**
 * The contract's job progress (what `job:progress` carries today) for an S3 pull, so the existing progress bar and
 * CLI line work before the contract learns about objects: files = objects, bytes = downloaded bytes.
 */
export function toJobProgress(p: S3PullProgress): JobProgress {
  return {
    jobId: p.jobId, kind: 'import', current: p.current, filesDone: p.objectsDone, filesTotal: p.objectsTotal,
    records: p.records, inserted: p.inserted, duplicates: p.duplicates, rejects: p.rejects, bytesRead: p.bytesDone,
    bytesTotal: p.bytesTotal, rate: p.elapsedMs > 0 ? Math.round((p.records * 1000) / p.elapsedMs) : 0, elapsedMs: p.elapsedMs,
  };
}

/** Wakes whoever is waiting; a waiter re-checks its condition (no lost wake-ups: check and wait run in one tick). */
export class Notifier {
  private waiters: (() => void)[] = [];

  wait(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }
}
