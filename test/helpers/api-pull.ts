import path from 'node:path';
import { afterEach } from 'vitest';
import type { ApiSourceConfig } from '../../shared/contract/sources.js';
import { pullApiSource, type ApiPullSummary, type PullApiOptions } from '../../electron/backend/sources/api/pull.js';
import { openCase, type Db } from '../../electron/backend/store/open.js';
import { saveSource } from '../../electron/backend/store/queries/sources.js';
import type { FakeApi } from './api-servers/base.js';

/** Case files, fake APIs and a pull with a recorded, instant sleep for the API source tests. */

export const TOKEN = 'tok-SECRET-4f1c9a7e';

export function useApiCases(tempDir: () => string) {
  const dbs: Db[] = [];
  const apis: FakeApi[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) db.close();
    for (const api of apis.splice(0)) await api.close();
  });
  return {
    track<T extends FakeApi>(api: T): T {
      apis.push(api);
      return api;
    },
    newCase(): { db: Db; file: string } {
      const file = path.join(tempDir(), 'case.auditlens');
      const db = openCase(file);
      dbs.push(db);
      return { db, file };
    },
  };
}

export function addSource(db: Db, name: string, preset: string, config: Omit<ApiSourceConfig, 'params'> & { params?: Record<string, string> }): void {
  saveSource(db, name, preset, { params: {}, ...config });
}

export interface PullRun extends ApiPullSummary {
  sleeps: number[];
}

let jobs = 0;
export async function pull(db: Db, name: string, extra: Partial<PullApiOptions> = {}): Promise<PullRun> {
  const sleeps: number[] = [];
  const summary = await pullApiSource({
    db, name, jobId: `job-${++jobs}`, env: { API_TOKEN: TOKEN }, ...extra,
    http: { sleep: async (ms) => void sleeps.push(ms), ...extra.http },
  });
  return { ...summary, sleeps };
}

export function countEvents(db: Db, where = '1'): number {
  return db.prepare(`SELECT count(*) FROM events WHERE ${where}`).pluck().get() as number;
}
