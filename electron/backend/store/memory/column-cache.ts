import type { Db } from '../open.js';
import { dataVersion } from '../data-version.js';

/**
 * The case's short columns in memory, one typed array per column indexed by rowid, built in steps after a case
 * opens. Timelines, swimlanes, facets and sessions of results no index can count (full text of a common word, a field
 * without an index, OR, NOT, has:) then cost a pass over arrays instead of a read of every matching row: SQLite hands
 * a row's values to JS at 1-2 µs a row, arrays at a few ns (npm run bench, "column cache" and "timeline" tables).
 *
 * Text columns are dictionary-coded: `codes[rowid]` indexes `values` (code 0 is NULL); `reps[code]` is the first
 * rowid holding that value, so a query term is judged by SQLite itself on one row per distinct value (result-rows.ts)
 * and means exactly what it means in SQL. Only the events table's rows are cached, never annotations.
 *
 * Freshness: the cache remembers the data version it matches. Events are only appended or purged: rows appended since
 * (an import) are read on; a deletion (counted by a trigger, migration 0010) rebuilds the cache. Until it is complete
 * and current, callers get null and use their SQL paths.
 */

export const CACHED_COLUMNS = [
  'actor', 'actor_type', 'action', 'category', 'target_type', 'target', 'outcome', 'severity', 'source_ip', 'ip_key',
  'user_agent', 'location', 'session_id', 'source', 'format',
] as const;
export type CachedColumn = (typeof CACHED_COLUMNS)[number];

/**
 * 68 bytes per event (15 codes and a time): 272 MB at the default cap of 4M events. Bigger cases keep their SQL paths
 * unless AUDITLENS_COLUMN_CACHE_MAX_EVENTS raises the cap (a machine with the memory to spare: 680 MB at 10M).
 */
export const MAX_CACHED_EVENTS = capFrom(process.env.AUDITLENS_COLUMN_CACHE_MAX_EVENTS);

function capFrom(setting: string | undefined): number {
  const n = Number(setting);
  return setting !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : 4_000_000;
}
/** Rows read per step of a background build: about 70 ms at 1M events, the most a request waits behind one. */
const CHUNK_ROWS = 20_000;
/** An append up to this many rows is read during the request that notices it; more is read in the background. */
const INLINE_APPEND_ROWS = 20_000;

export interface Dictionary {
  codes: Int32Array;
  /** values[0] is null; every other value appears once, exactly as stored. */
  values: (string | null)[];
  /** The first rowid holding each value (-1 while no row holds NULL). */
  reps: number[];
  index: Map<string, number>;
  /** The previous row's value and code: most columns repeat from one row to the next. */
  last: string | null;
  lastCode: number;
}

export interface EventColumns {
  /** ts by rowid; NaN where no event has that rowid. */
  ts: Float64Array;
  columns: Record<CachedColumn, Dictionary>;
  /** Rows cached so far and the highest rowid among them. */
  count: number;
  maxRowid: number;
  /** The data version the cache matches; null while it is being built or caught up. */
  version: string | null;
  /** The case's count of deleted events when the build started: any change means a rebuild. */
  deletions: number;
}

interface CacheState {
  cache: EventColumns;
  /** The background build or catch-up in progress, if any. */
  running: Promise<void> | null;
  /** Gave up (too many events, or the case closed). */
  disabled: boolean;
}

const states = new WeakMap<Db, CacheState>();

function emptyDictionary(capacity: number): Dictionary {
  return { codes: new Int32Array(capacity), values: [null], reps: [-1], index: new Map(), last: null, lastCode: 0 };
}

function emptyColumns(capacity: number): EventColumns {
  const columns = {} as Record<CachedColumn, Dictionary>;
  for (const c of CACHED_COLUMNS) columns[c] = emptyDictionary(capacity);
  return { ts: new Float64Array(capacity).fill(Number.NaN), columns, count: 0, maxRowid: 0, version: null, deletions: 0 };
}

function grow(cache: EventColumns, rowid: number): void {
  if (rowid < cache.ts.length) return;
  const capacity = Math.ceil((rowid + 1) * 1.25) + 1024;
  const ts = new Float64Array(capacity).fill(Number.NaN);
  ts.set(cache.ts);
  cache.ts = ts;
  for (const c of CACHED_COLUMNS) {
    const codes = new Int32Array(capacity);
    codes.set(cache.columns[c].codes);
    cache.columns[c].codes = codes;
  }
}

function encode(d: Dictionary, value: string | null, rowid: number): number {
  if (value === null) {
    if (d.reps[0] === -1) d.reps[0] = rowid;
    return 0;
  }
  if (value === d.last) return d.lastCode;
  let code = d.index.get(value);
  if (code === undefined) {
    code = d.values.length;
    d.values.push(value);
    d.reps.push(rowid);
    d.index.set(value, code);
  }
  d.last = value;
  d.lastCode = code;
  return code;
}

const SELECT_CHUNK = `SELECT rowid, ts, ${CACHED_COLUMNS.join(', ')} FROM events WHERE rowid > ? ORDER BY rowid LIMIT ?`;

