import type { Db } from './open.js';

/**
 * Secondary indexes that serve field filters. A large import into a small case drops them and builds them once at
 * the end: SQLite builds an index by sorting several times faster than it maintains one row by row (npm run bench
 * shows both). `events_by_ts` and `events_by_id` always stay: paging and dedup need them during the import.
 * Every open re-creates any that are missing (store/bulk-load.ts), so a process killed mid-import leaves nothing
 * unindexed.
 */
export const LOOKUP_INDEXES: Record<string, string> = {
  events_by_actor_ts: 'events(actor, ts)',
  events_by_action_ts: 'events(action, ts)',
  events_by_outcome_ts: 'events(outcome, ts)',
  events_by_ip_key: 'events(ip_key)',
  // Enum filters (category:..., severity:...) and the facets of their results: without these, both scan every row.
  // Category results are often half the case (authentication): the index also carries what the stacked timeline
  // and the actor swimlanes read, so those answer from it alone (2x faster at 1M events; about 0.5 s more to build).
  events_by_category_cover: 'events(category, ts, outcome, severity, actor)',
  events_by_severity_ts: 'events(severity, ts)',
  // The filter bar's entity-type picker and resource buttons (targetType values) and `targetType:` filters.
  events_by_target_type_ts: 'events(target_type, ts)',
};

/** Lookup indexes of earlier versions, replaced by wider ones above: dropped when a case is opened. */
const RETIRED_INDEXES = ['events_by_category_ts'];

export function dropLookupIndexes(db: Db): void {
  for (const name of Object.keys(LOOKUP_INDEXES)) db.exec(`DROP INDEX IF EXISTS ${name}`);
}

export function ensureLookupIndexes(db: Db): void {
  for (const name of RETIRED_INDEXES) db.exec(`DROP INDEX IF EXISTS ${name}`);
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck();
  const missing = Object.entries(LOOKUP_INDEXES).filter(([name]) => !exists.get(name));
  if (missing.length === 0) return;
  withParallelSorter(db, () => {
    for (const [name, on] of missing) db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${on}`);
  });
}

/**
 * CREATE INDEX sorts every key. SQLite sorts in background threads only when the sorter spills to temporary files
 * (never with temp_store=MEMORY) and spills at cache_size, so for the build the connection takes file-backed temp
 * storage, a small cache and helper threads: the seven indexes of a 1M-event case build in 3.4 s instead of 6.1 s
 * on two cores (npm run bench). The connection's own settings come back afterwards.
 */
function withParallelSorter(db: Db, build: () => void): void {
  const saved = {
    temp_store: db.pragma('temp_store', { simple: true }),
    cache_size: db.pragma('cache_size', { simple: true }),
    threads: db.pragma('threads', { simple: true }),
  };
  db.pragma('temp_store = FILE');
  db.pragma('cache_size = -8192');
  db.pragma('threads = 4');
  try {
    build();
  } finally {
    for (const [name, value] of Object.entries(saved)) db.pragma(`${name} = ${Number(value)}`);
  }
}

/** Bulk mode pays off when the incoming data dwarfs the case (roughly 400 bytes of JSON per event). */
export function shouldDeferIndexes(existingEvents: number, incomingBytes: number): boolean {
  const incomingEvents = incomingBytes / 400;
  return incomingEvents >= 100_000 && incomingEvents > existingEvents;
}
