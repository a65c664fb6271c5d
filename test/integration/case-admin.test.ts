import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { createEventWriter } from '../../electron/backend/store/queries/insert-events.js';
import { appendJournal } from '../../electron/backend/store/queries/journal.js';
import { retentionCutoff } from '../../electron/backend/store/queries/retention.js';
import { rememberCase } from '../../electron/backend/store/recent-cases.js';
import { AppError } from '../../shared/errors.js';
import { cli } from '../helpers/cli.js';
import { makeEvent } from '../helpers/events.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
const NOW = new Date('2026-11-05T12:00:00.000Z');
const DAY = 86_400_000;

/** A case with events 10, 100, 500 and 800 days old across two sources and formats, and a few imports/rejects. */
function caseWithAges(file: string, extra: { recentCasesFile?: string } = {}, now = NOW): Backend {
  const backend = createBackend({ caseFile: file, now: () => now, ...extra });
  const db = backend.context.db;
  const ages = [10, 10, 100, 500, 800, 800, 800];
  createEventWriter(db).write(
    ages.map((d, i) => makeEvent({
      ts: now.getTime() - d * DAY, id: `age:${d}:${i}`,
      source: i % 2 ? 'okta-prod' : 'github-org', format: i % 2 ? 'okta' : 'github',
      summary: `event marker${d}x${i} aged ${d} days`, actor: `user${i}@example.com`,
    })),
  );
  db.prepare(`INSERT INTO imports (object, status, started_at) VALUES ('a.jsonl', 'completed', '2026-01-01'), ('b.jsonl', 'failed', '2026-01-02')`).run();
  db.prepare(`INSERT INTO rejects (import_id, object, reason, excerpt) VALUES (1, 'a.jsonl', 'no time', '{}'), (1, 'a.jsonl', 'bad json', '{')`).run();
  return backend;
}

