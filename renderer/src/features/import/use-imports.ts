import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job, JobProgress } from '../../../../shared/contract/channels.js';
import { api, errorMessage, type UploadProgress } from '../../api/index.js';

export interface ImportState {
  /** Sending files to the web host (not used by Electron, where files are read in place). */
  upload: UploadProgress | null;
  /** The running import job's latest progress. */
  progress: JobProgress | null;
  /** The last finished job, until dismissed. */
  finished: Job | null;
  error: string | null;
  start: (files: File[]) => void;
  cancel: () => void;
  dismiss: () => void;
}

/**
 * Import lifecycle: upload (web) -> import:start -> job:progress events -> job:finished. `onData` is called when
 * new events may be visible (throttled while the job runs, and once at the end).
 */
export function useImports(onData: () => void): ImportState {
  const [upload, setUpload] = useState<UploadProgress | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [finished, setFinished] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const jobId = useRef<string | null>(null);
  const done = useRef(new Set<string>());
  const lastRefresh = useRef({ at: 0, inserted: 0 });
  const onDataRef = useRef(onData);
  onDataRef.current = onData;

  useEffect(() => {
    const offProgress = api.on('job:progress', (p) => {
      if (p.kind !== 'import' || done.current.has(p.jobId)) return;
      if (jobId.current && p.jobId !== jobId.current) return;
      jobId.current = p.jobId;
      setProgress(p);
      const now = Date.now();
      if (p.inserted > lastRefresh.current.inserted && now - lastRefresh.current.at > 2500) {
        lastRefresh.current = { at: now, inserted: p.inserted };
        onDataRef.current();
      }
    });
    const offFinished = api.on('job:finished', (job) => {
      if (job.kind !== 'import') return;
      if (jobId.current && job.jobId !== jobId.current) return;
      done.current.add(job.jobId);
      jobId.current = null;
      setProgress(null);
      setFinished(job);
      lastRefresh.current = { at: 0, inserted: 0 };
      onDataRef.current();
    });
    // Pick up an import that was already running (page reload, second window).
    api.invoke('jobs:list', {}).then(
      (jobs) => {
        const running = jobs.find((j) => j.kind === 'import' && j.status === 'running');
        if (running && !jobId.current) {
          jobId.current = running.jobId;
          setProgress(running.progress);
        }
      },
      () => {},
    );
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  // Safety net when the event stream drops: poll the job list while a job seems to run.
  const running = progress !== null;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      const id = jobId.current;
      if (!id) return;
      api.invoke('jobs:list', {}).then(
        (jobs) => {
          const job = jobs.find((j) => j.jobId === id);
          if (!job || job.status === 'running' || done.current.has(id)) return;
          done.current.add(id);
          jobId.current = null;
          setProgress(null);
          setFinished(job);
          onDataRef.current();
        },
        () => {},
      );
    }, 4000);
    return () => clearInterval(timer);
  }, [running]);

  const start = useCallback((files: File[]) => {
    if (files.length === 0) return;
    const ctl = new AbortController();
    abort.current = ctl;
    setError(null);
    setFinished(null);
    setUpload({ loaded: 0, total: files.reduce((n, f) => n + f.size, 0), current: files[0].name });
    api
      .importFiles(files, { signal: ctl.signal, onUploadProgress: (p) => setUpload(p) })
      .then(
        ({ jobId: id }) => {
          if (done.current.has(id)) return; // finished before import:start even answered
          jobId.current = id;
          // Show the bar straight away; job:progress fills it in.
          setProgress(
            (p) =>
              p ?? {
                jobId: id, kind: 'import', current: files[0].name, filesDone: 0, filesTotal: files.length, records: 0,
                inserted: 0, duplicates: 0, rejects: 0, bytesRead: 0, bytesTotal: files.reduce((n, f) => n + f.size, 0),
                rate: 0, elapsedMs: 0,
              },
          );
        },
        (err: unknown) => {
          if (!(err instanceof DOMException && err.name === 'AbortError')) setError(errorMessage(err));
        },
      )
      .finally(() => {
        abort.current = null;
        setUpload(null);
      });
  }, []);

  const cancel = useCallback(() => {
    abort.current?.abort();
    const id = jobId.current;
    if (id) api.invoke('import:cancel', { jobId: id }).catch((err: unknown) => setError(errorMessage(err)));
  }, []);

  const dismiss = useCallback(() => {
    setFinished(null);
    setError(null);
  }, []);

  return { upload, progress, finished, error, start, cancel, dismiss };
}
