import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract/channels.js';
import type { PushEventName, PushEventPayload } from '../../../shared/contract/events.js';
import { electronTransport } from './electron-transport.js';
import { ApiError, type ConnectionState, type ImportOptions, type Transport } from './types.js';
import { takeToken, webTransport } from './web-transport.js';

export interface Api {
  readonly transport: Transport['kind'];
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends PushEventName>(event: E, cb: (payload: PushEventPayload<E>) => void): () => void;
  importFiles(files: File[], opts?: ImportOptions): Promise<{ jobId: string }>;
  /** Makes files readable by the backend without importing them (web: uploads; Electron: their paths). */
  stageFiles(files: File[], opts?: ImportOptions): Promise<{ paths: string[]; names?: string[] }>;
  onConnection(cb: (state: ConnectionState) => void): () => void;
  /** Link to a host file endpoint (export downloads); null where the host has none (Electron). */
  fileUrl(apiPath: string): string | null;
  /** Whether the host can show a file in the system file manager (Electron). */
  readonly canReveal: boolean;
  revealFile(path: string): Promise<boolean>;
}

export function createApi(transport: Transport): Api {
  return {
    transport: transport.kind,
    async invoke(channel, input) {
      const env = await transport.invoke(channel, input);
      if (!env.ok) throw new ApiError(env.error);
      return env.value as never;
    },
    on(event, cb) {
      return transport.on(event, cb as (payload: unknown) => void);
    },
    async importFiles(files, opts = {}) {
      if (files.length === 0) throw new Error('No files to import');
      const { paths, names } = await transport.stage(files, opts);
      const input: ChannelInput<'import:start'> = { paths };
      if (names) input.names = names;
      if (opts.source) input.source = opts.source;
      return this.invoke('import:start', input);
    },
    stageFiles: (files, opts = {}) => transport.stage(files, opts),
    onConnection: (cb) => transport.onConnection(cb),
    fileUrl: (apiPath) => transport.fileUrl?.(apiPath) ?? null,
    canReveal: transport.revealFile !== undefined,
    revealFile: (path) => transport.revealFile?.(path) ?? Promise.resolve(false),
  };
}

function pickTransport(): Transport {
  if (typeof window !== 'undefined' && window.auditlens) return electronTransport(window.auditlens);
  return webTransport(takeToken());
}

/** The one client the whole renderer uses. */
export const api: Api = createApi(pickTransport());
