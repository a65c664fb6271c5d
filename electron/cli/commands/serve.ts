import { spawn } from 'node:child_process';
import { createBackend } from '../../backend/backend.js';
import { recentCasesPath } from '../../backend/store/recent-cases.js';
import { defaultCasePath } from '../../backend/store/default-case.js';
import { startWebHost, type WebHost } from '../../web/server.js';
import { UsageError } from '../usage.js';

export function openInBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  try {
    spawn(cmd, args, { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  } catch {
    // No browser launcher: the URL is printed anyway.
  }
}

/** Runs until SIGINT/SIGTERM. Prints exactly one line with the URL (tests read it). */
export async function serveCommand(args: { case?: string; port?: string; open?: boolean }): Promise<void> {
  const port = args.port === undefined ? 0 : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`serve: --port must be 0-65535`);
  let host: WebHost | null = null;
  const backend = createBackend({
    caseFile: args.case ?? defaultCasePath(),
    recentCasesFile: recentCasesPath(),
    emit: (event, payload) => host?.broadcast(event, payload),
  });
  host = await startWebHost({ backend, port });
  process.stdout.write(`Auditlens is serving ${backend.context.caseFile} at ${host.url}\n`);
  if (args.open) openInBrowser(host.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await backend.close();
}
