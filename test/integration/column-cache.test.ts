import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend.js';
import { readyColumns, warmColumns } from '../../electron/backend/store/memory/column-cache.js';
import { facetsInMemory } from '../../electron/backend/store/memory/facets-in-memory.js';
import { resultInMemory, rowSetInMemory } from '../../electron/backend/store/memory/timeline-in-memory.js';
import { countEvents } from '../../electron/backend/store/queries/events.js';
import { computeFacets } from '../../electron/backend/store/queries/facets.js';
import { histogram } from '../../electron/backend/store/queries/histogram.js';
import { createEventWriter, type EventInsert } from '../../electron/backend/store/queries/insert-events.js';
import { purgeOldEvents } from '../../electron/backend/store/queries/retention.js';
import { actorSessions } from '../../electron/backend/store/queries/sessions.js';
import { swimlanes } from '../../electron/backend/store/queries/swimlanes.js';
import { whereClause } from '../../electron/backend/store/query-sql.js';
import { FACET_FIELDS } from '../../shared/contract/annotations.js';
import { ACTOR_TYPES, CATEGORIES } from '../../shared/model/event.js';
import { makeEvent } from '../helpers/events.js';
import { useBackends } from '../helpers/backends.js';

/**
 * The in-memory columns (electron/backend/store/memory/) answer timelines, swimlanes, facets, counts and sessions of
 * any query once current. Each answer must be exactly what reading the rows gives: the same query compiled without
 * its parsed tree and shape takes the row path; facets and the table's count are compared with their exact SQL
 * count; sessions with the same call made before the cache existed. Then the cache must follow the case: appends,
 * big appends and a retention purge.
 */

const startBackend = useBackends();

const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const OLD = Date.parse('2024-11-01T00:00:00.000Z');
// Two spellings of one actor (NOCASE makes them one), an empty actor and none.
const ACTORS = ['alice@example.com', 'Alice@Example.com', 'bob@example.com', 'ci-token', '', null, 'carol@example.com'];
const WORDS = ['logged in', 'changed the role of', 'deleted the key', 'exported the report'];

function makeEvents(n: number, from: number, seed0: number): EventInsert[] {
  let seed = seed0;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  return Array.from({ length: n }, (_, i) => {
    const actor = pick(ACTORS);
    const r = rnd();
    return makeEvent({
      ts: i % 97 === 0 ? OLD + Math.floor(rnd() * 86_400_000) : from + Math.floor(rnd() * 3 * 86_400_000),
      actor,
      actorType: pick(ACTOR_TYPES),
      action: pick(['LOGIN_SUCCESS', 'LOGIN_FAILURE', 'RoleChanged', 'ApiKeyDeleted', 'login_failure']),
      category: rnd() < 0.5 ? 'authentication' : pick(CATEGORIES),
      outcome: r < 0.8 ? 'success' : r < 0.95 ? 'failure' : 'unknown',
      severity: rnd() < 0.75 ? 'info' : rnd() < 0.7 ? 'warning' : 'critical',
      target: rnd() < 0.2 ? null : pick(['res-1', 'RES-12', 'res-2', 'prod-db', '']) + (rnd() < 0.5 ? `-${i % 50}` : ''),
      targetType: pick([null, 'bucket', 'Bucket', 'API key']),
      sourceIp: pick([null, '10.0.0.7', '10.1.2.3', '192.168.1.7', '2001:db8::1', 'vpn.example.com']),
      userAgent: pick([null, 'curl/8.0', 'Mozilla/5.0', '']),
      location: pick([null, 'Berlin, DE', 'berlin, de', 'Sydney, AU', '']),
      sessionId: rnd() < 0.4 ? null : `s-${Math.floor(rnd() * 30)}`,
      source: pick(['trail', 'okta']),
      format: pick(['json', 'cloudtrail']),
      summary: `${actor ?? 'someone'} ${pick(WORDS)} ${i}`,
    });
  });
}

const FACET_COLUMNS = {
  actor: 'actor', action: 'action', category: 'category', target: 'target', targetType: 'target_type', outcome: 'outcome',
  severity: 'severity', ip: 'source_ip', source: 'source', format: 'format',
} as const;

