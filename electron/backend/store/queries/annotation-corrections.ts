import type { CommentHistory, CommentVersion, TagDeletion } from '../../../../shared/contract/annotation-corrections.js';
import type { EventAnnotations, TagSummary } from '../../../../shared/contract/annotations.js';
import { AppError } from '../../../../shared/errors.js';
import type { Db } from '../open.js';
import { getAnnotations } from './annotations.js';
import { appendJournal, localActor } from './journal.js';

/**
 * Corrections to annotations (migration 0009). Nothing is silently lost: an edit moves the previous text into
 * `comment_versions`; a deletion moves the comment, history included, into `deleted_comments` and journals its
 * text; a tag rename or deletion journals what it changed (a deletion: every event it was removed from). Each change
 * is one transaction with its journal entry. Only a comment's author (the OS user who wrote it, as recorded by
 * `addComment`) may edit or delete it.
 */

interface CommentRow {
  id: number;
  event_id: string;
  author: string;
  at: string;
  text: string;
}

interface VersionRow {
  version: number;
  text: string;
  written_at: string;
  replaced_at: string;
}

function ownComment(db: Db, commentId: number, actor: string, verb: 'edit' | 'delete'): CommentRow {
  const row = db.prepare('SELECT id, event_id, author, at, text FROM comments WHERE id = ?').get(commentId) as CommentRow | undefined;
  if (!row) {
    const gone = db.prepare('SELECT deleted_at, deleted_by FROM deleted_comments WHERE comment_id = ?').get(commentId) as
      | { deleted_at: string; deleted_by: string }
      | undefined;
    const why = gone ? `it was deleted by ${gone.deleted_by} at ${gone.deleted_at}` : 'no such comment in this case';
    throw new AppError('NOT_FOUND', `cannot ${verb} comment ${commentId}: ${why}`);
  }
  if (row.author !== actor) {
    throw new AppError('UNAUTHORIZED', `only the comment's author (${row.author}) may ${verb} comment ${commentId}; you are ${actor}`);
  }
  return row;
}

function earlierVersions(db: Db, commentId: number): VersionRow[] {
  return db
    .prepare('SELECT version, text, written_at, replaced_at FROM comment_versions WHERE comment_id = ? ORDER BY version')
    .all(commentId) as VersionRow[];
}

/** When the current text was written: the comment's time, or the time it last replaced an earlier text. */
function currentWrittenAt(row: CommentRow, earlier: VersionRow[]): string {
  return earlier.length ? earlier[earlier.length - 1].replaced_at : row.at;
}

