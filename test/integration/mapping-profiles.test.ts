import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { startWebHost } from '../../electron/web/server.js';
import { migrate, SCHEMA_VERSION } from '../../electron/backend/store/migrations/index.js';
import { cli, REPO } from '../helpers/cli.js';
import { useTempDir } from '../helpers/temp.js';

/**
 * The mapping editor's backend: preview through the import's own readers and mapped.ts, saved named profiles in the
 * case (migration 0005), and imports through a saved profile from the handler map and the CLI.
 */

const tempDir = useTempDir();
const open: Backend[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});
function backend(dir: string): Backend {
  const b = createBackend({ caseFile: path.join(dir, 'case.auditlens') });
  open.push(b);
  return b;
}

/** import:start answers at once; the job list says when its worker is done. */
async function finished(b: Backend, jobId: string) {
  for (;;) {
    const job = (await b.call('jobs:list', {})).find((j) => j.jobId === jobId);
    if (job && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const CRM_HEADER = 'ts_utc,principal_name,verb_name,object,result,client_addr';
function crmCsv(dir: string, rows: number): string {
  const file = path.join(dir, 'crm-export.csv');
  const lines = [CRM_HEADER];
  for (let i = 0; i < rows; i++) {
    const time = i === 1 ? 'yesterday-ish' : `2024-03-01 10:${String(i).padStart(2, '0')}:00`;
    lines.push(`${time},user${i}@corp.example,${i % 2 ? 'record.delete' : 'user.login'},doc-${i},${i % 3 === 2 ? 'DENIED' : 'OK'},10.0.0.${i}`);
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
const CRM = {
  name: 'CRM export',
  fields: { time: 'ts_utc', actor: 'principal_name', action: 'verb_name', target: 'object', outcome: 'result', sourceIp: 'client_addr' },
  outcomeValues: { success: ['ok'], failure: ['denied'] },
};

describe('mapping:preview', () => {
  it('lists CSV columns with examples and normalizes the first rows, with an error on the row whose time is bad', async () => {
    const dir = tempDir();
    const b = backend(dir);
    const file = crmCsv(dir, 30);
    const p = await b.call('mapping:preview', { path: file, name: 'crm-export.csv', mapping: CRM });
    expect(p).toMatchObject({ kind: 'csv', detectedFormat: 'csv', object: 'crm-export.csv', truncated: true });
    expect(p.fields.map((f) => f.name)).toEqual(CRM_HEADER.split(','));
    expect(p.fields.find((f) => f.name === 'result')?.examples).toEqual(['OK', 'DENIED']);
    expect(p.rows).toHaveLength(20);
    expect(p.rows[0]).toMatchObject({
      recordIndex: 0,
      line: 2,
      error: null,
      event: { time: '2024-03-01T10:00:00.000Z', actor: 'user0@corp.example', action: 'user.login', target: 'doc-0', outcome: 'success', sourceIp: '10.0.0.0' },
    });
    expect(p.rows[0].event?.notes.join(' ')).toMatch(/no zone; treated as UTC/);
    expect(p.rows[1]).toMatchObject({ line: 3, event: null, error: expect.stringMatching(/mapped time field "ts_utc" has no usable time: "yesterday-ish"/) });
    expect(p.rows[2].event?.outcome).toBe('failure');
    // Without a mapping: fields only, and what detection would do.
    const bare = await b.call('mapping:preview', { path: file, limit: 5 });
    expect(bare.rows.every((r) => r.event === null && r.error === null)).toBe(true);
    expect(bare.rows).toHaveLength(5);
  });

  it('reads nested JSON Lines in .gz as dotted fields and shows unparseable lines as row errors', async () => {
    const dir = tempDir();
    const b = backend(dir);
    const lines = [
      JSON.stringify({ at: 1709287200, who: { name: 'alice', kind: 'human' }, op: 'vault.read', net: { client: { ip: '2001:db8::7' } } }),
      '{"at": 1709287260, "who": {"name": "bob"', // truncated line
      JSON.stringify({ at: '1709287320123', who: { name: 'svc-backup' }, op: 'vault.list' }),
    ];
    const file = path.join(dir, 'vault.jsonl.gz');
    fs.writeFileSync(file, gzipSync(`${lines.join('\n')}\n`));
    const p = await b.call('mapping:preview', {
      path: file,
      mapping: { fields: { time: 'at', actor: 'who.name', action: 'op', sourceIp: 'net.client.ip' } },
    });
    expect(p.kind).toBe('json');
    expect(p.fields.map((f) => f.name)).toEqual(['at', 'who.name', 'who.kind', 'op', 'net.client.ip']);
    expect(p.rows.map((r) => r.event?.time ?? null)).toEqual(['2024-03-01T10:00:00.000Z', null, '2024-03-01T10:02:00.123Z']);
    expect(p.rows[0].event).toMatchObject({ actor: 'alice', sourceIp: '2001:db8::7', outcome: 'unknown' });
    expect(p.rows[1]).toMatchObject({ line: 2, error: expect.stringMatching(/JSON|json|unexpected|unterminated/i) });
  });

  it('answers NOT_FOUND for a missing file', async () => {
    const b = backend(tempDir());
    await expect(b.call('mapping:preview', { path: path.join(tempDir(), 'nope.csv') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it.skipIf(!fs.existsSync(path.join(REPO, '..', 'shared', 'fixtures', 'real', 'okta')))(
    'previews a real vendor sample: names the detected format and reaches nested fields',
    async () => {
      const b = backend(tempDir());
      const file = path.join(REPO, '..', 'shared', 'fixtures', 'real', 'okta', 'panther-scenarios-okta-system-log.jsonl');
      const p = await b.call('mapping:preview', { path: file, limit: 3, mapping: { fields: { time: 'published', actor: 'actor.alternateId', action: 'eventType', sourceIp: 'client.ipAddress' } } });
      expect(p.detectedFormat).toBe('okta');
      expect(p.suggested).toMatchObject({ time: 'published', action: 'eventType', sourceIp: 'client.ipAddress' });
      expect(p.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['actor.alternateId', 'client.ipAddress', 'outcome.result']));
      const first = JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0]);
      expect(p.rows[0].event).toMatchObject({ time: new Date(first.published).toISOString(), actor: first.actor.alternateId, action: first.eventType });
    },
  );
});

describe('mapping:preview through the web host', () => {
  it('previews the uploaded copy of a file, by the path /api/upload answered', async () => {
    const dir = tempDir();
    const b = backend(dir);
    const host = await startWebHost({ backend: b, port: 0, staticDir: dir });
    try {
      const headers = { 'x-auditlens-token': host.token };
      const base = `http://127.0.0.1:${host.port}`;
      const upload = await fetch(`${base}/api/upload?name=crm-export.csv`, { method: 'POST', headers, body: fs.readFileSync(crmCsv(dir, 3)) });
      const { value } = (await upload.json()) as { value: { path: string } };
      expect(value.path).toContain(`${path.join(dir, 'case.auditlens')}.uploads`);
      const res = await fetch(`${base}/api/invoke/mapping:preview`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ path: value.path, name: 'crm-export.csv', mapping: CRM }),
      });
      const body = (await res.json()) as { ok: boolean; value: { object: string; rows: { event: { actor: string } | null }[] } };
      expect(body.ok).toBe(true);
      expect(body.value.object).toBe('crm-export.csv');
      expect(body.value.rows.map((r) => r.event?.actor ?? null)).toEqual(['user0@corp.example', null, 'user2@corp.example']);
    } finally {
      await host.close();
    }
  });
});

describe('saved mapping profiles', () => {
  it('saves, lists, replaces (names are case-insensitive), deletes, and journals each change', async () => {
    const b = backend(tempDir());
    expect(await b.call('mapping:list', {})).toEqual([]);
    const saved = await b.call('mapping:save', { profile: CRM });
    expect(saved).toMatchObject({ name: 'CRM export', profile: CRM });
    await b.call('mapping:save', { profile: { name: 'Alpha', fields: { time: 'when' } } });
    await b.call('mapping:save', { profile: { ...CRM, name: 'crm EXPORT', fields: { ...CRM.fields, actor: 'owner' } } });
    const list = await b.call('mapping:list', {});
    expect(list.map((m) => m.name)).toEqual(['Alpha', 'crm EXPORT']);
    expect(list[1].profile.fields.actor).toBe('owner');
    await expect(b.call('mapping:save', { profile: { name: 'x', fields: { actor: 'a' } } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(b.call('mapping:save', { profile: { name: '  ', fields: { time: 'a' } } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await b.call('mapping:delete', { name: 'ALPHA' })).toEqual({ deleted: true });
    expect(await b.call('mapping:delete', { name: 'Alpha' })).toEqual({ deleted: false });
    const journal = b.context.db.prepare(`SELECT action FROM journal WHERE action LIKE 'mapping-%' ORDER BY seq`).all() as { action: string }[];
    expect(journal.map((j) => j.action)).toEqual(['mapping-save', 'mapping-save', 'mapping-save', 'mapping-delete']);
  });

  it('an import through a saved profile stores exactly what the preview showed', async () => {
    const dir = tempDir();
    const b = backend(dir);
    const file = crmCsv(dir, 6);
    const { profile } = await b.call('mapping:save', { profile: CRM });
    const preview = await b.call('mapping:preview', { path: file, mapping: profile });
    const { jobId } = await b.call('import:start', { paths: [file], mapping: profile });
    const job = await finished(b, jobId);
    expect(job).toMatchObject({ status: 'completed', progress: { inserted: 5, rejects: 1 } });
    const { rows } = await b.call('events:window', { query: '', order: 'asc', offset: 0, limit: 100 });
    const pick = (e: { time: string; actor: string | null; action: string | null; target: string | null; outcome: string; sourceIp: string | null }) =>
      ({ time: e.time, actor: e.actor, action: e.action, target: e.target, outcome: e.outcome, sourceIp: e.sourceIp });
    expect(rows.map(pick)).toEqual(preview.rows.filter((r) => r.event).map((r) => pick(r.event!)));
    const [reject] = await b.call('rejects:list', { limit: 5 });
    expect(reject).toMatchObject({ line: 3, reason: preview.rows[1].error ? expect.stringContaining(preview.rows[1].error) : 'x' });
  });

  it('a file first read by detection is read again through a mapping; the same mapping again is skipped', async () => {
    const dir = tempDir();
    const b = backend(dir);
    const file = crmCsv(dir, 4);
    const run = async (mapping?: typeof CRM) => finished(b, (await b.call('import:start', { paths: [file], mapping })).jobId);
    expect((await run()).progress).toMatchObject({ inserted: 0, rejects: 4 }); // no time column the generic reader knows
    expect((await run(CRM)).progress).toMatchObject({ inserted: 3, rejects: 1 });
    expect((await run({ ...CRM, name: 'renamed' })).progress).toMatchObject({ inserted: 0, records: 0 });
    const [latest] = await b.call('imports:list', { limit: 1 });
    expect(latest).toMatchObject({ status: 'skipped', message: expect.stringMatching(/same SHA-256/) });
    const remapped = await run({ ...CRM, fields: { ...CRM.fields, actor: 'object' } });
    // Records already imported stay as they were (events are append-only): same record, same content -> duplicates.
    expect(remapped.progress).toMatchObject({ records: 4, inserted: 0, duplicates: 3, rejects: 1 });
  });

  it('the CLI takes --mapping NAME for a profile saved in the case, and lists the saved names when none matches', async () => {
    const dir = tempDir();
    const file = crmCsv(dir, 4);
    const caseFile = path.join(dir, 'case.auditlens');
    const b = backend(dir);
    await b.call('mapping:save', { profile: CRM });
    await b.close();
    open.splice(0);
    const ok = cli(['import', file, '--case', caseFile, '--mapping', 'crm export']);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/3 new events, 0 duplicates, 1 rejects/);
    const events = cli(['query', '--case', caseFile, '--format', 'jsonl', '--order', 'asc']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ format: 'csv', actor: 'user0@corp.example', action: 'user.login', outcome: 'success', sourceIp: '10.0.0.0' });
    expect(events[1]).toMatchObject({ actor: 'user2@corp.example', outcome: 'failure' });
    const missing = cli(['import', file, '--case', caseFile, '--mapping', 'erp']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--mapping erp: no such file, and the case has no saved mapping profile of that name \(saved: CRM export\)/);
  });
});

describe('migration 0005-mapping-profiles', () => {
  it('adds the table to a case at the previous version, keeping what it holds, and refuses invalid profile JSON', () => {
    const file = path.join(tempDir(), 'old.auditlens');
    const db = new Database(file);
    const before = 4;
    migrate(db, before);
    db.prepare(`INSERT INTO case_meta (key, value) VALUES ('marker', 'kept')`).run();
    const tables = () => (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
    expect(tables()).not.toContain('mapping_profiles');
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(5);
    expect(tables()).toContain('mapping_profiles');
    expect(db.prepare(`SELECT value FROM case_meta WHERE key = 'marker'`).get()).toEqual({ value: 'kept' });
    const insert = db.prepare(`INSERT INTO mapping_profiles (name, profile, created_at, updated_at) VALUES (?, ?, 'now', 'now')`);
    insert.run('a', '{"name":"a","fields":{"time":"t"}}');
    expect(() => insert.run('A', '{"name":"A","fields":{"time":"t"}}')).toThrow(/UNIQUE/);
    expect(() => insert.run('b', 'not json')).toThrow(/CHECK/);
    db.close();
  });
});
