import type { Envelope, ErrorInfo } from '../../../shared/errors.js';

/** What the Electron preload exposes on `window.auditlens` (contextBridge, allow-listed channels only). */
export interface AuditlensBridge {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  pathForFile(file: File): string;
  /** Shows an export's or a pack's file in the system file manager (only files the case recorded). */
  revealFile?(path: string): Promise<boolean>;
  /** Sources' typed secrets sealed by the OS keychain (desktop app), by source name. */
  secrets?: {
    get(source: string): Promise<string | null>;
    set(source: string, secret: string | null): Promise<boolean>;
  };
}

declare global {
  interface Window {
    auditlens?: AuditlensBridge;
  }
}

export interface UploadProgress {
  /** Bytes sent so far over all files of the batch. */
  loaded: number;
  total: number;
  /** Name of the file being sent. */
  current: string;
}

export interface ImportOptions {
  onUploadProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal;
  source?: string;
}

export type ConnectionState = 'connected' | 'connecting' | 'disconnected';

/** One way of talking to a host. The typed `api` object sits on top and never knows which one it has. */
export interface Transport {
  readonly kind: 'electron' | 'web';
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
  /** Makes the files readable by the backend; answers the paths (and display names) for import:start. */
  stage(files: File[], opts: ImportOptions): Promise<{ paths: string[]; names?: string[] }>;
  onConnection(cb: (state: ConnectionState) => void): () => void;
  /** A URL a plain link can open for a host file endpoint such as an export download (web: carries the token). */
  fileUrl?(apiPath: string): string;
  /** Shows a recorded export or pack in the file manager (Electron: the file is on this machine). */
  revealFile?(path: string): Promise<boolean>;
}

/** Thrown by `api.invoke` when the host answers `{ ok: false }`. */
export class ApiError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.info = info;
  }
  get code(): ErrorInfo['code'] {
    return this.info.code;
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return `${err.info.message} (${err.info.code})`;
  if (err instanceof Error) return err.message;
  return String(err);
}
