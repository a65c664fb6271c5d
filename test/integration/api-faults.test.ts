import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCheckpoint, saveCheckpoint } from '../../electron/backend/store/queries/sources.js';
import { startGitHubApi } from '../helpers/api-servers/github.js';
import { startJiraApi, jiraRecord } from '../helpers/api-servers/jira.js';
import { startOktaApi } from '../helpers/api-servers/okta.js';
import { startOnePasswordApi } from '../helpers/api-servers/onepassword.js';
import { startSlackApi } from '../helpers/api-servers/slack.js';
import { minute } from '../helpers/api-servers/base.js';
import { addSource, countEvents, pull, TOKEN, useApiCases } from '../helpers/api-pull.js';
import { useTempDir } from '../helpers/temp.js';

/** What goes wrong with real APIs: rate limits, server errors, HTML, bad credentials, interruptions, endless cursors. */

const tempDir = useTempDir('auditlens-api-faults-');
const cases = useApiCases(tempDir);
const auth = { kind: 'bearer' as const, tokenEnv: 'API_TOKEN' };

function importRows(db: ReturnType<typeof cases.newCase>['db']) {
  return db.prepare('SELECT object, status, message, records FROM imports ORDER BY id').all() as {
    object: string; status: string; message: string | null; records: number;
  }[];
}

describe('retries', () => {
  it('waits for Retry-After on a 429 and backs off exponentially on 500s in the middle, losing nothing', async () => {
    const api = cases.track(await startGitHubApi({
      count: 100, token: TOKEN, faults: { 2: { kind: '429', retryAfter: '7' }, 4: { kind: '500' }, 5: { kind: '500' } },
    }));
    const { db } = cases.newCase();
    addSource(db, 'gh', 'github', { baseUrl: api.url, params: { org: 'acme' }, pageSize: 20, auth });
    const run = await pull(db, 'gh');
    expect(run.error).toBeNull();
    expect(run.sleeps).toEqual([7000, 1000, 2000]);
    expect(run.retries).toBe(3);
    expect(run.inserted).toBe(100);
    expect(run.duplicates).toBe(0);
    expect(importRows(db).every((r) => r.status === 'completed')).toBe(true);
  });

  it('waits out GitHub\'s 403 rate limit and Okta\'s 429 until their reset time instead of calling them auth failures', async () => {
    const gh = cases.track(await startGitHubApi({ count: 30, token: TOKEN, faults: { 2: { kind: '403-ratelimit', resetInSeconds: 5 } } }));
    const okta = cases.track(await startOktaApi({ count: 30, token: TOKEN, faults: { 1: { kind: '429-reset', resetInSeconds: 5 } } }));
    const { db } = cases.newCase();
    addSource(db, 'gh', 'github', { baseUrl: gh.url, params: { org: 'acme' }, pageSize: 10, auth });
    addSource(db, 'okta', 'okta', { baseUrl: okta.url, pageSize: 10, auth: { kind: 'header', tokenEnv: 'API_TOKEN' } });
    for (const name of ['gh', 'okta']) {
      const run = await pull(db, name);
      expect(run.error).toBeNull();
      expect(run.inserted).toBe(30);
      expect(run.sleeps).toHaveLength(1);
      // Until the reset second, plus one: between 5 and 7 s from the answer, never a 1 s backoff.
      expect(run.sleeps[0]).toBeGreaterThanOrEqual(5000);
      expect(run.sleeps[0]).toBeLessThanOrEqual(7000);
    }
  });

  it('retries a connection dropped before the answer', async () => {
    const api = cases.track(await startSlackApi({ count: 30, token: TOKEN, faults: { 2: { kind: 'drop' } } }));
    const { db } = cases.newCase();
    addSource(db, 'slack', 'slack', { baseUrl: api.url, pageSize: 10, auth });
    const run = await pull(db, 'slack');
    expect(run.error).toBeNull();
    expect(run.sleeps).toEqual([1000]);
    expect(run.inserted).toBe(30);
    expect(api.requests[1].url.toString()).toBe(api.requests[2].url.toString());
  });

  it('gives up after the bounded retries with SOURCE_UNREACHABLE, records the failed page, and a re-run completes it', async () => {
    const faults = Object.fromEntries([3, 4, 5, 6].map((n) => [n, { kind: '500' as const }]));
    const api = cases.track(await startGitHubApi({ count: 100, token: TOKEN, faults }));
    const { db } = cases.newCase();
    addSource(db, 'gh', 'github', { baseUrl: api.url, params: { org: 'acme' }, pageSize: 20, auth });
    const run = await pull(db, 'gh', { http: { maxRetries: 3 } });
    expect(run.error?.code).toBe('SOURCE_UNREACHABLE');
    expect(run.error?.message).toMatch(/HTTP 500 after retries/);
    expect(run.sleeps).toEqual([1000, 2000, 4000]);
    expect(run.inserted).toBe(40);
    const failed = importRows(db).filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].object).toContain('after=doc-39');
    expect(failed[0].message).toContain('HTTP 500');
    const history = db.prepare('SELECT status, error FROM pulls').get() as { status: string; error: string };
    expect(history.status).toBe('failed');

    const again = await pull(db, 'gh');
    expect(again.error).toBeNull();
    expect(again.inserted).toBe(60);
    expect(again.duplicates).toBe(0);
    expect(countEvents(db)).toBe(100);
    // The re-run started at the failed page, not at the beginning.
    const resumedAt = api.requests[api.requests.length - 3].url;
    expect(resumedAt.searchParams.get('after')).toBe('doc-39');
  });
});

