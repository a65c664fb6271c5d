import fs from 'node:fs';
import readline from 'node:readline';
import type { AnnotationImportSummary } from '../../../../shared/contract/annotations.js';
import { AppError } from '../../../../shared/errors.js';
import type { Db } from '../open.js';
import { hasCommentHistory, nextCommentId } from './annotations.js';
import { appendJournal, localActor } from './journal.js';

/**
 * Re-applies the annotations of a JSONL export (`starred`, `tags`, `comments` after the event fields) to a case,
 * matching events by id. Idempotent: a star or tag already there is kept, an existing tag keeps its definition, and
 * a comment is known by its event, author, time and a text it has had: one the case holds (perhaps edited since) is
 * not added twice, and one deleted in this case is not resurrected (counted in `deletedComments`). Events the case
 * does not hold are counted, bad lines are listed (line number and reason); nothing valid is dropped. One journal
 * entry records the whole import.
 */

const MAX_PROBLEMS = 20;
const BATCH = 1000;

interface Line {
  n: number;
  id: string;
  starred: boolean;
  tags: { name: string; description?: string; color?: string }[];
  comments: { author: string; at: string; text: string }[];
}

export async function importAnnotations(db: Db, file: string, actor = localActor()): Promise<AnnotationImportSummary> {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `annotations import: no such file ${file}`);
  const summary: AnnotationImportSummary = { lines: 0, events: 0, missing: 0, stars: 0, tags: 0, comments: 0, deletedComments: 0, problems: [] };
  const problem = (text: string) => summary.problems.length < MAX_PROBLEMS && summary.problems.push(text);
  const apply = applier(db, actor, summary);
  const input = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let batch: Line[] = [];
  for await (const text of input) {
    summary.lines++;
    if (text.trim() === '') continue;
    const line = readLine(text, summary.lines, problem);
    if (line) batch.push(line);
    if (batch.length >= BATCH) batch = (apply(batch), []);
  }
  apply(batch);
  appendJournal(db, 'annotations-import', { file, ...summary, problems: summary.problems.length }, actor);
  return summary;
}

function readLine(text: string, n: number, problem: (t: string) => void): Line | null {
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    problem(`line ${n}: not JSON (${(err as Error).message})`);
    return null;
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return problem(`line ${n}: not a JSON object`), null;
  if ('auditlensExportNote' in obj) return null;
  if (typeof obj.id !== 'string' || obj.id === '') return problem(`line ${n}: no event id`), null;
  const tags: Line['tags'] = [];
  for (const t of Array.isArray(obj.tags) ? obj.tags : []) {
    const tag = typeof t === 'string' ? { name: t } : (t as Line['tags'][number]);
    if (tag && typeof tag.name === 'string' && /^[^\s"():*]{1,64}$/.test(tag.name)) tags.push(tag);
    else problem(`line ${n}: skipped an invalid tag ${JSON.stringify(t)}`);
  }
  const comments: Line['comments'] = [];
  for (const c of Array.isArray(obj.comments) ? obj.comments : []) {
    const ok = c && typeof c.text === 'string' && c.text.trim() !== '' && typeof c.author === 'string' && typeof c.at === 'string';
    if (ok) comments.push({ author: c.author, at: c.at, text: c.text });
    else problem(`line ${n}: skipped a comment without author, at and text`);
  }
  return { n, id: obj.id, starred: obj.starred === true, tags, comments };
}

function applier(db: Db, actor: string, summary: AnnotationImportSummary) {
  const now = () => new Date().toISOString();
  const exists = db.prepare('SELECT 1 FROM events WHERE id = ?');
  const star = db.prepare('INSERT OR IGNORE INTO stars (event_id, starred_at, starred_by) VALUES (?, ?, ?)');
  const findTag = db.prepare('SELECT id FROM tags WHERE name = ?');
  const defineTag = db.prepare('INSERT INTO tags (name, description, color, created_at) VALUES (?, ?, ?, ?)');
  const tagEvent = db.prepare('INSERT OR IGNORE INTO event_tags (event_id, tag_id, added_at, added_by) VALUES (?, ?, ?, ?)');
  // A comment is the same one when event, author and time match and the text is one it has had: its current text or
  // an earlier version (an export made before an edit). Time alone is not enough: two comments can share a millisecond.
  const history = hasCommentHistory(db);
  const sameComment = db.prepare(
    `SELECT 1 FROM comments c WHERE c.event_id = @event AND c.author = @author AND c.at = @at AND (c.text = @text${
      history ? ' OR EXISTS (SELECT 1 FROM comment_versions v WHERE v.comment_id = c.id AND v.text = @text)' : ''})`,
  );
  const deleted = history
    ? db.prepare(
        `SELECT 1 FROM deleted_comments d WHERE d.event_id = @event AND d.author = @author AND d.at = @at
           AND (d.text = @text OR EXISTS (SELECT 1 FROM json_each(d.versions) j WHERE j.value ->> '$.text' = @text))`,
      )
    : null;
  const comment = db.prepare('INSERT INTO comments (id, event_id, author, at, text) VALUES (?, ?, ?, ?, ?)');
  const tagId = (t: Line['tags'][number]): number => {
    const found = findTag.get(t.name) as { id: number } | undefined;
    if (found) return found.id;
    const color = typeof t.color === 'string' && /^#[0-9a-f]{6}$/i.test(t.color) ? t.color.toLowerCase() : '#64748b';
    return Number(defineTag.run(t.name, typeof t.description === 'string' ? t.description : '', color, now()).lastInsertRowid);
  };
  return db.transaction((lines: Line[]) => {
    for (const line of lines) {
      if (!line.starred && line.tags.length === 0 && line.comments.length === 0) continue;
      if (!exists.get(line.id)) {
        summary.missing++;
        continue;
      }
      summary.events++;
      if (line.starred) summary.stars += star.run(line.id, now(), actor).changes;
      for (const t of line.tags) summary.tags += tagEvent.run(line.id, tagId(t), now(), actor).changes;
      for (const c of line.comments) {
        const key = { event: line.id, author: c.author, at: c.at, text: c.text };
        if (sameComment.get(key)) continue;
        if (deleted?.get(key)) {
          summary.deletedComments++;
          continue;
        }
        comment.run(nextCommentId(db), line.id, c.author, c.at, c.text);
        summary.comments++;
      }
    }
  });
}