/** Reads up to `limit` rows after the cache's last rowid; returns how many were read. */
function readChunk(db: Db, cache: EventColumns, limit: number): number {
  const rows = db.prepare(SELECT_CHUNK).raw().iterate(cache.maxRowid, limit) as IterableIterator<unknown[]>;
  let read = 0;
  const dictionaries = CACHED_COLUMNS.map((c) => cache.columns[c]);
  for (const row of rows) {
    const rowid = row[0] as number;
    grow(cache, rowid);
    cache.ts[rowid] = row[1] as number;
    for (let i = 0; i < dictionaries.length; i++) {
      const d = dictionaries[i];
      d.codes[rowid] = encode(d, row[i + 2] as string | null, rowid);
    }
    cache.maxRowid = rowid;
    read++;
  }
  cache.count += read;
  return read;
}

type Drift = 'current' | 'appended' | 'rebuild';

/**
 * How the case differs from the cache: the same rows, rows appended after the last cached rowid, or anything else
 * (a deletion, counted by a trigger: migration 0010). Rowids only grow on insert, so an append adds the rows above
 * the old maximum. Two lookups, never a count of the events table.
 */
function driftOf(db: Db, cache: EventColumns): { drift: Drift; appended: number; top: number; deletions: number } {
  const { top, deletions } = db
    .prepare('SELECT coalesce(max(rowid), 0) AS top, (SELECT n FROM event_deletions WHERE id = 1) AS deletions FROM events')
    .get() as { top: number; deletions: number };
  if (deletions !== cache.deletions || top < cache.maxRowid) return { drift: 'rebuild', appended: 0, top, deletions };
  if (top === cache.maxRowid) return { drift: 'current', appended: 0, top, deletions };
  return { drift: 'appended', appended: top - cache.maxRowid, top, deletions };
}

/** A background step never keeps the process alive (a CLI command exits when its own work is done). */
function nextTick(background: boolean): Promise<void> {
  return new Promise((resolve) => {
    const step = setImmediate(resolve);
    if (background) step.unref();
  });
}

/** Resolves once the case has not changed for a second. */
async function quiet(db: Db, background: boolean): Promise<void> {
  for (;;) {
    const before = dataVersion(db);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      if (background) timer.unref();
    });
    if (!db.open || dataVersion(db) === before) return;
  }
}

/**
 * Builds or catches up the cache in steps of CHUNK_ROWS, yielding between steps so requests are served meanwhile.
 * Resolves when the cache matches the case (or was given up). Safe to call again: it joins the running build.
 * `background`: the steps do not keep the process alive, and the promise may then never settle.
 */
export function warmColumns(db: Db, background = false): Promise<void> {
  let state = states.get(db);
  if (state?.running) return state.running;
  if (!state) {
    state = { cache: emptyColumns(0), running: null, disabled: false };
    states.set(db, state);
  }
  const own = state;
  // The build may finish without awaiting (a small case): clear `running` only after it has been assigned.
  own.running = (async () => {
    try {
      let settled = true;
      for (;;) {
        if (!db.open || own.disabled) return;
        const version = dataVersion(db);
        const { drift, top, deletions, appended } = driftOf(db, own.cache);
        if (drift === 'current') {
          own.cache.version = version;
          return;
        }
        if (!settled) {
          // Rows still arriving after a pass: an import is running. Read on once it has paused for a second rather
          // than take CPU from its parser and writer (on two cores the import is what the analyst waits for).
          await quiet(db, background);
          settled = true;
          continue;
        }
        own.cache.version = null;
        // Rowids are dense (only a purge leaves holes, and that is a rebuild), so they bound the count.
        const expected = drift === 'rebuild' ? top : own.cache.count + appended;
        if (expected > MAX_CACHED_EVENTS && (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n > MAX_CACHED_EVENTS) {
          own.disabled = true;
          own.cache = emptyColumns(0);
          return;
        }
        if (drift === 'rebuild' || own.cache.count === 0) {
          // Sized to the case: growth by a quarter is for appends (at 10M events it would hold 210 MB spare).
          own.cache = emptyColumns(top + 1);
          own.cache.deletions = deletions;
        } else grow(own.cache, top);
        while (db.open && readChunk(db, own.cache, CHUNK_ROWS) === CHUNK_ROWS) await nextTick(background);
        settled = false;
      }
    } catch (err) {
      // A cache is an optimisation: a failure leaves the SQL paths in charge.
      own.disabled = true;
      if (db.open) console.warn(`column cache disabled: ${(err as Error).message}`);
    }
  })().finally(() => {
    own.running = null;
  });
  return own.running;
}

/**
 * The cache when it matches the case now, else null (and a catch-up starts in the background). A small append
 * (an import's last batch, a few pulled events) is read at once so the answer stays on the fast path.
 */
export function readyColumns(db: Db): EventColumns | null {
  const state = states.get(db);
  if (!state || state.disabled || state.running || state.cache.version === null) return null;
  const version = dataVersion(db);
  if (version === state.cache.version) return state.cache;
  const { drift, appended } = driftOf(db, state.cache);
  if (drift === 'current' || (drift === 'appended' && appended <= INLINE_APPEND_ROWS)) {
    if (drift === 'appended') readChunk(db, state.cache, appended);
    state.cache.version = version;
    return state.cache;
  }
  void warmColumns(db, true);
  return null;
}

/** Bytes held by the cache's arrays (dictionaries' strings not counted): for the bench's report. */
export function columnBytes(cache: EventColumns): number {
  return cache.ts.byteLength + CACHED_COLUMNS.reduce((sum, c) => sum + cache.columns[c].codes.byteLength, 0);
}
