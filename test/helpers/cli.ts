import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENTRY = path.join(REPO, 'electron', 'cli', 'run.ts');

/** Runs the real CLI (from sources, through tsx) and returns its exit code and output. */
export function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function cliProcess(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
}
