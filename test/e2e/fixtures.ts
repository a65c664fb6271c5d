import { test as base } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(REPO, 'bin', 'auditlens.js');
const URL_LINE = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/;

/** Runs the real CLI (`node bin/auditlens.js ...`) and answers its stdout. */
export async function cli(args: string[], timeoutMs = 120_000): Promise<string> {
  const { stdout } = await run(process.execPath, [CLI, ...args], { cwd: REPO, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/**
 * End of the generated demo cases: fixed, so runs are reproducible, and 30 days after 2026-10-06 so the span
 * crosses the end of daylight saving time in Europe (2026-10-25), which the timeline must handle.
 */
export const DEMO_END = '2026-11-05T00:00:00.000Z';

/** Builds a synthetic case with `auditlens demo` (the same seed and end every run). */
export async function buildDemoCase(caseFile: string, events: number): Promise<void> {
  await cli(['demo', '--case', caseFile, '--events', String(events), '--seed', '7', '--end', DEMO_END], 180_000);
}

export interface Host {
  url: string;
  caseFile: string;
  dir: string;
}

/** Starts `auditlens serve --case FILE --port 0` and waits for the line with the URL and its token. */
function serve(caseFile: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--case', caseFile, '--port', '0'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      // The host's user data (recent cases) stays in the test's temp dir, never the tester's own.
      env: { ...process.env, AUDITLENS_DATA_DIR: path.dirname(caseFile) },
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`auditlens serve printed no URL within 30 s\n${out}\n${err}`)), 30_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = URL_LINE.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`auditlens serve exited with ${code}\n${out}\n${err}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

interface Fixtures {
  /** A fresh temp folder for this test (removed afterwards). */
  dataDir: string;
  /**
   * Starts a web host: on `caseFile` when given (a case shared by the tests of a file), else on a new case in
   * dataDir, which `demoEvents` first fills with `auditlens demo`.
   */
  startHost: (opts?: { demoEvents?: number; name?: string; caseFile?: string }) => Promise<Host>;
}

export const test = base.extend<Fixtures>({
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'auditlens-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  startHost: async ({ dataDir }, use) => {
    const children: ChildProcess[] = [];
    await use(async (opts = {}) => {
      const caseFile = opts.caseFile ?? path.join(dataDir, `${opts.name ?? 'case'}.auditlens`);
      if (opts.demoEvents && !opts.caseFile) await buildDemoCase(caseFile, opts.demoEvents);
      const { url, child } = await serve(caseFile);
      children.push(child);
      return { url, caseFile, dir: dataDir };
    });
    await Promise.all(children.map(stop));
  },
});

export { expect } from '@playwright/test';
