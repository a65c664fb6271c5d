import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { migrate, SCHEMA_VERSION } from '../../electron/backend/store/migrations/index.js';
import { openCase } from '../../electron/backend/store/open.js';
import { createEventWriter } from '../../electron/backend/store/queries/insert-events.js';
import { appendJournal, verifyJournal } from '../../electron/backend/store/queries/journal.js';
import { makeEvent } from '../helpers/events.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();

describe('migration 0001-initial', () => {
  it('creates the tables, FTS index and triggers on an empty file and sets user_version', () => {
    const db = new Database(path.join(tempDir(), 'm.auditlens'));
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(migrate(db, 1)).toBe(1);
    const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table','trigger')`).all() as { name: string }[]).map((r) => r.name);
    for (const t of ['events', 'events_fts', 'imports', 'rejects', 'journal', 'event_minutes', 'events_no_update', 'events_no_delete']) {
      expect(names).toContain(t);
    }
    createEventWriter(db).write([makeEvent({ ts: 0, summary: 'carol published profile payments-strict' })]);
    const hit = db.prepare(`SELECT count(*) AS n FROM events_fts WHERE events_fts MATCH '"payments strict"'`).get() as { n: number };
    expect(hit.n).toBe(1);
    db.close();
  });

  it('is idempotent: migrating twice changes nothing', () => {
    const db = new Database(path.join(tempDir(), 'm.auditlens'));
    migrate(db);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('case file', () => {
  it('opens in WAL mode and refuses UPDATE and DELETE on events', () => {
    const db = openCase(path.join(tempDir(), 'c.auditlens'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    createEventWriter(db).write([makeEvent({ ts: 1000 })]);
    expect(() => db.prepare(`UPDATE events SET actor = 'mallory'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    expect((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(1);
    db.close();
  });

  it('keeps the per-minute rollup equal to the events, across batches, duplicates, id conflicts and negative times', () => {
    const db = openCase(path.join(tempDir(), 'minutes.auditlens'));
    expect(db.pragma('page_size', { simple: true })).toBe(16384);
    const writer = createEventWriter(db);
    const first = [
      makeEvent({ ts: -90_001, outcome: 'failure' }),
      makeEvent({ ts: 59_999 }),
      makeEvent({ ts: 60_000 }),
      makeEvent({ ts: 60_001, outcome: 'failure' }),
    ];
    writer.write(first);
    // Second batch: one exact duplicate (not counted again), one id conflict (kept, counted), one new minute.
    const counts = writer.write([
      { ...first[1] },
      { ...first[2], raw: '{"changed":true}', contentHash: 'other-hash' },
      makeEvent({ ts: 3_600_000 }),
    ]);
    expect(counts).toEqual({ inserted: 2, duplicates: 1, conflicts: 1 });
    const truth = db.prepare(`SELECT (ts - ((ts % 60000) + 60000) % 60000) / 60000 AS minute, outcome, count(*) AS n
      FROM events GROUP BY minute, outcome ORDER BY minute, outcome`).all();
    const rollup = db.prepare('SELECT minute, outcome, n FROM event_minutes WHERE n > 0 ORDER BY minute, outcome').all();
    expect(rollup).toEqual(truth);
    expect(rollup).toContainEqual({ minute: -2, outcome: 'failure', n: 1 });
    expect(rollup).toContainEqual({ minute: 1, outcome: 'success', n: 2 });
    db.close();
  });

  it('reports a file that is not a case as CASE_CORRUPT and a newer schema as CASE_READONLY', async () => {
    const dir = tempDir();
    const fs = await import('node:fs');
    fs.writeFileSync(path.join(dir, 'junk.auditlens'), 'this is not sqlite at all, just text '.repeat(200));
    expect(() => openCase(path.join(dir, 'junk.auditlens'))).toThrow(expect.objectContaining({ code: 'CASE_CORRUPT' }));
    const newer = new Database(path.join(dir, 'newer.auditlens'));
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    let error: unknown;
    try {
      openCase(path.join(dir, 'newer.auditlens'));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CASE_READONLY');
  });

  it('says NOT_FOUND when opening a case that does not exist without create', () => {
    expect(() => openCase(path.join(tempDir(), 'missing.auditlens'), { create: false })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});

describe('event writer dedup', () => {
  it('drops an identical record, keeps a same-id different record flagged as a conflict', () => {
    const db = openCase(path.join(tempDir(), 'd.auditlens'));
    const writer = createEventWriter(db);
    const a = makeEvent({ ts: 5, id: 'okta:1', contentHash: 'h1' });
    expect(writer.write([a])).toEqual({ inserted: 1, duplicates: 0, conflicts: 0 });
    expect(writer.write([{ ...a }])).toEqual({ inserted: 0, duplicates: 1, conflicts: 0 });
    expect(writer.write([{ ...a, contentHash: 'h2', actor: 'bob' }])).toEqual({ inserted: 1, duplicates: 0, conflicts: 1 });
    // The conflicting variant re-imported is a duplicate of itself, not a third row.
    expect(writer.write([{ ...a, contentHash: 'h2', actor: 'bob' }])).toEqual({ inserted: 0, duplicates: 1, conflicts: 0 });
    const rows = db.prepare('SELECT id, actor, id_conflict FROM events ORDER BY rowid').all();
    expect(rows).toEqual([
      { id: 'okta:1', actor: 'alice@example.com', id_conflict: 0 },
      { id: 'okta:1#h2', actor: 'bob', id_conflict: 1 },
    ]);
    db.close();
  });
});

describe('journal', () => {
  it('chains entries and detects an edited or removed entry', () => {
    const file = path.join(tempDir(), 'j.auditlens');
    const db = openCase(file);
    appendJournal(db, 'import', { files: 1 }, 'analyst');
    appendJournal(db, 'export', { rows: 10 }, 'analyst');
    appendJournal(db, 'export', { rows: 11 }, 'analyst');
    expect(verifyJournal(db)).toEqual({ ok: true, entries: 3, problem: null });
    // A tamperer with raw SQL access must drop the trigger first; the chain still tells.
    db.exec('DROP TRIGGER journal_no_update');
    db.prepare(`UPDATE journal SET details = '{"rows":1}' WHERE seq = 2`).run();
    expect(verifyJournal(db)).toMatchObject({ ok: false, problem: 'entry 2 was modified (hash mismatch)' });
    db.exec('DROP TRIGGER journal_no_delete');
    db.prepare('DELETE FROM journal WHERE seq = 2').run();
    expect(verifyJournal(db)).toMatchObject({ ok: false, problem: 'entry 2 is missing (next is 3)' });
    db.close();
  });
});
