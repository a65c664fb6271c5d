import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobProgress } from '../../../../shared/contract/channels.js';
import type { PackRequest } from '../../../../shared/contract/packs.js';
import { api, errorMessage } from '../../api/index.js';

export interface PackJob {
  jobId: string | null;
  progress: JobProgress | null;
  /** Bumped when a build starts or ends: the history reloads. */
  historyVersion: number;
  error: string | null;
  build(request: PackRequest): Promise<void>;
  cancel(): void;
}

/** One pack build at a time from this window: pack:build -> job:progress (kind pack) -> job:finished. */
export function usePackJob(): PackJob {
  const [jobId, setJobId] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<string | null>(null);

  useEffect(() => {
    const offProgress = api.on('job:progress', (p) => {
      if (p.kind === 'pack' && p.jobId === current.current) setProgress(p);
    });
    const offFinished = api.on('job:finished', (job) => {
      if (job.kind !== 'pack') return;
      setHistoryVersion((v) => v + 1);
      if (job.jobId !== current.current) return;
      current.current = null;
      setJobId(null);
      setProgress(null);
      if (job.status === 'failed') setError(job.error ?? 'the pack build failed');
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  const build = useCallback(async (request: PackRequest) => {
    setError(null);
    try {
      const r = await api.invoke('pack:build', request);
      current.current = r.jobId;
      setJobId(r.jobId);
      setHistoryVersion((v) => v + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  const cancel = useCallback(() => {
    if (current.current) api.invoke('pack:cancel', { jobId: current.current }).catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  return { jobId, progress, historyVersion, error, build, cancel };
}
