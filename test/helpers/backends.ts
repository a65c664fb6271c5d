import path from 'node:path';
import { afterEach } from 'vitest';
import { createBackend, type Backend, type BackendOptions } from '../../electron/backend/backend.js';
import { useTempDir } from './temp.js';

/**
 * Backends for one test, each on its own case file in a temp dir unless given one, all closed after the test
 * (workers and SQLite connections), then the dirs removed.
 */
export function useBackends(): (options?: Partial<BackendOptions>) => Backend {
  const tempDir = useTempDir();
  const open: Backend[] = [];
  afterEach(async () => {
    for (const backend of open.splice(0)) await backend.close();
  });
  return (options = {}) => {
    const backend = createBackend({ caseFile: path.join(tempDir(), 'case.auditlens'), ...options });
    open.push(backend);
    return backend;
  };
}
