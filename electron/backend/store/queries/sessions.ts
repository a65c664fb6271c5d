import type { Session, SessionsResult, TravelBadge } from '../../../../shared/contract/workbench.js';
import type { Db } from '../open.js';
import { readyColumns, type EventColumns } from '../memory/column-cache.js';
import { dataVersion } from '../data-version.js';
import { isLoginAction } from './logins.js';
import { isUsefulLocation, judgeTravel, type Located } from './travel.js';

/**
 * An actor's events grouped into sessions: by the vendor's session id where the event has one, otherwise by an
 * inactivity gap the analyst sets. One ordered read over `events_by_actor_ts` of the few columns the grouping and
 * badges need, one pass in memory.
 *
 * Vendors reuse session ids (the demo's hourly ids repeat after a year; some proxies log a constant); a vendor id
 * seen again after more than a day of silence therefore starts a new session.
 */

const VENDOR_REUSE_MS = 24 * 3_600_000;
const MAX_LISTED = 50;

/**
 * The row as read: the rowid (an integer) instead of the event id and small codes instead of repeated texts, because
 * turning 66k rows of text into JS strings costs more than reading them; ids are looked up for the few rows shown.
 */
type Row = [rowid: number, ts: number, sessionId: string | null, ip: string | null, ua: string | null, location: string | null,
  outcome: number, loginCandidate: string | null];

/** Outcome codes of the read (anything else is 0). */
const FAILURE = 1;
const SUCCESS = 2;

interface Open {
  session: Session;
  startTs: number;
  lastTs: number;
  firstRowid: number;
  lastRowid: number;
}

export interface SessionOptions {
  actor: string;
  gapMinutes: number;
  from?: number;
  to?: number;
}

/** Consecutive events mostly repeat the previous value: compare with the last one before searching the list. */
function pushDistinct(list: string[], value: string | null): void {
  if (!value || list[list.length - 1] === value) return;
  if (list.length < MAX_LISTED && !list.includes(value)) list.push(value);
}

function newSession(row: Row, sessionId: string | null): Open {
  const [rowid, ts] = row;
  return {
    startTs: ts,
    lastTs: ts,
    firstRowid: rowid,
    lastRowid: rowid,
    session: {
      sessionId, start: '', end: '', durationMs: 0, count: 0, failures: 0, firstEventId: '', lastEventId: '',
      ips: [], userAgents: [], locations: [],
      badges: { newIps: [], newUserAgents: [], travel: [], failuresThenSuccess: null },
    },
  };
}

export function actorSessions(db: Db, opts: SessionOptions): SessionsResult {
  const gap = opts.gapMinutes * 60_000;
  const from = opts.from ?? Number.MIN_SAFE_INTEGER;
  const to = opts.to ?? Number.MAX_SAFE_INTEGER;
  const cache = readyColumns(db);
  const rows = cache ? rowsInMemory(db, cache, opts.actor, from, to) : rowsFromSql(db, opts.actor, from, to);

  const all: Open[] = [];
  const byVendorId = new Map<string, Open>();
  let gapSession: Open | null = null;
  let lastVendor: Open | null = null;
  const sessionOf = (row: Row): Open => {
    const [, ts, sid] = row;
    if (sid) {
      if (lastVendor && lastVendor.session.sessionId === sid && ts - lastVendor.lastTs <= VENDOR_REUSE_MS) return lastVendor;
      const open = byVendorId.get(sid);
      if (open && ts - open.lastTs <= VENDOR_REUSE_MS) return (lastVendor = open);
      const fresh = newSession(row, sid);
      byVendorId.set(sid, fresh);
      all.push(fresh);
      return (lastVendor = fresh);
    }
    if (gapSession && ts - gapSession.lastTs <= gap) return gapSession;
    gapSession = newSession(row, null);
    all.push(gapSession);
    return gapSession;
  };

  // Failed logins waiting for a success, and the last located event (for travel).
  let pendingFailures: number[] = [];
  let lastPlace: (Located & { rowid: number }) | null = null;
  const budget = { lookups: 0 };
  const idOf = idLookup(db);
  const isLogin = memoized(isLoginAction);
  let events = 0;
  for (const row of rows) {
    events++;
    const [rowid, ts, , ip, ua, location, outcome, action] = row;
    const open = sessionOf(row);
    const s = open.session;
    open.lastTs = ts;
    open.lastRowid = rowid;
    s.count++;
    if (outcome === FAILURE) s.failures++;
    pushDistinct(s.ips, ip);
    pushDistinct(s.userAgents, ua);
    pushDistinct(s.locations, location);

    if (action !== null && isLogin(action)) {
      if (outcome === FAILURE) pendingFailures.push(ts);
      else if (outcome === SUCCESS) {
        const recent = pendingFailures.filter((t) => ts - t <= gap);
        if (recent.length > 0 && !s.badges.failuresThenSuccess) {
          s.badges.failuresThenSuccess = {
            failures: recent.length, firstFailure: new Date(recent[0]).toISOString(), success: new Date(ts).toISOString(),
          };
        }
        pendingFailures = [];
      }
    }
    if (location !== null && lastPlace !== null && location === lastPlace.location) {
      // The same place as the last located event (the common case): it only moves on.
      lastPlace.rowid = rowid;
      lastPlace.ts = ts;
      lastPlace.id = '';
    } else if (isUsefulLocation(location)) {
      const here: Located & { rowid: number } = { rowid, id: '', ts, location };
      if (lastPlace && lastPlace.location.toLowerCase() !== location.toLowerCase()) {
        lastPlace.id ||= idOf(lastPlace.rowid);
        here.id = idOf(rowid);
        const badge: TravelBadge | null = judgeTravel(db, lastPlace, here, budget);
        if (badge) s.badges.travel.push(badge);
      }
      lastPlace = here;
    }
  }

  all.sort((a, b) => a.startTs - b.startTs);
  const seenIps = new Set<string>();
  const seenAgents = new Set<string>();
  if (opts.from !== undefined) seedHistory(db, opts.actor, opts.from, seenIps, seenAgents);
  let history = seenIps.size + seenAgents.size > 0;
  const ids = idsOf(db, all.flatMap((o) => [o.firstRowid, o.lastRowid]));
  for (const { session: s, startTs, lastTs, firstRowid, lastRowid } of all) {
    s.firstEventId = ids.get(firstRowid)!;
    s.lastEventId = ids.get(lastRowid)!;
    s.start = new Date(startTs).toISOString();
    s.end = new Date(lastTs).toISOString();
    s.durationMs = lastTs - startTs;
    // The actor's first session is the baseline: everything in it is "new", which says nothing.
    if (history) {
      s.badges.newIps = s.ips.filter((ip) => !seenIps.has(ip));
      s.badges.newUserAgents = s.userAgents.filter((ua) => !seenAgents.has(ua));
    }
    for (const ip of s.ips) seenIps.add(ip);
    for (const ua of s.userAgents) seenAgents.add(ua);
    history = true;
  }
  return { actor: opts.actor, events, sessions: all.map((o) => o.session) };
}

