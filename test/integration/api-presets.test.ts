import { describe, expect, it } from 'vitest';
import type { ApiAuth } from '../../shared/contract/sources.js';
import { startAtlassianApi } from '../helpers/api-servers/atlassian.js';
import { startAuth0Api } from '../helpers/api-servers/auth0.js';
import { startCloudflareApi } from '../helpers/api-servers/cloudflare.js';
import { startGitHubApi } from '../helpers/api-servers/github.js';
import { startGraphApi } from '../helpers/api-servers/graph.js';
import { startJiraApi } from '../helpers/api-servers/jira.js';
import { startOktaApi } from '../helpers/api-servers/okta.js';
import { startOnePasswordApi } from '../helpers/api-servers/onepassword.js';
import { startSlackApi } from '../helpers/api-servers/slack.js';
import { startWorkspaceApi } from '../helpers/api-servers/workspace.js';
import type { VendorApi, VendorOptions } from '../helpers/api-servers/vendor.js';
import { addSource, countEvents, pull, TOKEN, useApiCases } from '../helpers/api-pull.js';
import { useTempDir } from '../helpers/temp.js';

/**
 * Every preset against a local server that pages exactly like the vendor: the first pull brings every record
 * through the vendor's normalizer, one import row per page, provenance = page URL (+ cursor); a second pull after
 * new events brings only those; a third brings nothing.
 */

const tempDir = useTempDir('auditlens-api-');
const cases = useApiCases(tempDir);
const bearer: ApiAuth = { kind: 'bearer', tokenEnv: 'API_TOKEN' };

interface PresetCase {
  preset: string;
  start: (o: VendorOptions) => Promise<VendorApi>;
  params: Record<string, string>;
  format: string;
  auth?: ApiAuth;
}

const PRESETS: PresetCase[] = [
  { preset: 'github', start: startGitHubApi, params: { org: 'acme' }, format: 'github' },
  { preset: 'github', start: startGitHubApi, params: { enterprise: 'acme-corp' }, format: 'github' },
  { preset: 'okta', start: startOktaApi, params: {}, format: 'okta', auth: { kind: 'header', tokenEnv: 'API_TOKEN' } },
  { preset: 'slack', start: startSlackApi, params: {}, format: 'slack' },
  { preset: 'auth0', start: startAuth0Api, params: {}, format: 'auth0' },
  { preset: 'onepassword', start: startOnePasswordApi, params: {}, format: 'onepassword' },
  { preset: 'cloudflare', start: startCloudflareApi, params: { account: 'acc1' }, format: 'cloudflare' },
  { preset: 'atlassian', start: startAtlassianApi, params: { org: 'org-1' }, format: 'atlassian' },
  { preset: 'workspace', start: startWorkspaceApi, params: { application: 'admin' }, format: 'workspace' },
  { preset: 'graph', start: startGraphApi, params: {}, format: 'entra' },
  {
    preset: 'jira', start: (o) => startJiraApi({ ...o, user: 'analyst@example.com' }), params: {}, format: 'atlassian',
    auth: { kind: 'basic', username: 'analyst@example.com', tokenEnv: 'API_TOKEN' },
  },
];

const COUNT = 120;
const PAGE = 25;

describe.each(PRESETS)('preset $preset $params', ({ preset, start, params, format, auth }) => {
  it('pulls every record page by page through the vendor normalizer, then only what is new', async () => {
    const api = cases.track(await start({ count: COUNT, token: TOKEN }));
    const { db } = cases.newCase();
    addSource(db, 'src', preset, { baseUrl: api.url, params, pageSize: PAGE, auth: auth ?? bearer, since: '2026-01-01' });

    const first = await pull(db, 'src');
    expect(first.error).toBeNull();
    expect(first.caughtUp).toBe(true);
    expect(first.inserted).toBe(COUNT);
    // Jira's windows share their boundary record, which the dedup counts once per later page.
    expect(first.duplicates).toBe(preset === 'jira' ? first.pages - 1 : 0);
    expect(first.rejects).toBe(0);
    expect(countEvents(db)).toBe(COUNT);
    expect(countEvents(db, `format = '${format}' AND source = 'src'`)).toBe(COUNT);
    // Provenance: every event points at the page (URL + cursor) it came from, with that page's SHA-256.
    const provs = db.prepare('SELECT DISTINCT prov_object AS o, prov_sha256 AS s FROM events').all() as { o: string; s: string }[];
    expect(provs.length).toBe(Math.ceil(COUNT / PAGE));
    for (const p of provs) {
      expect(p.o.startsWith(api.url)).toBe(true);
      expect(p.s).toMatch(/^[0-9a-f]{64}$/);
    }
    // One import row per page with records, all completed, pointing at the same URLs.
    const rows = db.prepare(`SELECT object, status, records FROM imports WHERE records > 0 ORDER BY id`).all() as { object: string; status: string; records: number }[];
    expect(rows.map((r) => r.object).sort()).toEqual(provs.map((p) => p.o).sort());
    expect(rows.every((r) => r.status === 'completed')).toBe(true);
    // Raw is the vendor's own text for each record.
    const raw = db.prepare('SELECT raw FROM events LIMIT 1').pluck().get() as string;
    expect(() => JSON.parse(raw)).not.toThrow();

    api.add(7);
    const second = await pull(db, 'src', { now: new Date(Date.UTC(2030, 0, 1)) });
    expect(second.error).toBeNull();
    expect(second.inserted).toBe(7);
    expect(countEvents(db)).toBe(COUNT + 7);

    const third = await pull(db, 'src', { now: new Date(Date.UTC(2030, 0, 1)) });
    expect(third.error).toBeNull();
    expect(third.inserted).toBe(0);
    expect(countEvents(db)).toBe(COUNT + 7);
    // No request ever carried the token anywhere but the Authorization header.
    for (const r of api.requests) expect(r.url.toString()).not.toContain(TOKEN);
  });
});
