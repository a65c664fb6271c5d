import type { Db } from '../open.js';

/** A fully normalized event ready to store (the pipeline builds it from NormalizedFields + raw + provenance). */
export interface EventInsert {
  id: string;
  ts: number;
  time: string;
  receivedTime: string | null;
  format: string;
  source: string;
  vendorId: string | null;
  actor: string | null;
  actorType: string;
  action: string | null;
  category: string;
  targetType: string | null;
  target: string | null;
  outcome: string;
  severity: string;
  sourceIp: string | null;
  ipKey: string | null;
  userAgent: string | null;
  location: string | null;
  sessionId: string | null;
  summary: string;
  raw: string;
  contentHash: string;
  provObject: string;
  provSha256: string | null;
  provIndex: number;
  provLine: number | null;
  importId: number | null;
  notes: string | null;
  attributes: string | null;
}

export interface InsertCounts {
  inserted: number;
  duplicates: number;
  conflicts: number;
}

/**
 * An event as one row of bound values, in INSERT_COLUMNS order. The parse worker sends these rather than objects:
 * cloning an array of values across threads costs a fraction of cloning an object with thirty keys, and SQLite
 * binds the array as it is.
 */
export type EventRowValues = (string | number | null)[];

const INSERT_COLUMNS = [
  'id', 'ts', 'time', 'received_time', 'format', 'source', 'vendor_id', 'actor', 'actor_type', 'action', 'category',
  'target_type', 'target', 'outcome', 'severity', 'source_ip', 'ip_key', 'user_agent', 'location', 'session_id',
  'summary', 'raw', 'content_hash', 'prov_object', 'prov_sha256', 'prov_index', 'prov_line', 'import_id', 'notes',
  'attributes', 'id_conflict',
] as const;
const ID = 0;
const TS = 1;
const OUTCOME = 13;
const CONTENT_HASH = 22;
const PROV_SHA256 = 24;
const IMPORT_ID = 27;
const ID_CONFLICT = 30;

/** What the writer fills into every row it is given: the import row, and the file's hash when the parser lacked it. */
export interface RowStamp {
  importId: number | null;
  objectSha256: string | null;
}

/** The row values of an event, in INSERT_COLUMNS order. */
export function rowValuesOf(e: EventInsert): EventRowValues {
  return [
    e.id, e.ts, e.time, e.receivedTime, e.format, e.source, e.vendorId, e.actor, e.actorType, e.action, e.category,
    e.targetType, e.target, e.outcome, e.severity, e.sourceIp, e.ipKey, e.userAgent, e.location, e.sessionId,
    e.summary, e.raw, e.contentHash, e.provObject, e.provSha256, e.provIndex, e.provLine, e.importId, e.notes,
    e.attributes, 0,
  ];
}

/**
 * Inserts batches with one prepared statement. Dedup follows DESIGN.md section 4: the same id with the same content
 * hash is a duplicate (dropped and counted); the same id with different content is kept under a suffixed id and
 * flagged, because evidence is never dropped silently.
 */
export function createEventWriter(db: Db, options: { fullText: boolean } = { fullText: true }) {
  const insert = db.prepare(`INSERT OR IGNORE INTO events (${INSERT_COLUMNS.join(', ')})
    VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`);
  const hashOf = db.prepare('SELECT content_hash FROM events WHERE id = ?').pluck();

  /** True when the row was stored (new, or kept as an id conflict). */
  function insertOne(row: EventRowValues, counts: InsertCounts): boolean {
    if (insert.run(row).changes === 1) {
      counts.inserted++;
      return true;
    }
    const id = row[ID] as string;
    const contentHash = row[CONTENT_HASH] as string;
    if (hashOf.get(id) === contentHash) {
      counts.duplicates++;
      return false;
    }
    // Same vendor id, different record: keep it under an id derived from its content.
    row[ID] = `${id}#${contentHash.slice(0, 16)}`;
    row[ID_CONFLICT] = 1;
    if (insert.run(row).changes === 1) {
      counts.inserted++;
      counts.conflicts++;
      return true;
    }
    counts.duplicates++;
    return false;
  }

  const lastRowid = db.prepare('SELECT coalesce(max(rowid), 0) FROM events').pluck();
  const indexText = db.prepare(`INSERT INTO events_fts(rowid, summary, actor, action, target, source_ip)
    SELECT rowid, summary, actor, action, target, source_ip FROM events WHERE rowid > ?`);
  const countMinute = db.prepare(`INSERT INTO event_minutes(minute, outcome, n) VALUES (?, ?, ?)
    ON CONFLICT(minute, outcome) DO UPDATE SET n = n + excluded.n`);

  // Rows of one batch get consecutive rowids above the previous maximum (events are append-only), so the full-text
  // index is fed from exactly the rows this batch added (a bulk load feeds it in larger steps instead). The minute
  // rollup is counted here as rows go in: cheaper than reading the batch back with a GROUP BY.
  const writeBatch = (rows: EventRowValues[], stamp: RowStamp, counts: InsertCounts) => {
    const before = options.fullText ? (lastRowid.get() as number) : 0;
    const minutes = new Map<string, number>();
    for (const row of rows) {
      if (stamp.importId !== null) row[IMPORT_ID] = stamp.importId;
      if (stamp.objectSha256 !== null) row[PROV_SHA256] = stamp.objectSha256;
      if (!insertOne(row, counts)) continue;
      const key = `${Math.floor((row[TS] as number) / 60_000)} ${row[OUTCOME] as string}`;
      minutes.set(key, (minutes.get(key) ?? 0) + 1);
    }
    if (options.fullText) indexText.run(before);
    for (const [key, n] of minutes) {
      const space = key.indexOf(' ');
      countMinute.run(Number(key.slice(0, space)), key.slice(space + 1), n);
    }
  };
  const insertBatch = db.transaction(writeBatch);

  /**
   * One transaction per batch: a kill mid-import leaves whole batches only. Inside a caller's transaction (a bulk
   * load's group of batches) the rows go straight in: a nested transaction is a savepoint, and SQLite copies every
   * page a savepoint touches into its sub-journal; with random event ids that is most of the id index per batch
   * (1M UUID-keyed events: 8 s of the writer's time).
   */
  function writeRows(rows: EventRowValues[], stamp: RowStamp = { importId: null, objectSha256: null }): InsertCounts {
    const counts = { inserted: 0, duplicates: 0, conflicts: 0 };
    (db.inTransaction ? writeBatch : insertBatch)(rows, stamp, counts);
    return counts;
  }

  return {
    writeRows,
    write: (events: EventInsert[]): InsertCounts => writeRows(events.map(rowValuesOf)),
  };
}