function rowsFromSql(db: Db, actor: string, from: number, to: number): IterableIterator<Row> {
  return db
    .prepare(
      `SELECT rowid, ts, session_id, source_ip, user_agent, location,
         CASE outcome WHEN 'failure' THEN ${FAILURE} WHEN 'success' THEN ${SUCCESS} ELSE 0 END,
         CASE WHEN category = 'authentication' THEN action END
       FROM events WHERE actor = ? AND ts >= ? AND ts <= ? ORDER BY ts, rowid`,
    )
    .raw()
    .iterate(actor, from, to) as IterableIterator<Row>;
}

/**
 * The same rows from the in-memory columns: only the rowids come from SQLite, in order, from the (actor, ts) index
 * alone; repeated values are the same JS strings, so the per-row comparisons are cheap too. Rows committed after the
 * cache's version (rowids above it) wait for the next call, which catches the cache up first.
 */
function* rowsInMemory(db: Db, cache: EventColumns, actor: string, from: number, to: number): IterableIterator<Row> {
  const rowids = db
    .prepare('SELECT rowid FROM events WHERE actor = ? AND ts >= ? AND ts <= ? AND rowid <= ? ORDER BY ts, rowid')
    .pluck()
    .all(actor, from, to, cache.maxRowid) as number[];
  const { session_id: sessions, source_ip: ips, user_agent: agents, location: places, outcome, category, action } = cache.columns;
  const outcomeOf = Int32Array.from(outcome.values, (v) => (v === 'failure' ? FAILURE : v === 'success' ? SUCCESS : 0));
  const authentication = Uint8Array.from(category.values, (v) => (v === 'authentication' ? 1 : 0));
  for (const r of rowids) {
    yield [
      r, cache.ts[r], sessions.values[sessions.codes[r]], ips.values[ips.codes[r]], agents.values[agents.codes[r]],
      places.values[places.codes[r]], outcomeOf[outcome.codes[r]],
      authentication[category.codes[r]] ? action.values[action.codes[r]] : null,
    ];
  }
}

/** Event ids of many rows in one statement (a session list needs two per session). */
function idsOf(db: Db, rowids: number[]): Map<number, string> {
  const rows = db
    .prepare('SELECT rowid, id FROM events WHERE rowid IN (SELECT value FROM json_each(?))')
    .raw()
    .all(JSON.stringify(rowids)) as [number, string][];
  return new Map(rows);
}

/** A per-call answer cache for a pure test of a few distinct action names repeated over thousands of rows. */
function memoized(test: (action: string) => boolean): (action: string) => boolean {
  const known = new Map<string, boolean>();
  return (action) => {
    let answer = known.get(action);
    if (answer === undefined) known.set(action, (answer = test(action)));
    return answer;
  };
}

function idLookup(db: Db): (rowid: number) => string {
  const stmt = db.prepare('SELECT id FROM events WHERE rowid = ?').pluck();
  return (rowid) => stmt.get(rowid) as string;
}

const cache = new WeakMap<Db, Map<string, SessionsResult>>();

/**
 * The same, remembered per case and data version: going Back to a sessions view, or trying a gap and returning to
 * the previous one, answers at once. Any write to the case (an import, from any connection) changes the key.
 */
export function cachedActorSessions(db: Db, opts: SessionOptions): SessionsResult {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const key = `${dataVersion(db)}|${JSON.stringify([opts.actor.toLowerCase(), opts.gapMinutes, opts.from, opts.to])}`;
  const hit = perDb.get(key);
  if (hit) return hit;
  const result = actorSessions(db, opts);
  if (perDb.size >= 16) perDb.delete(perDb.keys().next().value!);
  perDb.set(key, result);
  return result;
}

/** IPs and user agents the actor used before the requested range, so "new" means new for the actor. */
function seedHistory(db: Db, actor: string, before: number, ips: Set<string>, agents: Set<string>): void {
  const rows = db
    .prepare('SELECT DISTINCT source_ip, user_agent FROM events WHERE actor = ? AND ts < ?')
    .raw()
    .all(actor, before) as [string | null, string | null][];
  for (const [ip, ua] of rows) {
    if (ip) ips.add(ip);
    if (ua) agents.add(ua);
  }
}
