import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import type { Job, JobKind, JobProgress } from '../../../shared/contract/channels.js';
import type { ImportRequest } from '../ingest/pipeline.js';
import type { ImportWorkerData } from '../ingest/import-worker.js';
import { spawnWorker } from './spawn-worker.js';

/**
 * Running jobs: id -> worker. Progress arrives throttled from the worker (<= 5/s) and is forwarded to listeners.
 * Any long task (import, export, pack, pull) runs as a worker module that speaks the same protocol as
 * ingest/import-worker.ts: out {type:'progress', progress} and {type:'done', status, progress, error}; in
 * {type:'cancel'}. Its workerData always carries the `jobId`.
 */

export interface JobListeners {
  progress(p: JobProgress): void;
  finished(job: Job): void;
}

interface Running {
  job: Job;
  worker: Worker;
  done: Promise<Job>;
}

function emptyProgress(jobId: string, kind: JobKind): JobProgress {
  return {
    jobId, kind, current: null, filesDone: 0, filesTotal: 0, records: 0, inserted: 0, duplicates: 0,
    rejects: 0, bytesRead: 0, bytesTotal: 0, rate: 0, elapsedMs: 0,
  };
}

export class JobRegistry {
  private readonly jobs = new Map<string, Running>();

  constructor(
    private readonly listeners: JobListeners,
    private readonly nativeBinding?: string,
  ) {}

  startImport(caseFile: string, request: Omit<ImportRequest, 'jobId'>): { jobId: string; done: Promise<Job> } {
    return this.startWorker('import', '../ingest/import-worker', (jobId): ImportWorkerData => ({
      caseFile, request: { ...request, jobId }, nativeBinding: this.nativeBinding,
    }));
  }

  /**
   * Starts `module` (relative to this file, without extension) as a job of `kind`; `data(jobId)` builds its
   * workerData. The native binding path, when the host has one, is added as `nativeBinding`.
   */
  startWorker(kind: JobKind, module: string, data: (jobId: string) => object): { jobId: string; done: Promise<Job> } {
    const jobId = randomUUID();
    const worker = spawnWorker(import.meta.url, module, { nativeBinding: this.nativeBinding, ...data(jobId), jobId });
    const job: Job = { jobId, kind, status: 'running', progress: emptyProgress(jobId, kind), error: null };
    const done = new Promise<Job>((resolve) => {
      let settled = false;
      const settle = (status: Job['status'], error: string | null) => {
        if (settled) return;
        settled = true;
        job.status = status;
        job.error = error;
        this.listeners.finished({ ...job });
        resolve({ ...job });
      };
      worker.on('message', (msg: { type: string; progress: JobProgress | null; status?: Job['status']; error?: string | null }) => {
        if (msg.progress) job.progress = msg.progress;
        if (msg.type === 'progress' && msg.progress) this.listeners.progress(msg.progress);
        if (msg.type === 'done') {
          settle(msg.status ?? 'failed', msg.error ?? null);
          // The worker exits by itself once its port closes; never let a stuck one outlive its job.
          setTimeout(() => void worker.terminate(), 5000).unref();
        }
      });
      worker.on('error', (err) => settle('failed', err.message));
      worker.on('exit', (code) => settle(code === 0 ? 'completed' : 'failed', code === 0 ? null : `${kind} worker exited with code ${code}`));
    });
    this.jobs.set(jobId, { job, worker, done });
    return { jobId, done };
  }

  cancel(jobId: string): boolean {
    const running = this.jobs.get(jobId);
    if (!running || running.job.status !== 'running') return false;
    running.worker.postMessage({ type: 'cancel' });
    return true;
  }

  list(): Job[] {
    return [...this.jobs.values()].map((r) => ({ ...r.job }));
  }

  /** Cancels everything and waits for the workers to close their connections (before a case is closed). */
  async stopAll(): Promise<void> {
    for (const id of this.jobs.keys()) this.cancel(id);
    await Promise.all([...this.jobs.values()].map((r) => r.done));
  }
}
