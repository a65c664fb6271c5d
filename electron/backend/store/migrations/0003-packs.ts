import type { Migration } from './index.js';

/**
 * History of evidence packs built from this case: what was asked (type, period, query), where the zip went and
 * its SHA-256, so an analyst can later say exactly which pack an auditor received and rebuild it to compare.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'packs',
  up: `
    CREATE TABLE packs (
      id          TEXT PRIMARY KEY,
      job_id      TEXT,
      type        TEXT NOT NULL CHECK (type IN ('access-review','change-management','incident-response','custom')),
      period_from TEXT NOT NULL,
      period_to   TEXT NOT NULL,
      query       TEXT NOT NULL,
      request     TEXT NOT NULL,
      out_path    TEXT NOT NULL,
      sha256      TEXT,
      events      INTEGER NOT NULL DEFAULT 0,
      bytes       INTEGER NOT NULL DEFAULT 0,
      status      TEXT NOT NULL CHECK (status IN ('running','completed','failed','cancelled')),
      message     TEXT,
      created_at  TEXT NOT NULL,
      finished_at TEXT
    ) STRICT;
    CREATE INDEX packs_by_created_at ON packs(created_at);
  `,
};
