import { useEffect, useState } from 'react';
import type { AuditEvent } from '../../../../shared/model/event.js';
import { api, errorMessage } from '../../api/index.js';

/** The full event (raw record, provenance, notes) for the details pane; debounced while arrowing through rows. */
export function useEvent(id: string | null): { event: AuditEvent | null; loading: boolean; error: string | null } {
  const [state, setState] = useState<{ event: AuditEvent | null; loading: boolean; error: string | null }>({
    event: null,
    loading: false,
    error: null,
  });
  useEffect(() => {
    if (!id) {
      setState({ event: null, loading: false, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const t = setTimeout(() => {
      api.invoke('events:get', { id }).then(
        (event) => live && setState({ event, loading: false, error: null }),
        (err: unknown) => live && setState({ event: null, loading: false, error: errorMessage(err) }),
      );
    }, 60);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [id]);
  return state;
}
