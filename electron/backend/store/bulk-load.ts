import type { Db } from './open.js';
import { dropLookupIndexes, ensureLookupIndexes } from './lookup-indexes.js';

/**
 * Bulk load: a large import into a small case defers the work SQLite does several times faster in big steps.
 * - The lookup indexes are dropped and rebuilt by sorting at the end (lookup-indexes.ts).
 * - The full-text index is fed every FTS_CATCH_UP_ROWS rows rather than once per 2000-row batch: FTS5 writes a
 *   segment per transaction and then merges them, which cost 4.3 s of the writer's time at 1M events against
 *   2.1 s in large steps. The steps run while the writer would otherwise wait for the parser.
 *
 * A marker in case_meta says which rows still lack full-text entries and which process owns the load. An open of
 * the case completes a load whose process is gone (a kill mid-import), so no case stays unindexed; it leaves a
 * live one alone, because that import is still writing rows and will finish the job itself. Until a load
 * finishes, full-text search does not see the rows after the last catch-up.
 */

const MARKER = 'bulk_load';
/** How many rows a bulk load writes between full-text catch-ups. */
const FTS_CATCH_UP_ROWS = 100_000;
// FTS5 flushes its in-memory term table to a new segment whenever it outgrows this; the one-pass feed holds more
// so it writes fewer, larger segments and merges less. The default (1 MiB) comes back afterwards.
const BULK_FTS_HASH_BYTES = 256 * 1024 * 1024;
const DEFAULT_FTS_HASH_BYTES = 1024 * 1024;

interface BulkLoadMarker {
  pid: number;
  /** Rows with a rowid above this are not yet in events_fts. */
  ftsAfter: number;
}

/**
 * An import's side of a bulk load, chunk by chunk. Rows go in one transaction per GROUP_CHUNKS chunks (50k rows):
 * WAL rewrites every page a transaction dirtied, and a vendor's random event ids (UUIDs) dirty most pages of the id
 * index in every 2000-row batch. At 1M UUID-keyed events the writer spent 22.6 s inserting and committing with
 * 2000-row transactions and 9.6 s with 50k-row ones and a cache that holds them. A kill loses at most the open
 * group; every committed group is whole, and a re-run adds what is missing.
 */
export interface BulkWriter {
  /** Whether this import defers index work (decided before it starts), and whether the load has begun. */
  readonly bulk: boolean;
  readonly started: boolean;
  /** Before a chunk: starts the load (the first time) and the group's transaction. */
  beforeChunk(): void;
  /** After a chunk: commits a full group, then catches up the full-text index when it is far enough behind. */
  afterChunk(inserted: number): void;
  /** Commits an open group (end of a file, cancel, error). */
  commit(): void;
  /** Commits, feeds the rest of the full-text index and builds the lookup indexes. True when a load had begun. */
  finish(): boolean;
}

const GROUP_CHUNKS = 25;
const BULK_CACHE_KIB = 512 * 1024;

export function createBulkWriter(db: Db, bulk: boolean): BulkWriter {
  let started = false;
  let chunksInGroup = 0;
  let rowsSinceCatchUp = 0;
  let savedCache = 0;
  const commit = () => {
    if (db.inTransaction) db.exec('COMMIT');
    chunksInGroup = 0;
  };
  return {
    bulk,
    get started() {
      return started;
    },
    beforeChunk() {
      if (!bulk) return;
      if (!started) {
        beginBulkLoad(db);
        savedCache = Number(db.pragma('cache_size', { simple: true }));
        db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
        started = true;
      }
      if (!db.inTransaction) db.exec('BEGIN');
    },
    afterChunk(inserted) {
      if (!started) return;
      rowsSinceCatchUp += inserted;
      if (++chunksInGroup < GROUP_CHUNKS) return;
      commit();
      if (rowsSinceCatchUp >= FTS_CATCH_UP_ROWS) {
        catchUpFullText(db);
        rowsSinceCatchUp = 0;
      }
    },
    commit,
    finish() {
      commit();
      if (!started) return false;
      db.pragma(`cache_size = ${savedCache}`);
      finishBulkLoad(db);
      return true;
    },
  };
}

/** Drops the lookup indexes and stops per-batch full-text feeding until finishBulkLoad. */
export function beginBulkLoad(db: Db): void {
  const ftsAfter = db.prepare('SELECT coalesce(max(rowid), 0) FROM events').pluck().get() as number;
  writeMarker(db, { pid: process.pid, ftsAfter });
  db.exec(`INSERT INTO events_fts(events_fts, rank) VALUES ('hashsize', ${BULK_FTS_HASH_BYTES})`);
  dropLookupIndexes(db);
}

/** Feeds the full-text index from the rows added since the last catch-up, in one transaction that also moves the marker. */
export function catchUpFullText(db: Db): void {
  const marker = readMarker(db);
  if (!marker) return;
  db.transaction(() => {
    const last = db.prepare('SELECT coalesce(max(rowid), 0) FROM events').pluck().get() as number;
    db.prepare(`INSERT INTO events_fts(rowid, summary, actor, action, target, source_ip)
      SELECT rowid, summary, actor, action, target, source_ip FROM events WHERE rowid > ? AND rowid <= ?`).run(marker.ftsAfter, last);
    writeMarker(db, { ...marker, ftsAfter: last });
  })();
}

/** Completes the full-text index, rebuilds the lookup indexes and clears the marker. */
export function finishBulkLoad(db: Db): void {
  if (readMarker(db)) {
    catchUpFullText(db);
    db.prepare('DELETE FROM case_meta WHERE key = ?').run(MARKER);
    db.exec(`INSERT INTO events_fts(events_fts, rank) VALUES ('hashsize', ${DEFAULT_FTS_HASH_BYTES})`);
  }
  ensureLookupIndexes(db);
}

/** On open: completes a bulk load left by a process that no longer runs; a live load is left to its owner. */
export function recoverBulkLoad(db: Db): void {
  const marker = readMarker(db);
  if (marker && processIsAlive(marker.pid)) return;
  finishBulkLoad(db);
}

function readMarker(db: Db): BulkLoadMarker | null {
  const value = db.prepare('SELECT value FROM case_meta WHERE key = ?').pluck().get(MARKER) as string | undefined;
  return value ? (JSON.parse(value) as BulkLoadMarker) : null;
}

function writeMarker(db: Db, marker: BulkLoadMarker): void {
  db.prepare(`INSERT INTO case_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
    .run(MARKER, JSON.stringify(marker));
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
