import type { Migration } from './index.js';

/**
 * The export history: one row per export of a view (UI or CLI), written when it starts and updated when it
 * completes, fails or is cancelled. `row_limit` is the limit asked for; `truncated` says more rows matched.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'exports',
  up: `
    CREATE TABLE exports (
      id          INTEGER PRIMARY KEY,
      job_id      TEXT,
      name        TEXT NOT NULL,
      format      TEXT NOT NULL CHECK (format IN ('csv','json','jsonl')),
      query       TEXT NOT NULL,
      sort_order  TEXT NOT NULL CHECK (sort_order IN ('asc','desc')),
      out_path    TEXT NOT NULL,
      rows        INTEGER NOT NULL DEFAULT 0,
      bytes       INTEGER NOT NULL DEFAULT 0,
      sha256      TEXT,
      status      TEXT NOT NULL CHECK (status IN ('started','completed','failed','cancelled')),
      error       TEXT,
      row_limit   INTEGER,
      truncated   INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
      origin      TEXT NOT NULL CHECK (origin IN ('ui','cli')),
      started_at  TEXT NOT NULL,
      finished_at TEXT
    ) STRICT;
    CREATE INDEX exports_by_status ON exports(status);
  `,
};
