import type { Db } from '../store/open.js';
import { sql, type SqlFragment } from '../store/sql.js';

/**
 * The analyst's annotations (tags and comments, migration 0004 of another feature) when the case has them. Their
 * tables are read by what they are, found at run time: a case without them gives every event empty arrays.
 */

export interface Annotations {
  /** WHERE fragment over `events` selecting tagged events; null when the case has no tags table. */
  taggedWhere: SqlFragment | null;
  /**
   * Tags and comments of every annotated event, keyed by event id (events without any are absent). Loaded once
   * before the events stream: annotations are the analyst's own work, thousands at most, and the streaming
   * statement keeps the connection busy.
   */
  load(): Map<string, { tags: string[]; comments: unknown[] }>;
}

interface Column {
  name: string;
  type: string;
}

function columns(db: Db, table: string): Column[] {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
  return exists ? (db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as Column[]) : [];
}

/** How a table points at its event: by the event's text id or by its rowid. */
function eventKey(cols: Column[]): { column: string; byRowid: boolean } | null {
  const col = cols.find((c) => ['event_id', 'event_rowid', 'event'].includes(c.name));
  if (!col) return null;
  return { column: col.name, byRowid: col.name === 'event_rowid' || /INT/i.test(col.type) };
}

const none = () => new Map<string, { tags: string[]; comments: unknown[] }>();

export function readAnnotations(db: Db): Annotations {
  const tagCols = columns(db, 'event_tags');
  const tagKey = eventKey(tagCols);
  const tagNames = columns(db, 'tags');
  const commentCols = columns(db, 'comments');
  const commentKey = eventKey(commentCols);

  let tagStmt: (() => { k: string | number; name: string }[]) | null = null;
  if (tagKey) {
    const k = tagKey.column;
    const viaTable = tagCols.some((c) => c.name === 'tag_id') && tagNames.some((c) => c.name === 'name');
    const nameExpr = viaTable ? 't.name' : tagCols.some((c) => c.name === 'tag') ? 'et.tag' : null;
    if (nameExpr) {
      const stmt = db.prepare(
        `SELECT et.${k} AS k, ${nameExpr} AS name FROM event_tags et ${viaTable ? 'JOIN tags t ON t.id = et.tag_id' : ''}
         ORDER BY et.${k}, ${nameExpr}`,
      );
      tagStmt = () => stmt.all() as { k: string | number; name: string }[];
    }
  }

  let commentStmt: (() => Record<string, unknown>[]) | null = null;
  if (commentKey) {
    const keep = commentCols.filter((c) => c.name !== commentKey.column).map((c) => `"${c.name}"`);
    const stmt = db.prepare(
      `SELECT ${commentKey.column} AS __k, ${keep.join(', ')} FROM comments
       ORDER BY ${commentKey.column}, rowid`,
    );
    commentStmt = () => stmt.all() as Record<string, unknown>[];
  }

  const taggedWhere = tagKey
    ? tagKey.byRowid
      ? sql`rowid IN (SELECT ${raw(tagKey.column)} FROM event_tags)`
      : sql`id IN (SELECT ${raw(tagKey.column)} FROM event_tags)`
    : null;

  return {
    taggedWhere,
    load() {
      const out = none();
      // Keys are event ids, or rowids where a table points by rowid: those are mapped to ids in one query.
      const idOf = (byRowid: boolean, key: string | number): string =>
        byRowid ? ((db.prepare('SELECT id FROM events WHERE rowid = ?').get(key) as { id: string } | undefined)?.id ?? '') : String(key);
      const entry = (id: string) => out.get(id) ?? out.set(id, { tags: [], comments: [] }).get(id)!;
      if (tagStmt && tagKey) for (const r of tagStmt()) entry(idOf(tagKey.byRowid, r.k)).tags.push(r.name);
      if (commentStmt && commentKey) {
        for (const { __k, ...comment } of commentStmt()) entry(idOf(commentKey.byRowid, __k as string | number)).comments.push(comment);
      }
      out.delete('');
      return out;
    },
  };
}

function raw(text: string): SqlFragment {
  return { sql: text, params: [] };
}
