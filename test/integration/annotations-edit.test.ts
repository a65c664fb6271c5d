import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { MIGRATIONS, migrate } from '../../electron/backend/store/migrations/index.js';
import { createEventWriter } from '../../electron/backend/store/queries/insert-events.js';
import { localActor, verifyJournal } from '../../electron/backend/store/queries/journal.js';
import { purgeOldEvents } from '../../electron/backend/store/queries/retention.js';
import { cli } from '../helpers/cli.js';
import { makeEvent } from '../helpers/events.js';
import { useTempDir } from '../helpers/temp.js';

/**
 * Correcting annotations on real case files, through the backend's handler map (the channels the UI calls) and the
 * real CLI: comment edits keep their history, deletions hide a comment everywhere but the journal, tags are removed,
 * renamed, redescribed and deleted with a confirmed count, and exports/re-imports neither duplicate nor resurrect.
 */

const tempDir = useTempDir();
const me = localActor();
const OTHER = 'someone-else-not-this-os-user';

let dir: string;
let caseFile: string;
let backend: Backend;

const events = Array.from({ length: 12 }, (_, i) =>
  makeEvent({ id: `e-${i}`, ts: Date.UTC(2026, 0, 1) + i * 60_000, actor: `user${i % 3}@example.com`, action: 'GetObject' }),
);

async function ids(query: string): Promise<string[]> {
  return (await backend.call('events:window', { query, order: 'asc', offset: 0, limit: 100 })).rows.map((r) => r.id);
}
function journal(b: Backend = backend): { action: string; actor: string; details: Record<string, unknown> }[] {
  const rows = b.context.db.prepare('SELECT action, actor, details FROM journal ORDER BY seq').all() as { action: string; actor: string; details: string }[];
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}
const lastEntry = () => journal().at(-1)!;
async function comment(eventId: string, text: string, author?: string) {
  const a = await backend.call('annotations:comment', { eventId, text, ...(author ? { author } : {}) });
  return a.comments.at(-1)!;
}

beforeEach(() => {
  dir = tempDir();
  caseFile = path.join(dir, 'case.auditlens');
  backend = createBackend({ caseFile });
  createEventWriter(backend.context.db).write(events);
});
afterEach(async () => {
  await backend.close();
});

