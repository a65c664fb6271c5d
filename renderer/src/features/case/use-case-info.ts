import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseInfo } from '../../../../shared/contract/channels.js';
import { api, ApiError, errorMessage } from '../../api/index.js';

export interface CaseState {
  info: CaseInfo | null;
  error: string | null;
  /** The host refused this page's token (opened without the printed URL, or the host restarted). */
  unauthorized: boolean;
  loading: boolean;
  refresh: () => void;
  /** Replaces the info after case:open / case:new answered it. */
  set: (info: CaseInfo) => void;
}

/** The open case's summary, refreshed whenever `version` moves (case:changed, import finished). */
export function useCaseInfo(version: number): CaseState {
  const [info, setInfo] = useState<CaseInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [unauthorized, setUnauthorized] = useState(false);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    api.invoke('case:info', {}).then(
      (v) => {
        if (mine !== seq.current) return;
        setInfo(v);
        setError(null);
        setUnauthorized(false);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setUnauthorized(err instanceof ApiError && err.code === 'UNAUTHORIZED');
        setError(errorMessage(err));
        setLoading(false);
      },
    );
  }, [version, tick]);

  const refresh = useCallback(() => setTick((t) => t + 1), []);
  const set = useCallback((v: CaseInfo) => {
    seq.current++;
    setInfo(v);
    setError(null);
    setLoading(false);
  }, []);
  return { info, error, unauthorized, loading, refresh, set };
}