describe('journal channels', () => {
  it('lists newest first with paging, and verify names the edited entry', async () => {
    const b = caseWithAges(path.join(tempDir(), 'j.auditlens'));
    for (let i = 1; i <= 5; i++) appendJournal(b.context.db, 'tag', { eventId: `e${i}`, tag: 'x' }, 'analyst');
    const page = await b.call('journal:list', { limit: 2 });
    expect(page.total).toBe(5);
    expect(page.entries.map((e) => e.seq)).toEqual([5, 4]);
    expect((await b.call('journal:list', { limit: 10, before: 4 })).entries.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(await b.call('journal:verify', {})).toMatchObject({ ok: true, entries: 5 });

    // Tamper as an attacker with the file would: drop the trigger, rewrite entry 3's details.
    b.context.db.exec('DROP TRIGGER journal_no_update');
    b.context.db.prepare(`UPDATE journal SET details = '{"eventId":"e3","tag":"innocent"}' WHERE seq = 3`).run();
    const v = await b.call('journal:verify', {});
    expect(v).toMatchObject({ ok: false, firstBad: 3 });
    expect(v.message).toContain('entry 3 was modified');
    await b.close();
  });

  it('journals saved searches (the query an export came from is in the export entry itself)', async () => {
    const b = caseWithAges(path.join(tempDir(), 's.auditlens'));
    const saved = await b.call('searches:save', { name: 'old logins', query: 'action:LOGIN*', description: '' });
    await b.call('searches:delete', { id: saved.id });
    const actions = (await b.call('journal:list', { limit: 10 })).entries.map((e) => [e.action, JSON.parse(e.details).query]);
    expect(actions).toEqual([['search-delete', 'action:LOGIN*'], ['search-save', 'action:LOGIN*']]);
    await b.close();
  });
});

describe('case overview', () => {
  it('equals what SQL says about the case', async () => {
    const file = path.join(tempDir(), 'o.auditlens');
    const b = caseWithAges(file);
    const db = b.context.db;
    const o = await b.call('case:overview', {});
    const truth = (sql: string) => db.prepare(sql).all();
    expect(o.events).toBe(7);
    expect(o.byFormat.map((r) => [r.name, r.events])).toEqual(truth('SELECT format, count(*) FROM events GROUP BY format ORDER BY 2 DESC, 1').map((r) => Object.values(r as object)));
    expect(o.bySource.map((r) => [r.name, r.events])).toEqual(truth('SELECT source, count(*) FROM events GROUP BY source ORDER BY 2 DESC, 1').map((r) => Object.values(r as object)));
    const span = db.prepare('SELECT min(ts) AS lo, max(ts) AS hi FROM events').get() as { lo: number; hi: number };
    expect([o.firstTime, o.lastTime]).toEqual([new Date(span.lo).toISOString(), new Date(span.hi).toISOString()]);
    expect(o.sources.find((s) => s.source === 'okta-prod')).toMatchObject({ formats: ['okta'], events: 3 });
    expect(o.rejects).toBe(2);
    expect(o.importsByStatus).toEqual({ completed: 1, failed: 1 });
    expect(o.integrity).toEqual({ verified: 0, unverified: 0, mismatch: 0, 'missing-from-digest': 0 });
    expect(o.bytesOnDisk).toBeGreaterThanOrEqual(fs.statSync(file).size);
    await b.close();
  });
});

describe('recent cases', () => {
  it('keeps the cases this host opened, most recent first', async () => {
    const dir = tempDir();
    const recent = path.join(dir, 'recent-cases.json');
    rememberCase(recent, path.join(dir, 'gone.auditlens'), new Date('2026-01-01'));
    const b = caseWithAges(path.join(dir, 'first.auditlens'), { recentCasesFile: recent });
    await b.call('case:new', { path: path.join(dir, 'second.auditlens') });
    const list = await b.call('case:recent', {});
    expect(list.map((r) => [path.basename(r.path), r.exists])).toEqual([['second.auditlens', true], ['first.auditlens', true], ['gone.auditlens', false]]);
    await b.close();
  });
});

describe('retention and purge', () => {
  it('defaults to 13 months and refuses a policy below 60 days', async () => {
    const b = caseWithAges(path.join(tempDir(), 'r.auditlens'));
    expect(await b.call('case:retention', {})).toEqual({ policy: { amount: 13, unit: 'months' }, isDefault: true, cutoff: '2025-10-05T12:00:00.000Z' });
    await expect(b.call('case:retention', { policy: { amount: 59, unit: 'days' } })).rejects.toThrow(/below the minimum of 60 days/);
    await expect(b.call('case:retention', { policy: { amount: 2, unit: 'months' } })).rejects.toBeInstanceOf(AppError);
    expect(await b.call('case:retention', { policy: { amount: 60, unit: 'days' } })).toMatchObject({ isDefault: false, policy: { amount: 60, unit: 'days' } });
    const set = (await b.call('journal:list', { limit: 1 })).entries[0];
    expect([set.action, JSON.parse(set.details)]).toEqual(['retention-set', { policy: { amount: 60, unit: 'days' }, previous: null }]);
    expect((await b.call('journal:list', { limit: 10 })).total).toBe(1); // the refused policies left no entry
    expect(retentionCutoff({ amount: 13, unit: 'months' }, new Date('2026-03-31T00:00:00Z')).toISOString()).toBe('2025-02-28T00:00:00.000Z');
    await b.close();
  });

  it('removes exactly the old events with their FTS rows and annotations, journals it, and keeps the guard closed', async () => {
    const b = caseWithAges(path.join(tempDir(), 'p.auditlens'));
    const db = b.context.db;
    await b.call('annotations:star', { eventId: 'age:800:4', starred: true });
    await b.call('annotations:tag', { eventId: 'age:500:3', tag: 'finding' });
    await b.call('annotations:comment', { eventId: 'age:800:5', text: 'old but relevant' });
    await b.call('annotations:star', { eventId: 'age:10:0', starred: true });
    const expectedGone = (db.prepare('SELECT id FROM events WHERE ts < ? ORDER BY id').pluck().all(NOW.getTime() - 396 * DAY) as string[]);
    expect(expectedGone).toEqual(['age:500:3', 'age:800:4', 'age:800:5', 'age:800:6']);

    const dry = await b.call('case:purge', { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, events: 4, stars: 1, tags: 1, comments: 1 });
    expect((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(7);

    const done = await b.call('case:purge', {});
    expect(done).toMatchObject({ dryRun: false, events: 4, stars: 1, tags: 1, comments: 1, cutoff: '2025-10-05T12:00:00.000Z' });
    const left = db.prepare('SELECT id FROM events ORDER BY id').pluck().all();
    expect(left).toEqual(['age:100:2', 'age:10:0', 'age:10:1']);
    // FTS stays consistent: no MATCH finds a purged event, the kept ones are still found, integrity-check passes.
    const match = (q: string) => db.prepare(`SELECT count(*) AS n FROM events_fts WHERE events_fts MATCH ?`).get(q) as { n: number };
    for (const gone of ['marker500x3', 'marker800x4', 'marker800x6']) expect(match(gone).n).toBe(0);
    expect(match('marker100x2').n).toBe(1);
    expect(() => db.exec(`INSERT INTO events_fts(events_fts) VALUES ('integrity-check')`)).not.toThrow();
    expect((await b.call('events:count', { query: 'aged', exact: true })).count).toBe(3);
    expect(db.prepare('SELECT count(*) AS n FROM stars').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT sum(n) AS n FROM event_minutes').get()).toEqual({ n: 3 });

    const last = (await b.call('journal:list', { limit: 1 })).entries[0];
    expect(last.seq).toBe(done.journalSeq);
    expect(last.action).toBe('retention-purge');
    expect(JSON.parse(last.details)).toMatchObject({ events: 4, stars: 1, tags: 1, comments: 1, cutoff: done.cutoff });
    expect((await b.call('journal:verify', {})).ok).toBe(true);

    // Outside the purge the append-only guard is closed again.
    expect(db.prepare(`SELECT value FROM case_meta WHERE key = 'purge_in_progress'`).get()).toBeUndefined();
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE events SET actor = 'x'`).run()).toThrow(/append-only/);
    await b.close();
  });

  it('CLI: purge --dry-run counts, purge deletes, a too-short --retention is refused', async () => {
    const file = path.join(tempDir(), 'cli.auditlens');
    await caseWithAges(file, {}, new Date()).close(); // the CLI purges against the real clock
    const dry = cli(['purge', '--case', file, '--retention', '90d', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^dry run: would delete 5 events older than/);
    const tooShort = cli(['purge', '--case', file, '--retention', '30d']);
    expect(tooShort.code).toBe(2); // invalid input, as for every refused argument
    expect(tooShort.stderr).toMatch(/below the minimum of 60 days/);
    const run = cli(['purge', '--case', file]);
    expect(run.stdout).toMatch(/^deleted 5 events older than .* \(policy 90 days\)/);
    expect(cli(['journal', '--case', file, '--verify']).stdout).toMatch(/journal OK/);
  });
});
