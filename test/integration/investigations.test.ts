import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { generateDemo, type DemoRecord } from '../../electron/backend/demo/generate.js';
import { writeDemoFile } from '../../electron/cli/commands/demo.js';
import { migrate } from '../../electron/backend/store/migrations/index.js';
import { whereClause } from '../../electron/backend/store/query-sql.js';
import { BUILT_IN_INVESTIGATIONS, investigationQuery } from '../../shared/investigations/built-ins.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
const EVENTS = 6000;
const SEED = 11;
const END = new Date('2026-06-30T00:00:00.000Z');
const records: DemoRecord[] = [...generateDemo({ events: EVENTS, seed: SEED, end: END })];
let backend: Backend;
let dir: string;

beforeAll(async () => {
  dir = tempDir();
  const file = path.join(dir, 'demo.jsonl');
  await writeDemoFile(file, EVENTS, SEED, END);
  backend = createBackend({ caseFile: path.join(dir, 'demo.auditlens') });
  const job = await backend.context.jobs.startImport(backend.context.caseFile, { paths: [file], source: 'demo' }).done;
  expect(job.progress.inserted).toBe(EVENTS);
}, 120_000);
afterAll(() => backend?.close());

function vendorIds(query: string): string[] {
  const where = whereClause(query, END);
  const rows = backend.context.db.prepare(`SELECT vendor_id AS v FROM events WHERE ${where.sql}`).all(...where.params) as { v: string }[];
  return rows.map((r) => r.v).sort();
}
const idsOf = (pick: (r: DemoRecord) => boolean) => records.filter(pick).map((r) => r.id).sort();
const byId = (id: string) => BUILT_IN_INVESTIGATIONS.find((i) => i.id === id)!;

describe('built-in investigations on a demo case', () => {
  it('every built-in parses and explains itself', () => {
    expect(BUILT_IN_INVESTIGATIONS).toHaveLength(7);
    for (const inv of BUILT_IN_INVESTIGATIONS) {
      expect(inv.explanation.length, inv.id).toBeGreaterThan(40);
      expect(() => whereClause(investigationQuery(inv)), inv.id).not.toThrow();
    }
  });

  it('build stricter: profile and rule publishes since the chosen time', () => {
    const since = '2026-06-25';
    const ids = vendorIds(investigationQuery(byId('build-stricter'), { since }));
    const expected = idsOf((r) => ['ProfilePublished', 'RulePublished'].includes(r.action) && r.timestamp >= '2026-06-25T00:00:00.000Z');
    expect(expected.length).toBeGreaterThan(10);
    expect(ids).toEqual(expected);
    expect(() => investigationQuery(byId('build-stricter'), { since: 'yesterday) OR (x' })).toThrow(/Since: .* is not valid/);
  });

  it('who published, API keys, audit configuration, credentials and integrations', () => {
    const cases: [string, (r: DemoRecord) => boolean][] = [
      ['who-published', (r) => r.action === 'ProfilePublished' || r.action === 'RulePublished'],
      ['api-keys', (r) => r.action === 'ApiKeyCreated' || r.action === 'ApiKeyRevoked'],
      ['audit-config', (r) => r.action === 'AUDIT_CONFIG_UPDATED' || r.action === 'AUDIT_EXPORT_FAILED'],
      ['credentials-integrations', (r) => /^(PASSWORD_|ApiKey|integration_)/.test(r.action)],
    ];
    for (const [id, pick] of cases) {
      const expected = idsOf(pick);
      expect(expected.length, id).toBeGreaterThan(3);
      expect(vendorIds(investigationQuery(byId(id))), id).toEqual(expected);
    }
  });

  it('spec jobs on engine X', () => {
    for (const engine of ['2.4.1', '2.5.0']) {
      const expected = idsOf((r) => r.action.startsWith('SpecJob') && r.summary.endsWith(`on engine ${engine}`));
      expect(expected.length).toBeGreaterThan(50);
      expect(vendorIds(investigationQuery(byId('spec-jobs-engine'), { engine }))).toEqual(expected);
    }
  });

  it('failed logins then success: the same pairs a brute-force walk over the generated records finds', async () => {
    const within = 60 * 60_000;
    const expected: string[] = [];
    const ts = (r: DemoRecord) => Date.parse(r.timestamp);
    for (const s of records.filter((r) => r.action === 'LOGIN_SUCCESS')) {
      const mine = records.filter((r) => r.actor === s.actor && ts(r) < ts(s));
      const prevSuccess = Math.max(-Infinity, ...mine.filter((r) => r.action === 'LOGIN_SUCCESS').map(ts));
      const fails = mine.filter((r) => r.action === 'LOGIN_FAILURE' && ts(r) > prevSuccess).map(ts).sort((a, b) => a - b);
      if (fails.length === 0 || ts(s) - fails[fails.length - 1] > within) continue;
      let n = 1;
      while (n < fails.length && fails[fails.length - n] - fails[fails.length - n - 1] <= within) n++;
      expected.push(`${s.actor} ${s.id} ${n}`);
    }
    expect(expected.length).toBeGreaterThan(5);
    const found = await backend.call('investigations:failedlogins', { limit: 10_000 });
    const idToVendor = new Map(
      (backend.context.db.prepare('SELECT id, vendor_id AS v FROM events').all() as { id: string; v: string }[]).map((r) => [r.id, r.v]),
    );
    expect(found.map((f) => `${f.actor} ${idToVendor.get(f.successId)} ${f.failures}`).sort()).toEqual(expected.sort());
  });
});

describe('saved searches', () => {
  it('migration 0008 creates saved_searches with unique case-insensitive names', () => {
    const db = new Database(path.join(tempDir(), 'm.auditlens'));
    migrate(db, 7);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'saved_searches'`).get()).toBeUndefined();
    expect(migrate(db, 8)).toBe(8);
    db.prepare(`INSERT INTO saved_searches (name, query, created) VALUES ('A', 'x', '2026-01-01')`).run();
    expect(() => db.prepare(`INSERT INTO saved_searches (name, query, created) VALUES ('a', 'y', '2026-01-01')`).run()).toThrow(/UNIQUE/);
    db.close();
  });

  it('save, list, replace by name, delete; a query with a syntax error is refused', async () => {
    const saved = await backend.call('searches:save', { name: 'mallory', query: 'actor:mallory@example.com', description: 'the brute force' });
    expect(saved).toMatchObject({ name: 'mallory', query: 'actor:mallory@example.com', description: 'the brute force' });
    await backend.call('searches:save', { name: 'Admins', query: 'action:USER_ROLE_CHANGED' });
    const replaced = await backend.call('searches:save', { name: 'MALLORY', query: 'actor:mallory@example.com outcome:failure' });
    expect(replaced.id).toBe(saved.id);
    expect(replaced.created).toBe(saved.created);
    const list = await backend.call('searches:list', {});
    expect(list.map((s) => [s.name, s.query])).toEqual([['Admins', 'action:USER_ROLE_CHANGED'], ['mallory', 'actor:mallory@example.com outcome:failure']]);
    await expect(backend.call('searches:save', { name: 'bad', query: 'actor:(' })).rejects.toMatchObject({ code: 'QUERY_SYNTAX' });
    await expect(backend.call('searches:save', { name: '  ', query: 'x' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await backend.call('searches:delete', { id: saved.id })).toEqual({ deleted: true });
    expect(await backend.call('searches:delete', { id: saved.id })).toEqual({ deleted: false });
    expect((await backend.call('searches:list', {})).map((s) => s.name)).toEqual(['Admins']);
  });
});
