import type { Envelope } from '../../../shared/errors.js';
import type { ConnectionState, ImportOptions, Transport, UploadProgress } from './types.js';

const TOKEN_KEY = 'auditlens.token';
const TOKEN_HEADER = 'x-auditlens-token';

/**
 * Reads the per-run token from `?token=` once, keeps it in sessionStorage (so a reload still works) and removes it
 * from the address bar so it does not end up in history, screenshots or bug reports.
 */
export function takeToken(loc: Location = window.location): string {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      sessionStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      /* storage disabled: keep it in memory only */
    }
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function failure(code: 'UNAUTHORIZED' | 'INTERNAL', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

async function readEnvelope(res: Response): Promise<Envelope<unknown>> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object' && 'ok' in body) return body as Envelope<unknown>;
  } catch {
    /* fall through */
  }
  if (res.status === 401 || res.status === 403) {
    return failure('UNAUTHORIZED', 'The Auditlens host refused the session token. Open the URL it printed again.');
  }
  return failure('INTERNAL', `Unexpected answer from the Auditlens host (HTTP ${res.status})`);
}

/** Sends one file with upload progress (fetch has no upload progress events; XHR does). */
function uploadOne(
  token: string,
  file: File,
  onProgress: (loaded: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader(TOKEN_HEADER, token);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* handled below */
      }
      const env = body as Envelope<{ path: string }> | null;
      if (env && env.ok === true && typeof env.value?.path === 'string') resolve(env.value.path);
      else if (env && env.ok === false) reject(new Error(`${file.name}: ${env.error.message}`));
      else reject(new Error(`${file.name}: upload failed (HTTP ${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error(`${file.name}: upload failed (network error)`));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    if (signal) {
      if (signal.aborted) return reject(new DOMException('Upload cancelled', 'AbortError'));
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(file);
  });
}

type Listener = (payload: unknown) => void;

export function webTransport(token: string): Transport {
  const listeners = new Map<string, Set<Listener>>();
  const connListeners = new Set<(s: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocket | null = null;
  let retry = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setState = (s: ConnectionState) => {
    state = s;
    connListeners.forEach((cb) => cb(s));
  };

  const connect = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const ws = new WebSocket(`${scheme}://${location.host}/api/events?token=${encodeURIComponent(token)}`);
    socket = ws;
    setState('connecting');
    ws.onopen = () => {
      retry = 0;
      setState('connected');
    };
    ws.onmessage = (msg) => {
      if (typeof msg.data !== 'string') return;
      let parsed: { event?: unknown; payload?: unknown };
      try {
        parsed = JSON.parse(msg.data) as typeof parsed;
      } catch {
        return;
      }
      if (typeof parsed.event !== 'string') return;
      listeners.get(parsed.event)?.forEach((cb) => cb(parsed.payload));
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      setState('disconnected');
      // Exponential backoff with jitter, capped at 10 s.
      const delay = Math.min(10_000, 250 * 2 ** retry) * (0.75 + Math.random() * 0.5);
      retry = Math.min(retry + 1, 8);
      timer = setTimeout(connect, delay);
    };
  };

  const ensureSocket = () => {
    if (!socket && timer === undefined) connect();
  };

  return {
    kind: 'web',
    async invoke(channel, input) {
      let res: Response;
      try {
        res = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return failure('INTERNAL', 'Cannot reach the Auditlens host. Is `auditlens serve` still running?');
      }
      return readEnvelope(res);
    },
    on(event, cb) {
      ensureSocket();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(cb);
      return () => set.delete(cb);
    },
    async stage(files, opts: ImportOptions) {
      const total = files.reduce((n, f) => n + f.size, 0);
      let done = 0;
      const paths: string[] = [];
      for (const file of files) {
        const report = (loaded: number) => {
          const p: UploadProgress = { loaded: done + Math.min(loaded, file.size), total, current: file.name };
          opts.onUploadProgress?.(p);
        };
        report(0);
        paths.push(await uploadOne(token, file, report, opts.signal));
        done += file.size;
        report(file.size);
      }
      return { paths, names: files.map((f) => f.name) };
    },
    fileUrl: (apiPath) => `${apiPath}?token=${encodeURIComponent(token)}`,
    onConnection(cb) {
      ensureSocket();
      connListeners.add(cb);
      cb(state);
      return () => connListeners.delete(cb);
    },
  };
}