const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();
const QUERIES = [
  '', '"logged"', 'logged OR deleted', '"changed the role"', 'role*', 'actorType:user', 'actorType:api_key outcome:failure',
  'has:location', '-has:session', 'has:target', 'target:res-1*', 'target:RES-1*', 'targetType:bucket',
  'actor:alice@example.com', 'actor:ALICE@example.com', 'ip:10.0.0.0/8', 'ip:192.168.1.7', 'ip:vpn.example.com',
  'action:/^LOGIN_/', 'actor:/ali/', 'severity:info OR severity:warning', '-(outcome:failure OR severity:critical)',
  '(actorType:user -outcome:success) OR "deleted"', 'tag:finding', 'is:starred', '-tag:finding', 'has:comment',
  'userAgent:curl*', 'location:"berlin, de"', 'session:s-1', 'source:okta format:cloudtrail', `time>=${at(10)} -"logged"`,
  `(time<${at(5)} OR time>=${at(60)}) actorType:service`, 'summary:alice*', 'id:test:1*', 'nothing-matches-this',
];

function sqlPath(query: string) {
  const where = whereClause(query);
  return { sql: where.sql, params: where.params }; // no tree and no shape: the rows are read
}

function answers(b: Backend, where: ReturnType<typeof whereClause> | ReturnType<typeof sqlPath>) {
  const db = b.context.db;
  return {
    plain: histogram(db, where, 2000),
    coarse: histogram(db, where, 40, 'outcome'),
    severity: histogram(db, where, 300, 'severity'),
    lanes: swimlanes(db, where, 120, 3),
  };
}

async function annotated(b: Backend, ids: string[]): Promise<void> {
  for (const id of ids.slice(0, 40)) await b.call('annotations:tag', { eventId: id, tag: 'finding' });
  for (const id of ids.slice(30, 60)) await b.call('annotations:star', { eventId: id, starred: true });
  await b.call('annotations:comment', { eventId: ids[5], text: 'possible leak', author: 'analyst' });
}