describe('bad answers', () => {
  it('an API answering HTML instead of JSON is a SOURCE_FORMAT error naming the URL', async () => {
    const api = cases.track(await startSlackApi({ count: 10, token: TOKEN, faults: { 1: { kind: 'html' } } }));
    const { db } = cases.newCase();
    addSource(db, 'slack', 'slack', { baseUrl: api.url, auth });
    const run = await pull(db, 'slack');
    expect(run.error?.code).toBe('SOURCE_FORMAT');
    expect(run.error?.message).toContain(`${api.url}/audit/v1/logs`);
    expect(run.error?.message).toMatch(/answered HTML .*"Sign in - Corporate SSO".* instead of JSON/);
    expect(importRows(db)).toMatchObject([{ status: 'failed', records: 0 }]);
    expect(countEvents(db)).toBe(0);
  });

  it('wrong credentials are SOURCE_AUTH with a clear message; a missing variable says which one', async () => {
    const api = cases.track(await startOktaApi({ count: 10, token: TOKEN }));
    const { db } = cases.newCase();
    addSource(db, 'okta', 'okta', { baseUrl: api.url, auth: { kind: 'header', tokenEnv: 'API_TOKEN' } });
    const wrong = await pull(db, 'okta', { env: { API_TOKEN: 'not-the-token' } });
    expect(wrong.error?.code).toBe('SOURCE_AUTH');
    expect(wrong.error?.message).toMatch(/HTTP 401 — the API refused the credentials/);
    expect(wrong.error?.message).not.toContain('not-the-token');
    expect(api.requests[0].headers.authorization).toBe('SSWS not-the-token');

    await expect(pull(db, 'okta', { env: {} })).rejects.toThrow(/needs a token: the environment variable API_TOKEN is not set/);
    const ok = await pull(db, 'okta', { token: TOKEN, env: {} });
    expect(ok.inserted).toBe(10);
  });
});

