import { createBackend } from './backend.js';
import { recentCasesPath } from './store/recent-cases.js';
import { defaultCasePath } from './store/default-case.js';

/**
 * Backend entry inside Electron's utility process (electron/main/backend-host.ts forks it). It speaks through
 * `process.parentPort` and imports nothing from Electron, so the same backend runs in plain Node for the web host,
 * the CLI and the tests.
 */

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!port) throw new Error('utility-entry must run in an Electron utility process');

const backend = createBackend({
  caseFile: process.env.AUDITLENS_CASE ?? defaultCasePath(),
  recentCasesFile: recentCasesPath(),
  nativeBinding: process.env.AUDITLENS_SQLITE_BINDING || undefined,
  emit: (event, payload) => port.postMessage({ kind: 'event', event, payload }),
});

port.on('message', async ({ data }) => {
  const msg = data as { kind: string; id: number; channel: string; input: unknown };
  if (msg.kind !== 'invoke') return;
  port.postMessage({ kind: 'reply', id: msg.id, envelope: await backend.invoke(msg.channel, msg.input) });
});