describe('migration 0009-annotation-corrections', () => {
  it('adds comment history and deleted comments to a case of the previous version, keeping its comments', () => {
    const db = new Database(path.join(tempDir(), 'm.auditlens'));
    const before = Math.max(...MIGRATIONS.filter((m) => m.version < 9).map((m) => m.version));
    expect(migrate(db, before)).toBe(before);
    db.prepare(`INSERT INTO comments (event_id, author, at, text) VALUES ('x', 'ana', '2026-01-01T00:00:00.000Z', 'kept')`).run();
    const tables = () => (db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')`).all() as { name: string }[]).map((r) => r.name);
    expect(tables()).not.toContain('comment_versions');
    expect(migrate(db, 9)).toBe(9);
    expect(tables()).toEqual(expect.arrayContaining(['comment_versions', 'deleted_comments', 'comments_drop_versions']));
    expect(db.prepare('SELECT event_id, author, text FROM comments').all()).toEqual([{ event_id: 'x', author: 'ana', text: 'kept' }]);
    // Removing a comment row (a deletion, a retention purge) takes its superseded texts with it.
    db.prepare(`INSERT INTO comment_versions VALUES (1, 1, 'old', 'a', 'b', 'ana')`).run();
    db.prepare('DELETE FROM comments WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM comment_versions').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('editing a comment', () => {
  it('keeps every earlier text in its history, journals comment-edited, and searches see only the current text', async () => {
    const c = await comment('e-1', 'Copied payroll to a personal bucket');
    expect(c).toMatchObject({ author: me, editedAt: null, versions: 1, mine: true });
    const first = await backend.call('annotations:comment-edit', { commentId: c.id, text: 'Copied payroll to an external bucket' });
    expect(first.comments).toHaveLength(1);
    expect(first.comments[0]).toMatchObject({ id: c.id, text: 'Copied payroll to an external bucket', at: c.at, versions: 2 });
    expect(first.comments[0].editedAt).toEqual(expect.any(String));
    await backend.call('annotations:comment-edit', { commentId: c.id, text: 'Exfiltration: payroll copied to s3://evil' });

    const history = await backend.call('annotations:comment-history', { commentId: c.id });
    expect(history.eventId).toBe('e-1');
    expect(history.versions.map((v) => [v.version, v.text, v.author])).toEqual([
      [1, 'Copied payroll to a personal bucket', me],
      [2, 'Copied payroll to an external bucket', me],
      [3, 'Exfiltration: payroll copied to s3://evil', me],
    ]);
    expect(history.versions[0].writtenAt).toBe(c.at);
    expect(history.versions[1].writtenAt).toBe(history.versions[0].replacedAt);
    expect(history.versions[2].replacedAt).toBeNull();

    expect(lastEntry()).toEqual({
      action: 'comment-edited',
      actor: me,
      details: { eventId: 'e-1', commentId: c.id, version: 3, previousText: 'Copied payroll to an external bucket', text: 'Exfiltration: payroll copied to s3://evil' },
    });
    expect(await ids('comment:evil')).toEqual(['e-1']);
    expect(await ids('comment:/s3:..evil/')).toEqual(['e-1']);
    expect(await ids('comment:personal')).toEqual([]);
    expect(verifyJournal(backend.context.db).ok).toBe(true);
  });

  it('refuses an edit by anyone but the author and changes nothing; the same text again is not a new version', async () => {
    const theirs = await comment('e-2', 'Their finding', OTHER);
    expect(theirs.mine).toBe(false);
    const entries = journal().length;
    await expect(backend.call('annotations:comment-edit', { commentId: theirs.id, text: 'rewritten' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringContaining(`only the comment's author (${OTHER}) may edit`),
    });
    await expect(backend.call('annotations:comment-delete', { commentId: theirs.id })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await backend.call('annotations:get', { eventId: 'e-2' })).comments.map((x) => x.text)).toEqual(['Their finding']);
    expect(journal()).toHaveLength(entries);

    const mine = await comment('e-2', 'Mine');
    const same = await backend.call('annotations:comment-edit', { commentId: mine.id, text: '  Mine ' });
    expect(same.comments.find((x) => x.id === mine.id)).toMatchObject({ versions: 1, editedAt: null });
    expect(journal()).toHaveLength(entries + 1);
    await expect(backend.call('annotations:comment-edit', { commentId: mine.id, text: '   ' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(backend.call('annotations:comment-edit', { commentId: 9999, text: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('deleting a comment', () => {
  it('hides it from the event, has:comment and comment:, while the journal keeps what, who and when', async () => {
    const c = await comment('e-3', 'False positive: the scanner');
    await backend.call('annotations:comment-edit', { commentId: c.id, text: 'Scanner, not an attacker' });
    await comment('e-4', 'Real finding');
    expect(await ids('has:comment')).toEqual(['e-3', 'e-4']);

    const after = await backend.call('annotations:comment-delete', { commentId: c.id });
    expect(after.comments).toEqual([]);
    expect(await ids('has:comment')).toEqual(['e-4']);
    expect(await ids('comment:scanner')).toEqual([]);
    expect(await ids('comment:/attacker/')).toEqual([]);
    expect(await ids('-has:comment')).toContain('e-3');

    const entry = lastEntry();
    expect(entry.action).toBe('comment-deleted');
    expect(entry.actor).toBe(me);
    expect(entry.details).toMatchObject({ eventId: 'e-3', commentId: c.id, author: me, at: c.at, text: 'Scanner, not an attacker' });
    expect(entry.details.earlierVersions).toEqual([expect.objectContaining({ version: 1, text: 'False positive: the scanner' })]);
    const kept = backend.context.db.prepare('SELECT text, deleted_by, versions FROM deleted_comments WHERE comment_id = ?').get(c.id) as Record<string, string>;
    expect(kept).toMatchObject({ text: 'Scanner, not an attacker', deleted_by: me });
    expect(backend.context.db.prepare('SELECT count(*) AS n FROM comment_versions').get()).toEqual({ n: 0 });

    await expect(backend.call('annotations:comment-edit', { commentId: c.id, text: 'again' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining(`it was deleted by ${me}`),
    });
    await expect(backend.call('annotations:comment-history', { commentId: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A later comment never takes the deleted comment's id: journal entries name one comment each.
    const next = await comment('e-3', 'A new note');
    expect(next.id).toBeGreaterThan(c.id);

    await backend.close();
    const verify = cli(['journal', '--case', caseFile, '--verify']);
    expect(verify.stdout).toMatch(/journal OK: \d+ entries, hash chain intact/);
    expect(verify.code).toBe(0);
    const listed = cli(['journal', '--case', caseFile]).stdout;
    expect(listed).toMatch(/comment-edited .*"previousText":"False positive: the scanner"/);
    expect(listed).toMatch(/comment-deleted .*"text":"Scanner, not an attacker"/);
    backend = createBackend({ caseFile });
  });

  it('a retention purge removes deleted comments and edit history of the purged events too', async () => {
    const c = await comment('e-5', 'one');
    await backend.call('annotations:comment-edit', { commentId: c.id, text: 'two' });
    const d = await comment('e-6', 'gone');
    await backend.call('annotations:comment-delete', { commentId: d.id });
    const result = purgeOldEvents(backend.context.db, new Date('2028-06-01T00:00:00Z'), false);
    expect(result.events).toBe(events.length);
    const count = (t: string) => (backend.context.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    expect([count('comments'), count('comment_versions'), count('deleted_comments')]).toEqual([0, 0, 0]);
  });
});

describe('tags', () => {
  it('removing a tag from an event is journaled (untag) and tag: no longer finds it', async () => {
    await backend.call('annotations:tag', { eventId: 'e-1', tag: 'triage' });
    const a = await backend.call('annotations:untag', { eventId: 'e-1', tag: 'triage' });
    expect(a.tags).toEqual([]);
    expect(lastEntry()).toEqual({ action: 'untag', actor: me, details: { eventId: 'e-1', tag: 'triage' } });
    expect(await ids('tag:triage')).toEqual([]);
    const n = journal().length;
    await backend.call('annotations:untag', { eventId: 'e-1', tag: 'triage' });
    expect(journal()).toHaveLength(n);
  });

  it('renames a tag on all its events, refuses a name another tag has, and edits description and colour', async () => {
    await backend.call('annotations:tag', { eventId: 'e-1', tag: 'exfil' });
    await backend.call('annotations:tag', { eventId: 'e-2', tag: 'exfil' });
    await backend.call('annotations:tag', { eventId: 'e-3', tag: 'triage' });
    const renamed = await backend.call('tags:rename', { name: 'EXFIL', newName: 'data-theft' });
    expect(renamed).toMatchObject({ name: 'data-theft', events: 2 });
    expect(lastEntry()).toEqual({ action: 'tag-renamed', actor: me, details: { from: 'exfil', to: 'data-theft', events: 2 } });
    expect(await ids('tag:data-theft')).toEqual(['e-1', 'e-2']);
    expect(await ids('tag:exfil')).toEqual([]);
    expect((await backend.call('annotations:get', { eventId: 'e-1' })).tags.map((t) => t.name)).toEqual(['data-theft']);

    await expect(backend.call('tags:rename', { name: 'data-theft', newName: 'Triage' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('a tag named triage already exists'),
    });
    await expect(backend.call('tags:rename', { name: 'nope', newName: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(backend.call('tags:rename', { name: 'triage', newName: 'has space' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await backend.call('tags:rename', { name: 'triage', newName: 'Triage' })).toMatchObject({ name: 'Triage' });

    await backend.call('tags:define', { name: 'data-theft', description: 'Data leaving the company', color: '#7C3AED' });
    expect(lastEntry()).toMatchObject({ action: 'tag-update', details: { name: 'data-theft', description: 'Data leaving the company', color: '#7c3aed' } });
    expect((await backend.call('tags:list', {})).find((t) => t.name === 'data-theft')).toEqual({
      name: 'data-theft', description: 'Data leaving the company', color: '#7c3aed', events: 2,
    });
  });

  it('deletes a tag only with the confirmed event count, removing it from its events, journaled with their ids', async () => {
    for (const id of ['e-7', 'e-8', 'e-9']) await backend.call('annotations:tag', { eventId: id, tag: 'noise' });
    await backend.call('annotations:tag', { eventId: 'e-7', tag: 'keep' });
    const entries = journal().length;
    await expect(backend.call('tags:delete', { name: 'noise', events: 2 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'tag noise is on 3 events, not 2: nothing was deleted; confirm the deletion again',
    });
    expect(await ids('tag:noise')).toEqual(['e-7', 'e-8', 'e-9']);
    expect(journal()).toHaveLength(entries);

    expect(await backend.call('tags:delete', { name: 'noise', events: 3 })).toEqual({ name: 'noise', events: 3 });
    expect(await ids('tag:noise')).toEqual([]);
    expect(await ids('has:tag')).toEqual(['e-7']);
    expect((await backend.call('tags:list', {})).map((t) => t.name)).toEqual(['keep']);
    expect(lastEntry()).toMatchObject({ action: 'tag-deleted', details: { name: 'noise', events: 3, eventIds: ['e-7', 'e-8', 'e-9'] } });
    // An unused tag is deleted with a confirmed count of 0.
    await backend.call('tags:define', { name: 'unused' });
    expect(await backend.call('tags:delete', { name: 'unused', events: 0 })).toEqual({ name: 'unused', events: 0 });
    expect(verifyJournal(backend.context.db).ok).toBe(true);
  });
});

describe('exports and re-import after corrections', () => {
  it('exports only live comments (edited ones marked), and re-imports neither duplicate nor resurrect', async () => {
    const edited = await comment('e-1', 'first text');
    const deleted = await comment('e-1', 'to be deleted');
    await comment('e-2', 'untouched');
    const before = path.join(dir, 'before.jsonl');
    await backend.close();
    expect(cli(['export', '--case', caseFile, 'has:comment', '--format', 'jsonl', '--out', before]).code).toBe(0);
    backend = createBackend({ caseFile });
    await backend.call('annotations:comment-edit', { commentId: edited.id, text: 'second text' });
    await backend.call('annotations:comment-delete', { commentId: deleted.id });
    await backend.close();

    const after = path.join(dir, 'after.jsonl');
    expect(cli(['export', '--case', caseFile, 'has:comment', '--format', 'jsonl', '--out', after]).code).toBe(0);
    const lines = fs.readFileSync(after, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; comments: Record<string, string>[] });
    expect(lines.map((l) => l.id)).toEqual(['e-1', 'e-2']);
    expect(lines[0].comments).toEqual([{ author: me, at: edited.at, text: 'second text', editedAt: expect.any(String) }]);
    expect(lines[1].comments).toEqual([{ author: me, at: expect.any(String), text: 'untouched' }]);

    // Both exports back into the same case: the older one carries the deleted comment and the edited one's old text.
    for (const file of [after, before]) {
      const r = cli(['annotations', 'import', file, '--case', caseFile]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/\(0 new stars, 0 new tags, 0 new comments\)/);
      if (file === before) expect(r.stdout).toMatch(/1 comments deleted in this case were not restored/);
    }
    backend = createBackend({ caseFile });
    const summary = await backend.call('annotations:import', { path: before });
    expect(summary).toMatchObject({ comments: 0, deletedComments: 1 });
    expect((await backend.call('annotations:get', { eventId: 'e-1' })).comments.map((c) => c.text)).toEqual(['second text']);
    expect(await ids('comment:deleted')).toEqual([]);

    // Into a fresh case of the same evidence: the live comments arrive with their current text.
    const fresh = createBackend({ caseFile: path.join(dir, 'fresh.auditlens') });
    try {
      createEventWriter(fresh.context.db).write(events);
      expect(await fresh.call('annotations:import', { path: after })).toMatchObject({ comments: 2, deletedComments: 0 });
      expect(await fresh.call('annotations:import', { path: after })).toMatchObject({ comments: 0 });
      const texts = (await fresh.call('annotations:get', { eventId: 'e-1' })).comments.map((c) => [c.author, c.at, c.text]);
      expect(texts).toEqual([[me, edited.at, 'second text']]);
    } finally {
      await fresh.close();
    }
  });

  it('tells apart two comments written in the same millisecond: one deleted, one live', async () => {
    const kept = await comment('e-3', 'kept');
    const gone = await comment('e-3', 'gone');
    // Force the collision a fast machine produces now and then.
    backend.context.db.prepare('UPDATE comments SET at = ? WHERE id = ?').run(kept.at, gone.id);
    const file = path.join(dir, 'same-ms.jsonl');
    await backend.close();
    expect(cli(['export', '--case', caseFile, 'has:comment', '--format', 'jsonl', '--out', file]).code).toBe(0);
    backend = createBackend({ caseFile });
    await backend.call('annotations:comment-delete', { commentId: gone.id });
    expect(await backend.call('annotations:import', { path: file })).toMatchObject({ comments: 0, deletedComments: 1 });
    expect((await backend.call('annotations:get', { eventId: 'e-3' })).comments.map((c) => c.text)).toEqual(['kept']);
  });
});
