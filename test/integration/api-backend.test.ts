import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { migrate } from '../../electron/backend/store/migrations/index.js';
import { loadCheckpoint, saveCheckpoint, saveSource } from '../../electron/backend/store/queries/sources.js';
import type { Job } from '../../shared/contract/channels.js';
import { startGraphApi } from '../helpers/api-servers/graph.js';
import { TOKEN, useApiCases } from '../helpers/api-pull.js';
import { useTempDir } from '../helpers/temp.js';

/** Migration 0006 and the sources channels through the backend's handler map; the pull runs as a 'pull' job. */

const tempDir = useTempDir('auditlens-api-backend-');
const cases = useApiCases(tempDir);

describe('migration 0006-api-sources', () => {
  it('adds sources, checkpoints and pulls to a version-5 case, keeping its data, and checkpoints round-trip', () => {
    const db = new Database(path.join(tempDir(), 'm.auditlens'));
    migrate(db, 5);
    db.prepare(`INSERT INTO imports (job_id, object, status, started_at) VALUES ('j', 'old.json', 'completed', 'x')`).run();
    expect(migrate(db, 6)).toBe(6);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['sources', 'checkpoints', 'pulls']));
    expect(db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(1);
    const cfg = { baseUrl: 'https://x.example', params: {}, auth: { kind: 'bearer' as const, tokenEnv: 'T' } };
    saveSource(db as never, 's', 'okta', cfg);
    const cp = { next: { method: 'POST' as const, url: 'https://x.example/a', body: { cursor: 'c1' } }, since: '2026-01-01T00:00:00.000Z', high: null, pages: 3 };
    saveCheckpoint(db as never, 's', cp, 'c1');
    expect(loadCheckpoint(db as never, 's')).toEqual(cp);
    expect(() => db.prepare(`INSERT INTO sources (name, kind, config, created_at, updated_at) VALUES ('b', 'ftp', '{}', 'x', 'x')`).run()).toThrow(/CHECK/);
    db.close();
  });
});

function backendWithJobs(file: string): { backend: Backend; finished: Promise<Job> } {
  let resolve!: (j: Job) => void;
  const finished = new Promise<Job>((r) => (resolve = r));
  const backend = createBackend({ caseFile: file, emit: (event, payload) => event === 'job:finished' && resolve(payload as Job) });
  return { backend, finished };
}

describe('sources channels', () => {
  it('refuses a second pull of a source while one runs', async () => {
    const api = cases.track(await startGraphApi({ count: 5, token: TOKEN }));
    const { backend, finished } = backendWithJobs(path.join(tempDir(), 'case.auditlens'));
    try {
      await backend.call('sources:save', { name: 'g', preset: 'graph', config: { baseUrl: api.url, auth: { kind: 'bearer' } } });
      await backend.call('source:pull', { name: 'g', token: TOKEN });
      await expect(backend.call('source:pull', { name: 'g', token: TOKEN })).rejects.toThrow(/already being pulled/);
      expect((await finished).status).toBe('completed');
    } finally {
      await backend.close();
    }
  });

  it('save, test connection, pull as a worker job with a session token, history of pages', async () => {
    const api = cases.track(await startGraphApi({ count: 30, token: TOKEN }));
    const file = path.join(tempDir(), 'case.auditlens');
    const { backend, finished } = backendWithJobs(file);
    try {
      const presets = await backend.call('sources:presets', {});
      expect(presets.map((p) => p.id)).toEqual(expect.arrayContaining(['github', 'okta', 'slack', 'auth0', 'onepassword', 'cloudflare', 'atlassian', 'workspace', 'graph', 'jira']));
      const saved = await backend.call('sources:save', { name: 'entra', preset: 'graph', config: { baseUrl: api.url, pageSize: 10, auth: { kind: 'bearer' } } });
      expect(saved).toMatchObject({ name: 'entra', kind: 'api', preset: 'graph', checkpoint: null, lastPull: null });
      const secretField = await backend.invoke('sources:save', { name: 'x', preset: 'graph', config: { baseUrl: api.url, auth: { kind: 'bearer', token: TOKEN } } });
      expect(secretField).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

      await expect(backend.call('source:test', { name: 'entra', token: 'wrong' })).rejects.toMatchObject({ code: 'SOURCE_AUTH' });
      await expect(backend.call('source:test', { name: 'entra' })).rejects.toThrow(/needs a token/);
      const test = await backend.call('source:test', { name: 'entra', token: TOKEN });
      expect(test).toMatchObject({ ok: true, status: 200, records: 10 });
      expect(test.url).toContain('/v1.0/auditLogs/signIns');

      await expect(backend.call('source:pull', { name: 'entra' })).rejects.toMatchObject({ code: 'SOURCE_AUTH' });
      const { jobId } = await backend.call('source:pull', { name: 'entra', token: TOKEN });
      const job = await finished;
      expect(job).toMatchObject({ jobId, kind: 'pull', status: 'completed', error: null });
      expect(job.progress.inserted).toBe(30);

      const history = await backend.call('source:history', { name: 'entra' });
      expect(history.pulls).toMatchObject([{ jobId, status: 'completed', pages: 3, inserted: 30 }]);
      expect(history.pages).toHaveLength(3);
      expect(history.pages.every((p) => p.object.startsWith(`${api.url}/v1.0/auditLogs/signIns`) && p.format === 'entra')).toBe(true);
      const [listed] = await backend.call('sources:list', {});
      expect(listed.lastPull?.inserted).toBe(30);
      expect(listed.checkpoint).toMatchObject({ next: null, pages: 3 });
      expect(listed.checkpoint?.since).toBe(new Date(Date.UTC(2026, 2, 1) + 29 * 60_000).toISOString());
      await expect(backend.call('source:pull', { name: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

      // Changing only where the token comes from keeps the checkpoint; changing what is listed resets it.
      const cfg = { baseUrl: api.url, pageSize: 10, auth: { kind: 'bearer' as const, tokenEnv: 'ENTRA_TOKEN' } };
      expect((await backend.call('sources:save', { name: 'entra', preset: 'graph', config: cfg })).checkpoint?.pages).toBe(3);
      const changed = await backend.call('sources:save', { name: 'entra', preset: 'graph', config: { ...cfg, params: { endpoint: 'directoryAudits' } } });
      expect(changed.checkpoint).toBeNull();
    } finally {
      await backend.close();
    }
  });
});
