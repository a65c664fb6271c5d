import { useEffect, useRef, useState } from 'react';
import { api, type ConnectionState } from '../../api/index.js';

/** Shows when the live event stream to the host is down; calls `onReconnect` when it comes back. */
export function ConnectionBadge({ onReconnect }: { onReconnect: () => void }) {
  const [state, setState] = useState<ConnectionState>('connected');
  const wasDown = useRef(false);
  const cb = useRef(onReconnect);
  cb.current = onReconnect;
  useEffect(
    () =>
      api.onConnection((s) => {
        setState(s);
        if (s === 'disconnected') wasDown.current = true;
        if (s === 'connected' && wasDown.current) {
          wasDown.current = false;
          cb.current();
        }
      }),
    [],
  );
  if (state !== 'disconnected') return null;
  return (
    <span className="conn-badge" role="status" data-testid="connection-lost">
      Host unreachable, reconnecting…
    </span>
  );
}
