import { useEffect, useRef, useState } from 'react';
import type { Job, JobProgress } from '../../../../shared/contract/channels.js';
import { api, errorMessage } from '../../api/index.js';
import { sessionS3Keys, sessionTokens } from './session-tokens.js';

export interface PullState {
  running: string | null;
  progress: JobProgress | null;
  finished: Job | null;
  error: string | null;
  start(name: string): void;
  cancel(): void;
}

/** One pull at a time from this screen: source:pull starts a 'pull' job; job:progress / job:finished follow it. */
export function useSourcePull(onFinished: () => void): PullState {
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [finished, setFinished] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const jobId = useRef<string | null>(null);
  const onFinishedRef = useRef(onFinished);
  onFinishedRef.current = onFinished;

  useEffect(() => {
    const offProgress = api.on('job:progress', (p) => {
      if (p.kind === 'pull' && p.jobId === jobId.current) setProgress(p);
    });
    const offFinished = api.on('job:finished', (job) => {
      if (job.kind !== 'pull' || job.jobId !== jobId.current) return;
      jobId.current = null;
      setRunning(null);
      setProgress(null);
      setFinished(job);
      onFinishedRef.current();
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  return {
    running, progress, finished, error,
    start(name) {
      setError(null);
      setFinished(null);
      setRunning(name);
      api.invoke('source:pull', { name, token: sessionTokens.get(name), s3Keys: sessionS3Keys.get(name) }).then(
        ({ jobId: id }) => (jobId.current = id),
        (e: unknown) => {
          setRunning(null);
          setError(errorMessage(e));
        },
      );
    },
    cancel() {
      if (jobId.current) void api.invoke('import:cancel', { jobId: jobId.current });
    },
  };
}
