// Preload (sandboxed, CommonJS): exposes `window.auditlens` with an allow-list of channels, never raw ipcRenderer.
// The lists mirror shared/contract (a sandboxed preload cannot import project modules); a unit test keeps them equal.
import { contextBridge, ipcRenderer, webUtils } from 'electron';

const ALLOWED_CHANNELS = [
  'case:info', 'case:open', 'case:new', 'events:window', 'events:count', 'events:get', 'events:histogram', 'events:swimlanes',
  'query:check', 'import:start', 'import:cancel', 'jobs:list', 'imports:list', 'rejects:list', 'sources:coverage',
  'export:start', 'export:list', 'export:get', 'export:cancel',
  'events:values', 'events:attribute-keys',
  'mapping:preview', 'mapping:list', 'mapping:save', 'mapping:delete',
  'events:context', 'actor:sessions', 'searches:list', 'searches:save', 'searches:delete',
  'investigations:failedlogins',
  'annotations:get', 'annotations:star', 'annotations:tag', 'annotations:untag', 'annotations:comment',
  'annotations:import', 'tags:define', 'tags:list', 'events:facets',
  'annotations:comment-edit', 'annotations:comment-delete', 'annotations:comment-history', 'tags:rename', 'tags:delete',
  'pack:preview', 'pack:build', 'pack:cancel', 'pack:list', 'pack:verify',
  'sources:list', 'sources:presets', 'sources:save', 'source:test', 'source:pull', 'source:history',
  'integrity:list', 'integrity:object',
  'journal:list', 'journal:verify', 'case:overview', 'case:recent', 'case:retention', 'case:purge',
];
const ALLOWED_EVENTS = ['job:progress', 'job:finished', 'case:changed'];

contextBridge.exposeInMainWorld('auditlens', {
  invoke(channel: string, input: unknown) {
    if (!ALLOWED_CHANNELS.includes(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `channel not allowed: ${channel}` } });
    }
    return ipcRenderer.invoke('auditlens:invoke', channel, input);
  },
  on(event: string, callback: (payload: unknown) => void) {
    if (!ALLOWED_EVENTS.includes(event)) throw new Error(`event not allowed: ${event}`);
    const listener = (_e: unknown, msg: { event: string; payload: unknown }) => {
      if (msg.event === event) callback(msg.payload);
    };
    ipcRenderer.on('auditlens:event', listener);
    return () => ipcRenderer.removeListener('auditlens:event', listener);
  },
  pathForFile(file: File) {
    return webUtils.getPathForFile(file);
  },
  revealFile(path: string) {
    return ipcRenderer.invoke('auditlens:reveal', path);
  },
  /** Sources' typed secrets, sealed by the OS keychain in the main process (by source name; scoped there). */
  secrets: {
    get: (source: string) => ipcRenderer.invoke('auditlens:secret-get', source),
    set: (source: string, secret: string | null) => ipcRenderer.invoke('auditlens:secret-set', source, secret),
  },
});
