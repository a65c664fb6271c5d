import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.js';
import { migrate } from '../../electron/backend/store/migrations/index.js';
import { whereClause } from '../../electron/backend/store/query-sql.js';
import { EXACT_ROWS, facets } from '../../electron/backend/store/queries/facets.js';
import { createEventWriter, type EventInsert } from '../../electron/backend/store/queries/insert-events.js';
import { verifyJournal } from '../../electron/backend/store/queries/journal.js';
import { FACET_FIELDS, type FacetField } from '../../shared/contract/annotations.js';
import { EXPORT_FIELDS } from '../../shared/model/event.js';
import { cli } from '../helpers/cli.js';
import { makeEvent } from '../helpers/events.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();

const COLUMN: Record<FacetField, string> = {
  actor: 'actor', action: 'action', category: 'category', target: 'target', targetType: 'target_type', outcome: 'outcome', severity: 'severity',
  ip: 'source_ip', source: 'source', format: 'format',
};

function build(n: number): EventInsert[] {
  return Array.from({ length: n }, (_, i) =>
    makeEvent({
      id: `f-${i}`,
      ts: Date.UTC(2026, 0, 1) + i * 1000,
      actor: i % 13 === 0 ? null : `user${(i * 7) % 23}@example.com`,
      action: ['ConsoleLogin', 'GetObject', 'PutObject', 'DeleteBucket'][i % 4],
      category: (['authentication', 'data_access', 'resource_change'] as const)[i % 3],
      target: i % 5 === 0 ? null : `bucket-${i % 9}`,
      targetType: i % 6 === 0 ? null : ['bucket', 'role', 'API key'][i % 3],
      outcome: i % 7 === 0 ? 'failure' : 'success',
      severity: i % 11 === 0 ? 'critical' : 'info',
      sourceIp: `10.0.${i % 3}.${i % 17}`,
      source: i % 2 ? 'trail-a' : 'trail-b',
    }),
  );
}

