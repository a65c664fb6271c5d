import { createBackend, type Backend } from '../backend/backend.js';
import { UsageError } from './usage.js';

export function requireCase(value: string | undefined, command: string): string {
  if (!value) throw new UsageError(`${command}: --case FILE is required`);
  return value;
}

/**
 * Runs `fn` with a backend on the case and always closes it (workers and the SQLite connection). A one-shot command
 * asks once: building the in-memory columns would only cost it time.
 */
export async function withBackend<T>(caseFile: string, fn: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = createBackend({ caseFile, columnCache: false });
  try {
    return await fn(backend);
  } finally {
    await backend.close();
  }
}
