import type { Comment, EventAnnotations, TagDef, TagSummary } from '../../../../shared/contract/annotations.js';
import type { EventRow } from '../../../../shared/model/event.js';
import { AppError } from '../../../../shared/errors.js';
import type { Db } from '../open.js';
import { appendJournal, localActor } from './journal.js';

/**
 * Stars, tags and comments on events (migration 0004). Every change is one transaction with its journal entry,
 * so the journal never claims an annotation the case does not have, nor misses one it has.
 */

/** Colours a new tag gets when none is given: distinct, readable on the light and dark table backgrounds. */
const PALETTE = ['#dc2626', '#ea580c', '#ca8a04', '#16a34a', '#0891b2', '#2563eb', '#7c3aed', '#db2777', '#475569'];

function defaultColor(name: string): string {
  let h = 0;
  for (const ch of name.toLowerCase()) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

function requireEvent(db: Db, eventId: string): void {
  if (!db.prepare('SELECT 1 FROM events WHERE id = ?').get(eventId)) {
    throw new AppError('NOT_FOUND', `no event with id ${eventId} in this case`);
  }
}

/** True once migration 0009 ran: a case opened read-only at an older schema has no edit history to read. */
export function hasCommentHistory(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'comment_versions'`).get() !== undefined;
}

/** SQL columns over `comments c`: when the current text replaced an earlier one, and how many texts it has had. */
function editColumns(db: Db): string {
  return hasCommentHistory(db)
    ? `(SELECT max(v.replaced_at) FROM comment_versions v WHERE v.comment_id = c.id) AS editedAt,
       1 + (SELECT count(*) FROM comment_versions v WHERE v.comment_id = c.id) AS versions`
    : 'NULL AS editedAt, 1 AS versions';
}

export function getAnnotations(db: Db, eventId: string, actor = localActor()): EventAnnotations {
  const starred = db.prepare('SELECT 1 FROM stars WHERE event_id = ?').get(eventId) !== undefined;
  const tags = db
    .prepare(
      `SELECT t.name, t.description, t.color FROM event_tags et JOIN tags t ON t.id = et.tag_id
       WHERE et.event_id = ? ORDER BY t.name`,
    )
    .all(eventId) as TagDef[];
  const rows = db
    .prepare(`SELECT c.id, c.author, c.at, c.text, ${editColumns(db)} FROM comments c WHERE c.event_id = ? ORDER BY c.id`)
    .all(eventId) as Omit<Comment, 'mine'>[];
  const comments = rows.map((c) => ({ ...c, mine: c.author === actor }));
  return { eventId, starred, tags, comments };
}

/**
 * The id a new comment gets: above every live and deleted comment, so a journal entry's commentId never names two
 * different comments (SQLite would otherwise reuse the id of a deleted newest comment).
 */
export function nextCommentId(db: Db): number {
  const deleted = hasCommentHistory(db) ? 'UNION ALL SELECT max(comment_id) FROM deleted_comments' : '';
  return ((db.prepare(`SELECT max(m) AS m FROM (SELECT max(id) AS m FROM comments ${deleted})`).get() as { m: number | null }).m ?? 0) + 1;
}

export function setStar(db: Db, eventId: string, starred: boolean, actor = localActor()): EventAnnotations {
  requireEvent(db, eventId);
  db.transaction(() => {
    const changed = starred
      ? db.prepare('INSERT OR IGNORE INTO stars (event_id, starred_at, starred_by) VALUES (?, ?, ?)').run(eventId, new Date().toISOString(), actor)
      : db.prepare('DELETE FROM stars WHERE event_id = ?').run(eventId);
    if (changed.changes > 0) appendJournal(db, starred ? 'star' : 'unstar', { eventId }, actor);
  })();
  return getAnnotations(db, eventId, actor);
}

/** Creates or updates a tag's definition; omitted description/colour keep their current (or default) value. */
export function defineTag(db: Db, name: string, description?: string, color?: string, actor = localActor()): TagDef {
  return db.transaction(() => {
    const existing = db.prepare('SELECT name, description, color FROM tags WHERE name = ?').get(name) as TagDef | undefined;
    const next: TagDef = {
      name: existing?.name ?? name,
      description: description ?? existing?.description ?? '',
      color: (color ?? existing?.color ?? defaultColor(name)).toLowerCase(),
    };
    if (existing && existing.description === next.description && existing.color === next.color) return existing;
    db.prepare(
      `INSERT INTO tags (name, description, color, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET description = excluded.description, color = excluded.color`,
    ).run(next.name, next.description, next.color, new Date().toISOString());
    appendJournal(db, existing ? 'tag-update' : 'tag-define', { ...next }, actor);
    return next;
  })();
}

function tagId(db: Db, name: string): number | undefined {
  return (db.prepare('SELECT id FROM tags WHERE name = ?').get(name) as { id: number } | undefined)?.id;
}

export function addTag(db: Db, eventId: string, name: string, actor = localActor()): EventAnnotations {
  requireEvent(db, eventId);
  db.transaction(() => {
    const id = tagId(db, name) ?? (defineTag(db, name, undefined, undefined, actor), tagId(db, name)!);
    const res = db
      .prepare('INSERT OR IGNORE INTO event_tags (event_id, tag_id, added_at, added_by) VALUES (?, ?, ?, ?)')
      .run(eventId, id, new Date().toISOString(), actor);
    if (res.changes > 0) appendJournal(db, 'tag', { eventId, tag: name }, actor);
  })();
  return getAnnotations(db, eventId, actor);
}

export function removeTag(db: Db, eventId: string, name: string, actor = localActor()): EventAnnotations {
  requireEvent(db, eventId);
  db.transaction(() => {
    const id = tagId(db, name);
    if (id === undefined) return;
    const res = db.prepare('DELETE FROM event_tags WHERE event_id = ? AND tag_id = ?').run(eventId, id);
    if (res.changes > 0) appendJournal(db, 'untag', { eventId, tag: name }, actor);
  })();
  return getAnnotations(db, eventId, actor);
}

export function addComment(db: Db, eventId: string, text: string, author = localActor(), at = new Date().toISOString()): EventAnnotations {
  requireEvent(db, eventId);
  db.transaction(() => {
    const id = nextCommentId(db);
    db.prepare('INSERT INTO comments (id, event_id, author, at, text) VALUES (?, ?, ?, ?, ?)').run(id, eventId, author, at, text);
    appendJournal(db, 'comment', { eventId, commentId: id, text }, author);
  })();
  // `mine` is seen from this machine's user, who may have written the comment in another author's name.
  return getAnnotations(db, eventId);
}

export function listTags(db: Db): TagSummary[] {
  return db
    .prepare(
      `SELECT t.name, t.description, t.color, (SELECT count(*) FROM event_tags et WHERE et.tag_id = t.id) AS events
       FROM tags t ORDER BY t.name`,
    )
    .all() as TagSummary[];
}

export interface RowAnnotations {
  starred: boolean;
  tags: TagDef[];
  /** Live comments only; `editedAt` is present only on a comment whose text was edited. */
  comments: { author: string; at: string; text: string; editedAt?: string }[];
}

/** Annotations of a batch of events (a table window, an export batch) in three indexed lookups. */
export function annotationsFor(db: Db, ids: readonly string[], withComments = true): Map<string, RowAnnotations> {
  const out = new Map<string, RowAnnotations>();
  if (ids.length === 0) return out;
  const json = JSON.stringify(ids);
  const entry = (id: string) => out.get(id) ?? out.set(id, { starred: false, tags: [], comments: [] }).get(id)!;
  for (const r of db.prepare('SELECT event_id AS id FROM stars WHERE event_id IN (SELECT value FROM json_each(?))').all(json) as { id: string }[]) {
    entry(r.id).starred = true;
  }
  const tagRows = db
    .prepare(
      `SELECT et.event_id AS id, t.name, t.description, t.color FROM event_tags et JOIN tags t ON t.id = et.tag_id
       WHERE et.event_id IN (SELECT value FROM json_each(?)) ORDER BY et.event_id, t.name`,
    )
    .all(json) as (TagDef & { id: string })[];
  for (const { id, ...tag } of tagRows) entry(id).tags.push(tag);
  if (!withComments) return out;
  const commentRows = db
    .prepare(
      `SELECT c.event_id AS eventId, c.author, c.at, c.text, ${editColumns(db)} FROM comments c
       WHERE c.event_id IN (SELECT value FROM json_each(?)) ORDER BY c.event_id, c.id`,
    )
    .all(json) as (Omit<Comment, 'id' | 'mine' | 'versions'> & { eventId: string })[];
  for (const { eventId, author, at, text, editedAt } of commentRows) {
    entry(eventId).comments.push(editedAt ? { author, at, text, editedAt } : { author, at, text });
  }
  return out;
}

/**
 * True when the case has any annotation at all: exports of an unannotated case skip the lookups. A case opened
 * read-only without migration 0004 has no annotation tables, hence none.
 */
export function hasAnyAnnotation(db: Db): boolean {
  if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stars'`).get()) return false;
  return (
    db.prepare('SELECT 1 FROM stars LIMIT 1').get() !== undefined ||
    db.prepare('SELECT 1 FROM event_tags LIMIT 1').get() !== undefined ||
    db.prepare('SELECT 1 FROM comments LIMIT 1').get() !== undefined
  );
}

/** A table window with each row's star and tag names (only the window's rows are looked up). */
export function withRowAnnotations(db: Db, rows: EventRow[]): EventRow[] {
  if (rows.length === 0 || !hasAnyAnnotation(db)) return rows;
  const notes = annotationsFor(db, rows.map((r) => r.id), false);
  if (notes.size === 0) return rows;
  return rows.map((r) => {
    const a = notes.get(r.id);
    if (!a || (!a.starred && a.tags.length === 0)) return r;
    return { ...r, ...(a.starred ? { starred: true } : {}), ...(a.tags.length ? { tags: a.tags.map((t) => t.name) } : {}) };
  });
}
