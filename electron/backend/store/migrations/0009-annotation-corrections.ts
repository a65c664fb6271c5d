import type { Migration } from './index.js';

/**
 * Correcting annotations without losing anything (issue 5, item 7). A comment's text is edited in place in
 * `comments` (so search, exports and packs keep reading one live row per comment) and every superseded text is kept
 * in `comment_versions` with when it was written and when it was replaced. A deleted comment leaves `comments`
 * (so nothing that reads comments can show it) and is kept whole, history included, in `deleted_comments`: the
 * journal has the same facts, and an annotation re-import checks this table so it never resurrects a deletion.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'annotation-corrections',
  up: `
    CREATE TABLE comment_versions (
      comment_id  INTEGER NOT NULL,
      version     INTEGER NOT NULL,
      text        TEXT NOT NULL,
      written_at  TEXT NOT NULL,
      replaced_at TEXT NOT NULL,
      replaced_by TEXT NOT NULL,
      PRIMARY KEY (comment_id, version)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE deleted_comments (
      comment_id INTEGER PRIMARY KEY,
      event_id   TEXT NOT NULL,
      author     TEXT NOT NULL,
      at         TEXT NOT NULL,
      text       TEXT NOT NULL,
      versions   TEXT NOT NULL,
      deleted_at TEXT NOT NULL,
      deleted_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX deleted_comments_by_event_id ON deleted_comments(event_id, author, at);

    -- Whoever removes a comment row (a deletion, the retention purge) removes its superseded texts with it.
    CREATE TRIGGER comments_drop_versions AFTER DELETE ON comments BEGIN
      DELETE FROM comment_versions WHERE comment_id = old.id;
    END;
  `,
};