describe('resume and polling', () => {
  it('an interrupted pull resumes from its checkpoint without duplicates', async () => {
    const api = cases.track(await startGitHubApi({ count: 100, token: TOKEN }));
    const { db } = cases.newCase();
    addSource(db, 'gh', 'github', { baseUrl: api.url, params: { org: 'acme' }, pageSize: 10, auth });
    const controller = new AbortController();
    const cut = await pull(db, 'gh', {
      signal: controller.signal, onProgress: (p) => p.filesDone === 3 && controller.abort(new Error('cancelled')),
    });
    expect(cut.cancelled).toBe(true);
    expect(cut.inserted).toBe(30);
    expect(loadCheckpoint(db, 'gh')?.next?.url).toContain('after=doc-29');
    const rest = await pull(db, 'gh');
    expect(rest.inserted).toBe(70);
    expect(rest.duplicates).toBe(0);
    expect(countEvents(db)).toBe(100);
  });

  it('a kill between a page import and its checkpoint re-fetches that page and adds nothing twice', async () => {
    const api = cases.track(await startGitHubApi({ count: 50, token: TOKEN }));
    const { db } = cases.newCase();
    addSource(db, 'gh', 'github', { baseUrl: api.url, params: { org: 'acme' }, pageSize: 10, auth });
    await pull(db, 'gh', { maxPages: 2 });
    const after1 = loadCheckpoint(db, 'gh')!;
    await pull(db, 'gh', { maxPages: 1 });
    // Roll the checkpoint back one page, as if the process died after page 3's import committed.
    saveCheckpoint(db, 'gh', after1, null);
    const rest = await pull(db, 'gh');
    expect(rest.inserted).toBe(20);
    expect(countEvents(db)).toBe(50);
    expect(importRows(db).some((r) => r.status === 'skipped' && r.message?.includes('same SHA-256'))).toBe(true);
  });

  it('Okta: the never-ending cursor stops at an empty page, keeps the link, and polls only what is new', async () => {
    const api = cases.track(await startOktaApi({ count: 45, token: TOKEN }));
    const { db } = cases.newCase();
    addSource(db, 'okta', 'okta', { baseUrl: api.url, pageSize: 20, auth: { kind: 'header', tokenEnv: 'API_TOKEN' } });
    const first = await pull(db, 'okta');
    expect(first).toMatchObject({ inserted: 45, pages: 4, emptyPages: 1, caughtUp: true });
    expect(first.next).toContain('after=okta-44');
    api.add(5);
    const before = api.requests.length;
    const second = await pull(db, 'okta');
    expect(second).toMatchObject({ inserted: 5, duplicates: 0, pages: 2, emptyPages: 1 });
    expect(api.requests[before].url.searchParams.get('after')).toBe('okta-44');
    const idle = await pull(db, 'okta');
    expect(idle).toMatchObject({ inserted: 0, pages: 1, emptyPages: 1 });
  });

  it('1Password: a reset cursor first, then the cursor; has_more false ends the pull and the cursor polls on', async () => {
    const api = cases.track(await startOnePasswordApi({ count: 30, token: TOKEN }));
    const { db } = cases.newCase();
    addSource(db, 'op', 'onepassword', { baseUrl: api.url, pageSize: 10, since: '2026-03-01T00:10:00Z', auth });
    const first = await pull(db, 'op');
    expect(first.inserted).toBe(20);
    expect(api.requests[0].body).toEqual({ limit: 10, start_time: '2026-03-01T00:10:00.000Z' });
    expect(api.requests[1].body).toHaveProperty('cursor');
    api.add(3);
    const second = await pull(db, 'op');
    expect(second.inserted).toBe(3);
    expect(Object.keys(api.requests.at(-1)!.body!)).toEqual(['cursor']);
    const prov = db.prepare(`SELECT prov_object FROM events ORDER BY rowid DESC LIMIT 1`).pluck().get() as string;
    expect(prov).toMatch(/\/api\/v2\/auditevents#cursor=/);
  });

  it('Jira: re-queried by time window, so a capped offset and records created during the pull skip nothing', async () => {
    let added = 0;
    const api = cases.track(await startJiraApi({
      count: 60, token: TOKEN, user: 'a@example.com', maxOffset: 20,
      afterPage: (a) => { if (added++ < 3) a.add(1); },
    }));
    const { db } = cases.newCase();
    addSource(db, 'jira', 'jira', { baseUrl: api.url, pageSize: 10, auth: { kind: 'basic', username: 'a@example.com', tokenEnv: 'API_TOKEN' } });
    const first = await pull(db, 'jira', { now: new Date(minute(59) + 30_000) });
    expect(first.error).toBeNull();
    expect(first.inserted).toBe(60);
    const ids = db.prepare('SELECT vendor_id FROM events').pluck().all() as string[];
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: 60 }, (_, i) => String(jiraRecord(i).id))));
    // Every request after the first moved the window instead of the offset.
    expect(api.requests.slice(1).every((r) => r.url.searchParams.get('offset') === '0')).toBe(true);
    const second = await pull(db, 'jira');
    expect(second.inserted).toBe(3);
    expect(countEvents(db)).toBe(63);
  });

  it('Jira: plain offset paging against the same capped server fails with the server\'s reason', async () => {
    const api = cases.track(await startJiraApi({ count: 60, token: TOKEN, user: 'a@example.com', maxOffset: 20 }));
    const { db } = cases.newCase();
    addSource(db, 'jr', 'rest', {
      baseUrl: api.url, pageSize: 10, auth: { kind: 'basic', username: 'a@example.com', tokenEnv: 'API_TOKEN' },
      params: { path: 'rest/api/3/auditing/record', paging: 'offset', records: 'records', totalPath: 'total', timeField: 'created' },
    });
    const run = await pull(db, 'jr');
    expect(run.inserted).toBe(30);
    expect(run.error?.code).toBe('INVALID_INPUT');
    expect(run.error?.message).toMatch(/HTTP 400: .*offset must be at most 20/);
  });
});

describe('secrets', () => {
  it('the token is never written to the case file, its WAL, the journal or the import log', async () => {
    const api = cases.track(await startSlackApi({ count: 20, token: TOKEN }));
    const { db, file } = cases.newCase();
    addSource(db, 'slack', 'slack', { baseUrl: api.url, auth });
    await pull(db, 'slack');
    await pull(db, 'slack', { token: TOKEN, env: {} });
    await pull(db, 'slack', { env: { API_TOKEN: `${TOKEN}-wrong` } });
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of [file, `${file}-wal`]) {
      if (!fs.existsSync(f)) continue;
      const bytes = fs.readFileSync(f);
      expect(bytes.includes(Buffer.from(TOKEN))).toBe(false);
    }
    const config = db.prepare(`SELECT config FROM sources WHERE name = 'slack'`).pluck().get() as string;
    expect(JSON.parse(config).auth).toEqual({ kind: 'bearer', tokenEnv: 'API_TOKEN' });
  });
});
