import { useEffect, useState } from 'react';
import type { PackPreview, PackRequest } from '../../../../shared/contract/packs.js';
import { api, errorMessage } from '../../api/index.js';

/** Counts per population for the form as it stands, refreshed (debounced) as the analyst edits it. */
export function usePackPreview(request: PackRequest | null): { preview: PackPreview | null; error: string | null; loading: boolean } {
  const [preview, setPreview] = useState<PackPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const key = request ? JSON.stringify(request) : null;
  useEffect(() => {
    if (!key) {
      setPreview(null);
      return;
    }
    let stale = false;
    setLoading(true);
    const timer = setTimeout(() => {
      api.invoke('pack:preview', JSON.parse(key) as PackRequest).then(
        (p) => {
          if (stale) return;
          setPreview(p);
          setError(null);
        },
        (e: unknown) => {
          if (stale) return;
          setPreview(null);
          setError(errorMessage(e));
        },
      ).finally(() => !stale && setLoading(false));
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [key]);
  return { preview, error, loading };
}