describe('the in-memory columns', () => {
  it('answer timelines, swimlanes and facets of any query exactly as the SQL paths do', async () => {
    const open = startBackend({ columnCache: false });
    const db = open.context.db;
    const events = makeEvents(6000, T0, 4242);
    createEventWriter(db).write(events);
    await annotated(open, events.map((e) => e.id));
    expect(readyColumns(db)).toBeNull(); // nothing is cached until asked
    await warmColumns(db);
    expect(readyColumns(db)).not.toBeNull();
    for (const query of QUERIES) {
      const where = whereClause(query);
      expect(resultInMemory(db, where), query).not.toBeNull();
      expect(answers(open, where), query).toEqual(answers(open, sqlPath(query)));
      const count = await open.call('events:count', { query, exact: false });
      expect(count, query).toEqual(countEvents(db, sqlPath(query), true));
      const inMemory = computeFacets(db, where, FACET_FIELDS, 3, false);
      expect(inMemory.approximate).toBe(false);
      expect(inMemory, query).toEqual(computeFacets(db, sqlPath(query), FACET_FIELDS, 3, true));
    }
  });

  it('give every actor the same sessions, badges and event ids as the SQL read', async () => {
    const open = startBackend({ columnCache: false });
    const db = open.context.db;
    createEventWriter(db).write(makeEvents(4000, T0, 99));
    const asks = ['alice@example.com', 'ALICE@example.com', 'bob@example.com', 'ci-token', 'nobody'].flatMap((actor) => [
      { actor, gapMinutes: 30 },
      { actor, gapMinutes: 5, from: T0 + 3_600_000, to: T0 + 40 * 3_600_000 },
    ]);
    const before = asks.map((ask) => actorSessions(db, ask));
    expect(before[0].sessions.length).toBeGreaterThan(5);
    await warmColumns(db);
    asks.forEach((ask, i) => expect(actorSessions(db, ask), JSON.stringify(ask)).toEqual(before[i]));
  });

  it('follow the case: small appends at once, big ones in the background, a retention purge by a rebuild', async () => {
    const open = startBackend({ columnCache: false });
    const db = open.context.db;
    const writer = createEventWriter(db);
    writer.write(makeEvents(3000, T0, 1));
    await warmColumns(db);
    const same = (query: string) => expect(answers(open, whereClause(query)), query).toEqual(answers(open, sqlPath(query)));

    // A small append is read during the request that notices it.
    writer.write(makeEvents(200, T0 + 86_400_000, 2));
    expect(readyColumns(db)?.count).toBe(3200);
    same('actorType:user');

    // A big one is read in steps; meanwhile the SQL paths answer, and the answers agree throughout.
    writer.write(makeEvents(25_000, T0, 3));
    expect(readyColumns(db)).toBeNull();
    expect(resultInMemory(db, whereClause('"logged"'))).toBeNull();
    same('"logged"');
    await warmColumns(db);
    expect(readyColumns(db)?.count).toBe(28_200);
    same('"logged"');
    same('-has:session');

    // A purge deletes the oldest events: the cache notices the deletion and is rebuilt without them.
    const purged = purgeOldEvents(db, new Date(T0 + 10 * 86_400_000), false);
    expect(purged.events).toBeGreaterThan(0);
    expect(readyColumns(db)).toBeNull();
    await warmColumns(db);
    expect(readyColumns(db)?.count).toBe(28_200 - purged.events);
    same('');
    same('actorType:user');
    expect(computeFacets(db, whereClause('has:location'), FACET_FIELDS, 5, false)).toEqual(
      computeFacets(db, sqlPath('has:location'), FACET_FIELDS, 5, true),
    );
  });

  it('replace the facets sample taken while they warmed with an exact count', async () => {
    const open = startBackend({ columnCache: false });
    const db = open.context.db;
    createEventWriter(db).write(makeEvents(6000, T0, 5));
    const sampled = await open.call('events:facets', { query: '' });
    expect(sampled.approximate).toBe(true); // 6,000 events: more than the SQL path counts exactly
    await warmColumns(db);
    const counted = await open.call('events:facets', { query: '' });
    expect(counted.approximate).toBe(false);
    expect(counted.total).toBe(6000);
    expect(counted).toEqual(computeFacets(db, sqlPath(''), FACET_FIELDS, 10, true));
  });

  it('sample a result past the counted size with the SQL sample\'s rowid hash, scaled, beside the exact total', async () => {
    const open = startBackend({ columnCache: false });
    const db = open.context.db;
    createEventWriter(db).write(makeEvents(6000, T0, 11));
    await warmColumns(db);
    const query = 'actorType:user OR outcome:success';
    const where = whereClause(query);
    const size = resultInMemory(db, where)!.ids.length;
    // Counted whole up to 1,000 rows here (2M in the app): this result is sampled.
    const sampled = facetsInMemory(rowSetInMemory(db, where)!, ['actor'], { ...FACET_COLUMNS }, new Set(['actor']), 50, false, 1000);
    const stride = Math.ceil(size / 1000);
    expect(stride).toBeGreaterThan(1);
    expect(sampled).toMatchObject({ approximate: true, total: countEvents(db, sqlPath(query), true).count });
    const bySql = db
      .prepare(
        `SELECT lower(actor) AS actor, count(*) * ? AS n FROM events
         WHERE (((rowid * 2654435761) & 4294967295) >> 8) % ? = 0 AND actor <> '' AND (${where.sql}) GROUP BY 1`,
      )
      .all(stride, stride, ...where.params) as { actor: string; n: number }[];
    const inMemory = sampled.fields[0].values.filter((v) => v.value !== null).map((v) => ({ actor: v.value!.toLowerCase(), n: v.count }));
    expect(inMemory.sort((a, b) => a.actor.localeCompare(b.actor))).toEqual(bySql.sort((a, b) => a.actor.localeCompare(b.actor)));
    // Asked for exact counts, it counts every row.
    expect(facetsInMemory(rowSetInMemory(db, where)!, ['actor'], { ...FACET_COLUMNS }, new Set(['actor']), 50, true, 1000).approximate).toBe(false);
  });

  it('warm by themselves when the backend opens a case', async () => {
    const first = startBackend();
    createEventWriter(first.context.db).write(makeEvents(500, T0, 7));
    const open = startBackend({ caseFile: first.context.caseFile }); // a second connection to the same case file
    await warmColumns(open.context.db); // joins the build the backend started
    expect(readyColumns(open.context.db)?.count).toBe(500);
    const facets = await open.call('events:facets', { query: 'actorType:user' });
    expect(facets.approximate).toBe(false);
  });
});
