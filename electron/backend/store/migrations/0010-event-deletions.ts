import type { Migration } from './index.js';

/**
 * A count of deleted events, kept by a trigger, so the in-memory column cache (memory/column-cache.ts) can tell an
 * append from a deletion with two lookups instead of counting the events table (which, mid bulk load without its
 * lookup indexes, reads the whole table). Events are only ever appended or deleted (a retention purge); never updated.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'event-deletions',
  up: `
    CREATE TABLE event_deletions (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      n  INTEGER NOT NULL
    ) STRICT;
    INSERT INTO event_deletions (id, n) VALUES (1, 0);
    CREATE TRIGGER event_deletions_count AFTER DELETE ON events BEGIN
      UPDATE event_deletions SET n = n + 1 WHERE id = 1;
    END;
  `,
};