export function editComment(db: Db, commentId: number, text: string, actor = localActor()): EventAnnotations {
  const eventId = db.transaction(() => {
    const row = ownComment(db, commentId, actor, 'edit');
    if (row.text === text) return row.event_id;
    const earlier = earlierVersions(db, commentId);
    const now = new Date().toISOString();
    db.prepare(
      'INSERT INTO comment_versions (comment_id, version, text, written_at, replaced_at, replaced_by) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(commentId, earlier.length + 1, row.text, currentWrittenAt(row, earlier), now, actor);
    db.prepare('UPDATE comments SET text = ? WHERE id = ?').run(text, commentId);
    appendJournal(db, 'comment-edited', { eventId: row.event_id, commentId, version: earlier.length + 2, previousText: row.text, text }, actor);
    return row.event_id;
  })();
  return getAnnotations(db, eventId, actor);
}

export function deleteComment(db: Db, commentId: number, actor = localActor()): EventAnnotations {
  const eventId = db.transaction(() => {
    const row = ownComment(db, commentId, actor, 'delete');
    const earlier = earlierVersions(db, commentId).map((v) => ({ version: v.version, text: v.text, writtenAt: v.written_at, replacedAt: v.replaced_at }));
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO deleted_comments (comment_id, event_id, author, at, text, versions, deleted_at, deleted_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(commentId, row.event_id, row.author, row.at, row.text, JSON.stringify(earlier), now, actor);
    // The trigger of migration 0009 drops the superseded texts with the row; they are kept above and in the journal.
    db.prepare('DELETE FROM comments WHERE id = ?').run(commentId);
    appendJournal(
      db,
      'comment-deleted',
      { eventId: row.event_id, commentId, author: row.author, at: row.at, text: row.text, earlierVersions: earlier },
      actor,
    );
    return row.event_id;
  })();
  return getAnnotations(db, eventId, actor);
}

/** Every text a live comment has had, oldest first; the last is the current one. */
export function commentHistory(db: Db, commentId: number): CommentHistory {
  const row = db.prepare('SELECT id, event_id, author, at, text FROM comments WHERE id = ?').get(commentId) as CommentRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `no comment ${commentId} in this case (deleted comments are in the journal)`);
  const earlier = earlierVersions(db, commentId);
  const versions: CommentVersion[] = earlier.map((v) => ({ version: v.version, text: v.text, author: row.author, writtenAt: v.written_at, replacedAt: v.replaced_at }));
  versions.push({ version: earlier.length + 1, text: row.text, author: row.author, writtenAt: currentWrittenAt(row, earlier), replacedAt: null });
  return { commentId, eventId: row.event_id, versions };
}

function tagSummary(db: Db, name: string): (TagSummary & { id: number }) | undefined {
  return db
    .prepare(
      `SELECT t.id, t.name, t.description, t.color, (SELECT count(*) FROM event_tags et WHERE et.tag_id = t.id) AS events
       FROM tags t WHERE t.name = ?`,
    )
    .get(name) as (TagSummary & { id: number }) | undefined;
}

function requireTag(db: Db, name: string): TagSummary & { id: number } {
  const tag = tagSummary(db, name);
  if (!tag) throw new AppError('NOT_FOUND', `no tag named ${name} in this case`);
  return tag;
}

/** Renames a tag; its events keep it (they point at the tag's id). A change of letter case alone is a rename too. */
export function renameTag(db: Db, name: string, newName: string, actor = localActor()): TagSummary {
  return db.transaction(() => {
    const tag = requireTag(db, name);
    const clash = tagSummary(db, newName);
    if (clash && clash.id !== tag.id) {
      throw new AppError('INVALID_INPUT', `cannot rename tag ${tag.name} to ${newName}: a tag named ${clash.name} already exists`);
    }
    if (tag.name === newName) return stripId(tag);
    db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(newName, tag.id);
    appendJournal(db, 'tag-renamed', { from: tag.name, to: newName, events: tag.events }, actor);
    return { ...stripId(tag), name: newName };
  })();
}

/**
 * Deletes a tag definition and removes it from its events, only when `confirmedEvents` is the number of events it
 * is on now: a confirmation given for another count (someone tagged more events meanwhile) deletes nothing.
 */
export function deleteTag(db: Db, name: string, confirmedEvents: number, actor = localActor()): TagDeletion {
  return db.transaction(() => {
    const tag = requireTag(db, name);
    if (tag.events !== confirmedEvents) {
      throw new AppError(
        'INVALID_INPUT',
        `tag ${tag.name} is on ${tag.events} events, not ${confirmedEvents}: nothing was deleted; confirm the deletion again`,
        { events: tag.events },
      );
    }
    const eventIds = (db.prepare('SELECT event_id FROM event_tags WHERE tag_id = ? ORDER BY event_id').all(tag.id) as { event_id: string }[]).map(
      (r) => r.event_id,
    );
    db.prepare('DELETE FROM event_tags WHERE tag_id = ?').run(tag.id);
    db.prepare('DELETE FROM tags WHERE id = ?').run(tag.id);
    appendJournal(db, 'tag-deleted', { name: tag.name, description: tag.description, color: tag.color, events: eventIds.length, eventIds }, actor);
    return { name: tag.name, events: eventIds.length };
  })();
}

function stripId({ id: _id, ...rest }: TagSummary & { id: number }): TagSummary {
  return rest;
}
