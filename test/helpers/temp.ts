import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openCase, type Db } from '../../electron/backend/store/open.js';

/** A fresh temp dir per test, removed afterwards. */
export function useTempDir(prefix = 'auditlens-test-'): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}

/** A fresh case file per call, in a temp dir, closed after each test (and its dir removed). */
export function useCaseFiles(): () => Db {
  const tempDir = useTempDir();
  const open: Db[] = [];
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
  });
  return () => {
    const db = openCase(path.join(tempDir(), 'case.auditlens'));
    open.push(db);
    return db;
  };
}
