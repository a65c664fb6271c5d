import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread for a module next to the caller: `spawnWorker(import.meta.url, '../ingest/import-worker',
 * data)`. Built code runs the `.js` file directly. Under vitest/tsx the backend runs from TypeScript sources, and
 * Node 20 does not apply `--import tsx` to workers, so a tiny bootstrap registers tsx's loader inside the worker
 * before importing the `.ts` module.
 */
export function spawnWorker(callerUrl: string, relative: string, workerData: unknown): Worker {
  const fromSource = callerUrl.endsWith('.ts');
  if (!fromSource) return new Worker(new URL(`${relative}.js`, callerUrl), { workerData });
  const tsxDir = path.dirname(createRequire(callerUrl).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL(`${relative}.ts`, callerUrl).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, execArgv: [] });
}
