import type { Migration } from './index.js';

/**
 * Configured remote sources and where each one stopped. `config` is the source's JSON settings WITHOUT secrets
 * (a token is named by the environment variable that holds it, or typed in for one session; never stored).
 * `checkpoints` is written after every page: `next_request` is the request that continues the listing (a Link URL,
 * a cursor, an offset...), `since` the lower time bound of the next fresh query once a listing has completed, and
 * `high` the latest event time seen so far in the current listing. `pulls` ties each run to its job id, so the
 * pull history is the import rows (one per page) of that job.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'api-sources',
  up: `
    CREATE TABLE sources (
      name        TEXT PRIMARY KEY,
      kind        TEXT NOT NULL CHECK (kind IN ('api', 's3')),
      preset      TEXT,
      config      TEXT NOT NULL,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE checkpoints (
      source        TEXT PRIMARY KEY REFERENCES sources(name) ON DELETE CASCADE,
      next_request  TEXT,
      cursor        TEXT,
      since         TEXT,
      high          TEXT,
      pages         INTEGER NOT NULL DEFAULT 0,
      updated       TEXT NOT NULL
    ) STRICT;

    CREATE TABLE pulls (
      id           INTEGER PRIMARY KEY,
      source       TEXT NOT NULL,
      job_id       TEXT NOT NULL,
      status       TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'cancelled')),
      pages        INTEGER NOT NULL DEFAULT 0,
      records      INTEGER NOT NULL DEFAULT 0,
      inserted     INTEGER NOT NULL DEFAULT 0,
      duplicates   INTEGER NOT NULL DEFAULT 0,
      rejects      INTEGER NOT NULL DEFAULT 0,
      error        TEXT,
      started_at   TEXT NOT NULL,
      finished_at  TEXT
    ) STRICT;
    CREATE INDEX pulls_by_source ON pulls(source, id);
    CREATE INDEX imports_by_job_id ON imports(job_id);
  `,
};
