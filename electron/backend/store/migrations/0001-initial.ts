import type { Migration } from './index.js';

/**
 * The first case-file schema: events (append-only), their full-text index, the import log, rejects and the
 * analyst's journal. `ts` is the event time in epoch milliseconds; keyset paging walks `(ts, rowid)`.
 */
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE case_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE imports (
      id          INTEGER PRIMARY KEY,
      job_id      TEXT,
      object      TEXT NOT NULL,
      sha256      TEXT,
      bytes       INTEGER NOT NULL DEFAULT 0,
      format      TEXT COLLATE NOCASE,
      records     INTEGER NOT NULL DEFAULT 0,
      inserted    INTEGER NOT NULL DEFAULT 0,
      duplicates  INTEGER NOT NULL DEFAULT 0,
      conflicts   INTEGER NOT NULL DEFAULT 0,
      rejects     INTEGER NOT NULL DEFAULT 0,
      status      TEXT NOT NULL CHECK (status IN ('running','completed','partial','failed','cancelled','skipped')),
      message     TEXT,
      started_at  TEXT NOT NULL,
      finished_at TEXT
    ) STRICT;
    CREATE INDEX imports_by_sha256 ON imports(sha256);

    CREATE TABLE events (
      rowid         INTEGER PRIMARY KEY,
      id            TEXT NOT NULL,
      ts            INTEGER NOT NULL,
      time          TEXT NOT NULL,
      received_time TEXT,
      format        TEXT NOT NULL COLLATE NOCASE,
      source        TEXT NOT NULL COLLATE NOCASE,
      vendor_id     TEXT,
      actor         TEXT COLLATE NOCASE,
      actor_type    TEXT NOT NULL,
      action        TEXT COLLATE NOCASE,
      category      TEXT NOT NULL,
      target_type   TEXT COLLATE NOCASE,
      target        TEXT COLLATE NOCASE,
      outcome       TEXT NOT NULL,
      severity      TEXT NOT NULL,
      source_ip     TEXT,
      ip_key        TEXT,
      user_agent    TEXT COLLATE NOCASE,
      location      TEXT COLLATE NOCASE,
      session_id    TEXT COLLATE NOCASE,
      summary       TEXT NOT NULL,
      raw           TEXT NOT NULL,
      content_hash  TEXT NOT NULL,
      prov_object   TEXT NOT NULL,
      prov_sha256   TEXT,
      prov_index    INTEGER NOT NULL,
      prov_line     INTEGER,
      import_id     INTEGER REFERENCES imports(id),
      notes         TEXT,
      attributes    TEXT,
      id_conflict   INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE UNIQUE INDEX events_by_id ON events(id);
    CREATE INDEX events_by_ts ON events(ts);
    CREATE INDEX events_by_actor_ts ON events(actor, ts);
    CREATE INDEX events_by_action_ts ON events(action, ts);
    CREATE INDEX events_by_outcome_ts ON events(outcome, ts);
    CREATE INDEX events_by_ip_key ON events(ip_key);

    -- Full-text index over what an analyst types into the search box; external content keeps the text once.
    -- The event writer fills it (and event_minutes) per batch with one INSERT ... SELECT: several times faster
    -- than a per-row trigger (measured by npm run bench). columnsize=0: results are ordered by time, never ranked by
    -- bm25, so the per-row size table would only cost a b-tree insert per event (30% of the index's write cost).
    CREATE VIRTUAL TABLE events_fts USING fts5(
      summary, actor, action, target, source_ip,
      content='events', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', columnsize=0
    );

    -- Per-minute counts by outcome, kept by the event writer: whole-case histograms and outcome counts read this instead of
    -- scanning millions of rows (DESIGN.md section 5).
    CREATE TABLE event_minutes (
      minute  INTEGER NOT NULL,
      outcome TEXT NOT NULL,
      n       INTEGER NOT NULL,
      PRIMARY KEY (minute, outcome)
    ) STRICT, WITHOUT ROWID;
    CREATE TRIGGER event_minutes_after_delete AFTER DELETE ON events BEGIN
      UPDATE event_minutes SET n = n - 1
      WHERE minute = old.ts / 60000 - (old.ts < 0 AND old.ts % 60000 != 0) AND outcome = old.outcome;
    END;

    -- Evidence is append-only. The retention purge (a later issue) sets case_meta.purge_token inside its own
    -- journaled transaction; nothing else may change or remove an event.
    CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN
      SELECT RAISE(ABORT, 'events are append-only: UPDATE is not allowed');
    END;
    CREATE TRIGGER events_no_delete BEFORE DELETE ON events
      WHEN (SELECT value FROM case_meta WHERE key = 'purge_in_progress') IS NOT '1'
    BEGIN
      SELECT RAISE(ABORT, 'events are append-only: DELETE is only allowed through the journaled retention purge');
    END;

    CREATE TABLE rejects (
      id          INTEGER PRIMARY KEY,
      import_id   INTEGER NOT NULL REFERENCES imports(id),
      object      TEXT NOT NULL,
      line        INTEGER,
      record_index INTEGER,
      byte_offset INTEGER,
      reason      TEXT NOT NULL,
      excerpt     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX rejects_by_import_id ON rejects(import_id);

    -- The analyst's own actions, hash-chained: hash = sha256(prev_hash || canonical entry).
    CREATE TABLE journal (
      seq        INTEGER PRIMARY KEY,
      at         TEXT NOT NULL,
      actor      TEXT NOT NULL,
      action     TEXT NOT NULL,
      details    TEXT NOT NULL,
      prev_hash  TEXT NOT NULL,
      hash       TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN
      SELECT RAISE(ABORT, 'journal is append-only');
    END;
    CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN
      SELECT RAISE(ABORT, 'journal is append-only');
    END;
  `,
};
