import type { AuditlensBridge, ConnectionState, Transport } from './types.js';

/** Electron: the preload bridge carries everything; files are already local, so staging is just their paths. */
export function electronTransport(bridge: AuditlensBridge): Transport {
  return {
    kind: 'electron',
    invoke: (channel, input) => bridge.invoke(channel, input),
    on: (event, cb) => bridge.on(event, cb),
    async stage(files) {
      const paths = files.map((f) => bridge.pathForFile(f));
      const missing = files.filter((_, i) => !paths[i]);
      if (missing.length) throw new Error(`Cannot read the path of ${missing.map((f) => f.name).join(', ')}`);
      return { paths };
    },
    revealFile: bridge.revealFile ? (path) => bridge.revealFile!(path) : undefined,
    onConnection(cb: (state: ConnectionState) => void) {
      cb('connected');
      return () => {};
    },
  };
}
