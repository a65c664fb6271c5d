import type { Migration } from './index.js';

/**
 * The analyst's annotations: tag definitions (name, description, colour), tags on events, stars and comments.
 * Annotations point at events by their stable text id (not rowid), so an export re-imported into another case of
 * the same evidence lands on the same events. They are kept beside the append-only events, never inside them.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'annotations',
  up: `
    CREATE TABLE tags (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
      description TEXT NOT NULL DEFAULT '',
      color       TEXT NOT NULL DEFAULT '#64748b',
      created_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE event_tags (
      event_id TEXT NOT NULL,
      tag_id   INTEGER NOT NULL REFERENCES tags(id),
      added_at TEXT NOT NULL,
      added_by TEXT NOT NULL,
      PRIMARY KEY (event_id, tag_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX event_tags_by_tag_id ON event_tags(tag_id, event_id);

    CREATE TABLE stars (
      event_id   TEXT PRIMARY KEY,
      starred_at TEXT NOT NULL,
      starred_by TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE comments (
      id       INTEGER PRIMARY KEY,
      event_id TEXT NOT NULL,
      author   TEXT NOT NULL,
      at       TEXT NOT NULL,
      text     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX comments_by_event_id ON comments(event_id, id);
  `,
};
