import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { createEventWriter, type EventInsert } from '../../electron/backend/store/queries/insert-events.js';
import { makeEvent } from '../helpers/events.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
const T0 = Date.parse('2026-03-01T12:00:00.000Z');
const MIN = 60_000;
let open: Backend | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

function backendWith(events: EventInsert[]): Backend {
  open = createBackend({ caseFile: path.join(tempDir(), 'w.auditlens') });
  createEventWriter(open.context.db).write(events);
  return open;
}

describe('events:context (show surrounding)', () => {
  const events = [
    makeEvent({ id: 'far-before', ts: T0 - 5 * MIN - 1, source: 'okta' }),
    makeEvent({ id: 'edge-before', ts: T0 - 5 * MIN, source: 'okta' }),
    makeEvent({ id: 'near', ts: T0 - MIN, source: 'cloudtrail', actor: 'bob@example.com' }),
    makeEvent({ id: 'tie-1', ts: T0, source: 'github' }),
    makeEvent({ id: 'chosen', ts: T0, source: 'okta', outcome: 'failure' }),
    makeEvent({ id: 'tie-2', ts: T0, source: 'github' }),
    makeEvent({ id: 'edge-after', ts: T0 + 5 * MIN, source: 'cloudtrail' }),
    makeEvent({ id: 'far-after', ts: T0 + 5 * MIN + 1, source: 'cloudtrail' }),
  ];

  it('lists every event within +-N minutes across all sources, boundaries included, the chosen one marked', async () => {
    const b = backendWith(events);
    const r = await b.call('events:context', { id: 'chosen', minutes: 5 });
    expect(r.rows.map((e) => e.id)).toEqual(['edge-before', 'near', 'tie-1', 'chosen', 'tie-2', 'edge-after']);
    expect(r.rows[r.anchorIndex].id).toBe('chosen');
    expect([r.before, r.after]).toEqual([3, 2]);
    expect(r.sources).toEqual(['cloudtrail', 'github', 'okta']);
    expect([r.from, r.to]).toEqual([new Date(T0 - 5 * MIN).toISOString(), new Date(T0 + 5 * MIN).toISOString()]);
  });

  it('N = 0 keeps only events at the same instant; a larger N reaches further', async () => {
    const b = backendWith(events);
    expect((await b.call('events:context', { id: 'chosen', minutes: 0 })).rows.map((e) => e.id)).toEqual(['tie-1', 'chosen', 'tie-2']);
    expect((await b.call('events:context', { id: 'chosen', minutes: 6 })).rows).toHaveLength(events.length);
  });

  it('caps each side to the nearest rows and still counts the whole window', async () => {
    const b = backendWith(events);
    const r = await b.call('events:context', { id: 'chosen', minutes: 5, limitPerSide: 1 });
    expect(r.rows.map((e) => e.id)).toEqual(['tie-1', 'chosen', 'tie-2']);
    expect([r.before, r.after]).toEqual([3, 2]);
  });

  it('an unknown id is NOT_FOUND', async () => {
    const b = backendWith(events);
    await expect(b.call('events:context', { id: 'nope', minutes: 5 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

const ACTOR = 'alice@example.com';
const at = (minutes: number) => T0 + minutes * MIN;
const ev = (minutes: number, o: Partial<EventInsert> = {}) => makeEvent({ ts: at(minutes), actor: ACTOR, ...o });

describe('actor:sessions', () => {
  it('groups by vendor session id where present and by the inactivity gap elsewhere', async () => {
    const b = backendWith([
      ev(0, { sessionId: 'S1', sourceIp: '10.0.0.1' }),
      ev(5, { sessionId: 'S2', sourceIp: '10.0.0.2' }), // interleaved vendor sessions stay apart
      ev(50, { sessionId: 'S1', sourceIp: '10.0.0.1', action: 'RulePublished', category: 'configuration' }),
      ev(100, { action: 'ApiCall', category: 'data_access' }), // no session id: gap sessions
      ev(120, { action: 'ApiCall', category: 'data_access' }),
      ev(200, { action: 'ApiCall', category: 'data_access' }),
      makeEvent({ ts: at(1), actor: 'bob@example.com', sessionId: 'S1' }), // another actor is not mixed in
    ]);
    const r = await b.call('actor:sessions', { actor: ACTOR, gapMinutes: 30 });
    expect(r.events).toBe(6);
    const shape = r.sessions.map((s) => [s.sessionId, s.count, s.start, s.end]);
    expect(shape).toEqual([
      ['S1', 2, new Date(at(0)).toISOString(), new Date(at(50)).toISOString()],
      ['S2', 1, new Date(at(5)).toISOString(), new Date(at(5)).toISOString()],
      [null, 2, new Date(at(100)).toISOString(), new Date(at(120)).toISOString()],
      [null, 1, new Date(at(200)).toISOString(), new Date(at(200)).toISOString()],
    ]);
    expect(r.sessions[0].durationMs).toBe(50 * MIN);
    // A wider gap merges the sessionless events into one.
    const wide = await b.call('actor:sessions', { actor: ACTOR, gapMinutes: 120 });
    expect(wide.sessions.filter((s) => s.sessionId === null).map((s) => s.count)).toEqual([3]);
  });

  it('badges: new IP and user agent (not in the actor\'s earlier sessions), failures then success', async () => {
    const b = backendWith([
      ev(0, { sessionId: 'A', sourceIp: '10.0.0.1', userAgent: 'Firefox' }),
      ev(600, { action: 'LOGIN_FAILURE', outcome: 'failure', sourceIp: '185.220.101.9' }),
      ev(601, { action: 'LOGIN_FAILURE', outcome: 'failure', sourceIp: '185.220.101.9' }),
      ev(603, { action: 'LOGIN_SUCCESS', sessionId: 'B', sourceIp: '185.220.101.9', userAgent: 'curl/8.0' }),
      ev(900, { sessionId: 'C', sourceIp: '10.0.0.1', userAgent: 'Firefox' }),
      // A password change is authentication too, but not a login: no badge for it.
      ev(1200, { action: 'PASSWORD_CHANGE_FAILED', outcome: 'failure' }),
      ev(1201, { action: 'PASSWORD_CHANGED', sessionId: 'D', userAgent: 'Firefox', sourceIp: '10.0.0.1' }),
    ]);
    const { sessions } = await b.call('actor:sessions', { actor: ACTOR, gapMinutes: 30 });
    const byId = new Map(sessions.map((s) => [s.sessionId ?? `gap@${s.start}`, s]));
    const first = byId.get('A')!;
    expect(first.badges).toEqual({ newIps: [], newUserAgents: [], travel: [], failuresThenSuccess: null });
    const failedGap = byId.get(`gap@${new Date(at(600)).toISOString()}`)!;
    expect(failedGap.failures).toBe(2);
    expect(failedGap.badges.newIps).toEqual(['185.220.101.9']);
    const b2 = byId.get('B')!;
    expect(b2.badges.newUserAgents).toEqual(['curl/8.0']);
    expect(b2.badges.newIps).toEqual([]); // seen in the failed attempts' session just before
    expect(b2.badges.failuresThenSuccess).toEqual({
      failures: 2, firstFailure: new Date(at(600)).toISOString(), success: new Date(at(603)).toISOString(),
    });
    expect(byId.get('C')!.badges).toMatchObject({ newIps: [], newUserAgents: [], failuresThenSuccess: null });
    expect(byId.get('D')!.badges.failuresThenSuccess).toBeNull();
  });

  it('from/to: "new" is judged against the actor\'s history before the range', async () => {
    const b = backendWith([
      ev(0, { sessionId: 'old', sourceIp: '10.0.0.1', userAgent: 'Firefox' }),
      ev(600, { sessionId: 'in-range', sourceIp: '10.0.0.1', userAgent: 'Chrome' }),
    ]);
    const r = await b.call('actor:sessions', { actor: ACTOR, gapMinutes: 30, from: new Date(at(300)).toISOString() });
    expect(r.sessions.map((s) => s.sessionId)).toEqual(['in-range']);
    expect(r.sessions[0].badges.newIps).toEqual([]);
    expect(r.sessions[0].badges.newUserAgents).toEqual(['Chrome']);
  });

  it('answers again from memory until the case changes', async () => {
    const b = backendWith([ev(0, { sessionId: 'S1' })]);
    const first = await b.call('actor:sessions', { actor: ACTOR, gapMinutes: 30 });
    expect(await b.call('actor:sessions', { actor: ACTOR, gapMinutes: 30 })).toBe(first);
    createEventWriter(b.context.db).write([ev(5, { sessionId: 'S2' })]);
    const after = await b.call('actor:sessions', { actor: ACTOR, gapMinutes: 30 });
    expect(after.sessions.map((s) => s.sessionId)).toEqual(['S1', 'S2']);
  });

  it('travel: impossible when coordinates say so, a location change when only names are known', async () => {
    const b = backendWith([
      ev(0, { sessionId: 'X', location: 'Berlin, DE' }),
      ev(30, { sessionId: 'Y', location: 'Unknown' }), // says nothing: skipped
      ev(40, { sessionId: 'Y', location: 'Austin, US' }), // names only, 40 min later
      // Okta keeps coordinates in the raw record: Austin -> Sydney in 60 minutes is impossible.
      ev(600, { sessionId: 'Z', location: 'Austin, US', raw: JSON.stringify({ client: { geographicalContext: { geolocation: { lat: 30.27, lon: -97.74 } } } }) }),
      ev(660, { sessionId: 'Z', location: 'Sydney, AU', raw: JSON.stringify({ client: { geographicalContext: { geolocation: { lat: -33.87, lon: 151.21 } } } }) }),
      // Coordinates as the location text; 30 km in 10 minutes is a commute, not a badge.
      ev(2000, { sessionId: 'W', location: '52.52, 13.40' }),
      ev(2010, { sessionId: 'W', location: '52.40, 13.06' }),
    ]);
    const { sessions } = await b.call('actor:sessions', { actor: ACTOR, gapMinutes: 30 });
    const travel = Object.fromEntries(sessions.map((s) => [s.sessionId, s.badges.travel]));
    expect(travel.Y).toEqual([expect.objectContaining({ kind: 'location-change', fromLocation: 'Berlin, DE', toLocation: 'Austin, US', minutes: 40, km: null })]);
    expect(travel.Z).toHaveLength(1);
    expect(travel.Z[0]).toMatchObject({ kind: 'impossible', fromLocation: 'Austin, US', toLocation: 'Sydney, AU', minutes: 60 });
    expect(travel.Z[0].km).toBeGreaterThan(13_000);
    expect(travel.Z[0].kmPerHour).toBeGreaterThan(13_000);
    expect(travel.W).toEqual([]);
  });
});

describe('investigations:failedlogins', () => {
  it('finds runs of failed logins followed by a successful login within the window, per actor', async () => {
    const b = backendWith([
      ev(0, { action: 'LOGIN_FAILURE', outcome: 'failure', sourceIp: '185.220.101.1' }),
      ev(2, { action: 'LOGIN_FAILURE', outcome: 'failure', sourceIp: '185.220.101.2' }),
      ev(3, { action: 'LOGIN_SUCCESS', id: 'alice-in', sourceIp: '185.220.101.2' }),
      makeEvent({ ts: at(10), actor: 'bob@example.com', action: 'LOGIN_FAILURE', outcome: 'failure' }),
      makeEvent({ ts: at(200), actor: 'bob@example.com', action: 'LOGIN_SUCCESS' }), // too late
      makeEvent({ ts: at(20), actor: 'carol@example.com', action: 'PASSWORD_CHANGE', outcome: 'failure' }),
      makeEvent({ ts: at(21), actor: 'carol@example.com', action: 'LOGIN_SUCCESS' }), // not after a failed *login*
    ]);
    const found = await b.call('investigations:failedlogins', {});
    expect(found).toEqual([{
      actor: ACTOR, failures: 2, firstFailure: new Date(at(0)).toISOString(), lastFailure: new Date(at(2)).toISOString(),
      failureIps: ['185.220.101.1', '185.220.101.2'], success: new Date(at(3)).toISOString(), successId: 'alice-in',
      successIp: '185.220.101.2', successAction: 'LOGIN_SUCCESS',
    }]);
    expect(await b.call('investigations:failedlogins', { withinMinutes: 240 })).toHaveLength(2);
    expect(await b.call('investigations:failedlogins', { minFailures: 3 })).toEqual([]);
    expect(await b.call('investigations:failedlogins', { query: 'actor:bob@example.com', withinMinutes: 240 })).toHaveLength(1);
  });
});
