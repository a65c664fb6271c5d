import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { beginBulkLoad, catchUpFullText, finishBulkLoad } from '../../electron/backend/store/bulk-load.js';
import { LOOKUP_INDEXES } from '../../electron/backend/store/lookup-indexes.js';
import { openCase, type Db } from '../../electron/backend/store/open.js';
import { createEventWriter } from '../../electron/backend/store/queries/insert-events.js';
import { useTempDir } from '../helpers/temp.js';
import { makeEvent } from '../helpers/events.js';

const tempDir = useTempDir();

function writeEvents(db: Db, from: number, count: number, fullText: boolean): void {
  const events = Array.from({ length: count }, (_, i) => makeEvent({ ts: Date.UTC(2026, 0, 1) + (from + i) * 1000, id: `e${from + i}`, summary: `bulk row ${from + i} quokka` }));
  createEventWriter(db, { fullText }).write(events);
}

const matches = (db: Db, term: string) =>
  db.prepare('SELECT count(*) FROM events_fts WHERE events_fts MATCH ?').pluck().get(term) as number;
const lookupIndexes = (db: Db) =>
  db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name IN (${Object.keys(LOOKUP_INDEXES).map(() => '?').join(',')})`)
    .pluck().all(...Object.keys(LOOKUP_INDEXES));
const marker = (db: Db) => db.prepare(`SELECT value FROM case_meta WHERE key = 'bulk_load'`).pluck().get() as string | undefined;
/** A pid that certainly belonged to a process which has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('bulk load (deferred lookup and full-text indexes)', () => {
  it('defers the full-text feed to catch-ups and the end, and rebuilds the lookup indexes', () => {
    const db = openCase(path.join(tempDir(), 'bulk.auditlens'));
    writeEvents(db, 0, 10, true);
    beginBulkLoad(db);
    expect(lookupIndexes(db)).toEqual([]);
    writeEvents(db, 10, 20, false);
    expect(matches(db, 'quokka')).toBe(10); // the bulk rows are not searchable yet
    catchUpFullText(db);
    expect(matches(db, 'quokka')).toBe(30);
    writeEvents(db, 30, 5, false);
    finishBulkLoad(db);
    expect(matches(db, 'quokka')).toBe(35);
    expect(() => db.exec(`INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)`)).not.toThrow();
    expect(marker(db)).toBeUndefined();
    expect(lookupIndexes(db)).toHaveLength(Object.keys(LOOKUP_INDEXES).length);
    // The connection's own sorter settings come back after the index build.
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('threads', { simple: true })).toBe(0);
    db.close();
  });

  it('an open completes a load whose process is gone and leaves a live one to its owner', () => {
    const file = path.join(tempDir(), 'killed.auditlens');
    const db = openCase(file);
    beginBulkLoad(db);
    writeEvents(db, 0, 12, false);
    db.close();

    // Owned by this (live) process: an open, as an export worker's would be, must not touch it.
    const live = openCase(file);
    expect(marker(live)).toBeDefined();
    expect(matches(live, 'quokka')).toBe(0);
    expect(lookupIndexes(live)).toEqual([]);
    const owned = JSON.parse(marker(live)!) as { pid: number; ftsAfter: number };
    live.prepare(`UPDATE case_meta SET value = ? WHERE key = 'bulk_load'`).run(JSON.stringify({ ...owned, pid: deadPid() }));
    live.close();

    const recovered = openCase(file);
    expect(marker(recovered)).toBeUndefined();
    expect(matches(recovered, 'quokka')).toBe(12);
    expect(lookupIndexes(recovered)).toHaveLength(Object.keys(LOOKUP_INDEXES).length);
    recovered.close();
  });

  it('replaces a retired lookup index of an older case with its successor on open', () => {
    const file = path.join(tempDir(), 'old.auditlens');
    const db = openCase(file);
    db.exec('DROP INDEX events_by_category_cover; CREATE INDEX events_by_category_ts ON events(category, ts)');
    db.close();
    const reopened = openCase(file);
    const names = reopened.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_by_category%'`).pluck().all();
    expect(names).toEqual(['events_by_category_cover']);
    reopened.close();
  });
});