describe('migration 0004-annotations', () => {
  it('creates tags, event_tags, stars and comments from version 3', () => {
    const db = new Database(path.join(tempDir(), 'm.auditlens'));
    expect(migrate(db, 3)).toBe(3);
    expect(migrate(db, 4)).toBe(4);
    const names = (db.prepare(`SELECT name FROM sqlite_master`).all() as { name: string }[]).map((r) => r.name);
    for (const t of ['tags', 'event_tags', 'stars', 'comments', 'event_tags_by_tag_id', 'comments_by_event_id']) expect(names).toContain(t);
    db.prepare(`INSERT INTO tags (name, created_at) VALUES ('x', 'now')`).run();
    expect(() => db.prepare(`INSERT INTO tags (name, created_at) VALUES ('X', 'now')`).run()).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('events:facets', () => {
  it('counts equal GROUP BY for every field, filtered and unfiltered, with nulls counted', async () => {
    const backend = createBackend({ caseFile: path.join(tempDir(), 'f.auditlens') });
    try {
      createEventWriter(backend.context.db).write(build(3000));
      for (const query of ['', 'outcome:failure', 'actor:user1* OR severity:critical', '-source:trail-a action:/object$/', 'targetType:"API key"', '-has:targetType']) {
        const got = await backend.call('events:facets', { query, limit: 100 });
        const where = whereClause(query);
        expect(got.approximate).toBe(false);
        const n = (backend.context.db.prepare(`SELECT count(*) AS n FROM events WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
        expect(got.total, query).toBe(n);
        for (const f of got.fields) {
          const col = COLUMN[f.field];
          const truth = backend.context.db
            .prepare(`SELECT ${col} AS value, count(*) AS count FROM events WHERE ${where.sql} GROUP BY ${col}`)
            .all(...where.params) as { value: string | null; count: number }[];
          const sorted = (xs: { value: string | null; count: number }[]) =>
            [...xs].sort((a, b) => String(a.value).localeCompare(String(b.value)));
          expect(sorted(f.values), `${query} ${f.field}`).toEqual(sorted(truth));
        }
      }
      const one = await backend.call('events:facets', { query: '', fields: ['actor'], limit: 3 });
      expect(one.fields.map((f) => f.field)).toEqual(['actor']);
      expect(one.fields[0].values).toHaveLength(3);
      expect(one.fields[0].more).toBe(true);
      expect(one.fields[0].values[0].count).toBeGreaterThanOrEqual(one.fields[0].values[1].count);
    } finally {
      await backend.close();
    }
  });

  it('samples a result larger than EXACT_ROWS, says so, and stays close to the truth; exact reads all', () => {
    const caseFile = path.join(tempDir(), 'big.auditlens');
    const backend = createBackend({ caseFile });
    const db = backend.context.db;
    createEventWriter(db).write(build(EXACT_ROWS * 3));
    const where = whereClause('');
    const approx = facets(db, where, FACET_FIELDS, 100, false);
    expect(approx.approximate).toBe(true);
    expect(approx.sampled).toBeLessThanOrEqual(EXACT_ROWS + 1);
    const filtered = whereClause('outcome:success');
    const approxFiltered = facets(db, filtered, FACET_FIELDS, 100, false);
    const exactFiltered = facets(db, filtered, FACET_FIELDS, 100, true);
    expect(approxFiltered.approximate).toBe(true);
    expect(approxFiltered.total).toBe(exactFiltered.total);
    expect(approx.total).toBe(EXACT_ROWS * 3);
    const exact = facets(db, where, FACET_FIELDS, 100, true);
    expect(exact.approximate).toBe(false);
    // The synthetic data is periodic in rowid (every 3rd event the same category...): a plain `rowid % k` sample
    // would alias to one category; the hashed sample must not.
    for (const [a, e] of [[approx, exact], [approxFiltered, exactFiltered]]) {
      for (const [i, f] of e.fields.entries()) {
        for (const v of f.values) {
          if (v.count < e.total / 50) continue;
          const got = a.fields[i].values.find((x) => x.value === v.value);
          expect(got, `${f.field}=${v.value}`).toBeDefined();
          expect(Math.abs(got!.count - v.count) / v.count, `${f.field}=${v.value}`).toBeLessThan(0.2);
        }
      }
    }
    return backend.close();
  });
});

describe('annotations: journal, export and re-import', () => {
  it('journals each action, travels in JSONL and CSV exports, and re-imports idempotently into another case', async () => {
    const dir = tempDir();
    const events = build(50);
    const source = createBackend({ caseFile: path.join(dir, 'a.auditlens') });
    createEventWriter(source.context.db).write(events);
    await source.call('tags:define', { name: 'exfil', description: 'Data leaving', color: '#7c3aed' });
    await source.call('annotations:tag', { eventId: 'f-4', tag: 'exfil' });
    await source.call('annotations:tag', { eventId: 'f-4', tag: 'triage' });
    await source.call('annotations:star', { eventId: 'f-4', starred: true });
    await source.call('annotations:comment', { eventId: 'f-4', text: 'Copied to an external bucket, "quoted"', author: 'ana' });
    await expect(source.call('annotations:star', { eventId: 'nope', starred: true })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(source.call('annotations:tag', { eventId: 'f-4', tag: 'has space' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const journal = source.context.db.prepare('SELECT action, details FROM journal ORDER BY seq').all() as { action: string; details: string }[];
    expect(journal.map((j) => j.action)).toEqual(['tag-define', 'tag', 'tag-define', 'tag', 'star', 'comment']);
    expect(verifyJournal(source.context.db).ok).toBe(true);
    await source.close();

    const jsonl = path.join(dir, 'out.jsonl');
    const csv = path.join(dir, 'out.csv');
    expect(cli(['export', '--case', path.join(dir, 'a.auditlens'), '--format', 'jsonl', '--out', jsonl]).code).toBe(0);
    expect(cli(['export', '--case', path.join(dir, 'a.auditlens'), '--format', 'csv', '--out', csv]).code).toBe(0);
    const lines = fs.readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(50);
    expect(Object.keys(lines[0])).toEqual([...EXPORT_FIELDS, 'starred', 'tags', 'comments']);
    const tagged = lines.find((l) => l.id === 'f-4')!;
    expect(tagged.starred).toBe(true);
    expect(tagged.tags).toEqual([
      { name: 'exfil', description: 'Data leaving', color: '#7c3aed' },
      { name: 'triage', description: '', color: expect.stringMatching(/^#[0-9a-f]{6}$/) },
    ]);
    expect(tagged.comments).toEqual([{ author: 'ana', at: expect.any(String), text: 'Copied to an external bucket, "quoted"' }]);
    expect(lines.find((l) => l.id === 'f-5')).toMatchObject({ starred: false, tags: [], comments: [] });
    const csvText = fs.readFileSync(csv, 'utf8');
    expect(csvText.split('\r\n')[0]).toBe(`\uFEFF${[...EXPORT_FIELDS, 'starred', 'tags', 'comments'].join(',')}`);
    expect(csvText).toMatch(/,true,exfil; triage,"\[\{""author"":""ana""/);

    const target = path.join(dir, 'b.auditlens');
    const other = createBackend({ caseFile: target });
    createEventWriter(other.context.db).write(events.slice(0, 40));
    await other.close();
    fs.appendFileSync(jsonl, '{not json\n');
    const first = cli(['annotations', 'import', jsonl, '--case', target]);
    expect(first.stdout).toMatch(/1 annotated events applied \(1 new stars, 2 new tags, 1 new comments\), 0 events not in this case/);
    expect(first.stderr).toMatch(/line 51: not JSON/);
    expect(first.code).toBe(1);
    const again = cli(['annotations', 'import', jsonl, '--case', target]);
    expect(again.stdout).toMatch(/\(0 new stars, 0 new tags, 0 new comments\)/);

    const check = createBackend({ caseFile: target });
    try {
      const a = await check.call('annotations:get', { eventId: 'f-4' });
      expect(a.starred).toBe(true);
      expect(a.tags.map((t) => [t.name, t.color, t.description])).toEqual([
        ['exfil', '#7c3aed', 'Data leaving'],
        ['triage', tagged.tags && (tagged.tags as { color: string }[])[1].color, ''],
      ]);
      expect(a.comments.map((c) => [c.author, c.text])).toEqual([['ana', 'Copied to an external bucket, "quoted"']]);
      const found = await check.call('events:window', { query: 'tag:exfil is:starred comment:external', order: 'asc', offset: 0, limit: 10 });
      expect(found.rows.map((r) => r.id)).toEqual(['f-4']);
      const last = check.context.db.prepare('SELECT action FROM journal ORDER BY seq DESC LIMIT 1').get() as { action: string };
      expect(last.action).toBe('annotations-import');
    } finally {
      await check.close();
    }
  });
});
