import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput, JobProgress } from '../../../../shared/contract/channels.js';
import type { ExportRow } from '../../../../shared/contract/exports.js';
import { api, errorMessage } from '../../api/index.js';

export interface RunningExport {
  jobId: string;
  exportId: number;
  name: string;
  outPath: string;
  /** Rows the view showed when the export started (null while it was still counting). */
  expected: number | null;
}

export interface ExportJob {
  running: RunningExport | null;
  progress: JobProgress | null;
  /** The history row of the last export that ended here, until dismissed. */
  finished: ExportRow | null;
  error: string | null;
  /** Bumped whenever the history changes (an export started or ended). */
  historyVersion: number;
  start(input: ChannelInput<'export:start'>, expected: number | null): Promise<void>;
  cancel(): void;
  dismiss(): void;
}

/** One export at a time from this window: export:start -> job:progress (kind export) -> job:finished -> export:get. */
export function useExportJob(): ExportJob {
  const [running, setRunning] = useState<RunningExport | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [finished, setFinished] = useState<ExportRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const current = useRef<RunningExport | null>(null);

  useEffect(() => {
    const offProgress = api.on('job:progress', (p) => {
      if (p.kind === 'export' && p.jobId === current.current?.jobId) setProgress(p);
    });
    const offFinished = api.on('job:finished', (job) => {
      if (job.kind !== 'export') return;
      setHistoryVersion((v) => v + 1);
      const mine = current.current;
      if (!mine || job.jobId !== mine.jobId) return;
      current.current = null;
      api.invoke('export:get', { id: mine.exportId }).then(
        (row) => setFinished(row),
        (e: unknown) => setError(errorMessage(e)),
      ).finally(() => {
        setRunning(null);
        setProgress(null);
      });
    });
    // Pick up an export that was already running (page reload, second window): its history row has the job id.
    api.invoke('jobs:list', {}).then(async (jobs) => {
      const job = jobs.find((j) => j.kind === 'export' && j.status === 'running');
      if (!job || current.current) return;
      const row = (await api.invoke('export:list', { limit: 50 })).find((r) => r.jobId === job.jobId);
      if (!row || row.status !== 'started' || current.current) return;
      current.current = { jobId: job.jobId, exportId: row.id, name: row.name, outPath: row.outPath, expected: null };
      setRunning(current.current);
      setProgress(job.progress);
    }, () => {});
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  const start = useCallback(async (input: ChannelInput<'export:start'>, expected: number | null) => {
    setFinished(null);
    setError(null);
    const r = await api.invoke('export:start', input);
    const run = { jobId: r.jobId, exportId: r.exportId, name: input.name, outPath: r.outPath, expected };
    current.current = run;
    setRunning(run);
    setHistoryVersion((v) => v + 1);
  }, []);

  const cancel = useCallback(() => {
    const run = current.current;
    if (run) api.invoke('export:cancel', { jobId: run.jobId }).catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  const dismiss = useCallback(() => {
    setFinished(null);
    setError(null);
  }, []);

  return { running, progress, finished, error, historyVersion, start, cancel, dismiss };
}

/** `/api/exports/<id>/download` as a link the browser can follow (web host), or null (Electron: show the path). */
export function downloadUrl(exportId: number): string | null {
  return api.fileUrl(`/api/exports/${exportId}/download`);
}
