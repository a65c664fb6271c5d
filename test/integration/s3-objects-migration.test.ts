import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../electron/backend/store/migrations/index.js';
import { recordS3Objects, s3ObjectFor, setVerdicts } from '../../electron/backend/store/queries/s3-objects.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();

const object = (over: Partial<Parameters<typeof recordS3Objects>[1][number]> = {}) => ({
  bucket: 'trail', key: 'AWSLogs/1/CloudTrail/us-east-1/2026/01/01/a.json.gz', url: 's3://trail/AWSLogs/1/CloudTrail/us-east-1/2026/01/01/a.json.gz',
  etag: '"e1"', versionId: null, sha256: 'a'.repeat(64), contentSha256: 'b'.repeat(64), bytes: 10, lastModified: null, importId: null,
  ...over,
});

describe('migration 0007-s3-objects', () => {
  it('adds s3_objects, s3_digests and s3_integrity_gaps to a case of the previous version', () => {
    const db = new Database(path.join(tempDir(), 'm.auditlens'));
    const before = Math.max(...MIGRATIONS.filter((m) => m.version < 7).map((m) => m.version));
    expect(migrate(db, before)).toBe(before);
    const tables = () => (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
    expect(tables()).not.toContain('s3_objects');
    expect(migrate(db, 7)).toBe(7);
    expect(tables()).toEqual(expect.arrayContaining(['s3_objects', 's3_digests', 's3_integrity_gaps']));
    db.close();
  });

  it('keeps one row per object version (bucket + key + SHA-256) and counts its events from every import of those bytes', () => {
    const db = new Database(path.join(tempDir(), 'm.auditlens'));
    migrate(db, 7);
    const imported = db.prepare(`INSERT INTO imports (object, sha256, inserted, status, started_at) VALUES (?, ?, ?, ?, 'now')`);
    imported.run(object().url, 'a'.repeat(64), 2, 'cancelled'); // a pull cut short after 2 events
    imported.run(object().url, 'a'.repeat(64), 1, 'completed'); // the resumed pull added the last one
    imported.run(object().url, 'c'.repeat(64), 2, 'completed');
    imported.run('s3://trail/other.json.gz', 'a'.repeat(64), 0, 'skipped'); // same bytes under another key: not counted
    recordS3Objects(db, [object()]);
    recordS3Objects(db, [object()]); // the same bytes again (a lost checkpoint): nothing new
    recordS3Objects(db, [object({ sha256: 'c'.repeat(64), etag: '"e2"' })]); // the object changed in S3
    const rows = db.prepare(`SELECT etag, events, integrity FROM s3_objects ORDER BY id`).all();
    expect(rows).toEqual([{ etag: '"e1"', events: 3, integrity: 'unverified' }, { etag: '"e2"', events: 2, integrity: 'unverified' }]);
    expect(s3ObjectFor(db, object().url, 'c'.repeat(64))).toMatchObject({ etag: '"e2"', sha256: 'c'.repeat(64) });
    expect(s3ObjectFor(db, object().url, null)).toMatchObject({ etag: '"e2"' });
    expect(() => db.prepare(`UPDATE s3_objects SET integrity = 'ok'`).run()).toThrow(/CHECK constraint failed/);
    setVerdicts(db, [{ id: 1, integrity: 'mismatch', detail: 'changed', digestKey: 'd.json.gz' }]);
    expect(s3ObjectFor(db, object().url, 'a'.repeat(64))).toMatchObject({ integrity: 'mismatch', detail: 'changed', digestKey: 'd.json.gz' });
    db.close();
  });
});
