import type { Migration } from './index.js';

/** The analyst's saved searches: a named query with what it looks for. Names are unique regardless of case. */
export const migration0008: Migration = {
  version: 8,
  name: 'saved-searches',
  up: `
    CREATE TABLE saved_searches (
      id          INTEGER PRIMARY KEY,
      name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
      query       TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      created     TEXT NOT NULL
    ) STRICT;
  `,
};
