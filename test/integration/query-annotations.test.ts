import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { whereClause } from '../../electron/backend/store/query-sql.js';
import { createEventWriter, type EventInsert } from '../../electron/backend/store/queries/insert-events.js';
import { QuerySyntaxError } from '../../shared/query/syntax-error.js';
import { makeEvent } from '../helpers/events.js';
import fs from 'node:fs';
import os from 'node:os';

/** Every construct of the query language run as SQL on a real case, against the same filter written in JS. */

const ACTORS = ['alice@example.com', 'Bob', 'carol@corp.example', null];
const ACTIONS = ['ConsoleLogin', 'GetObject', 'PutObject', 'DeleteBucket', 'AssumeRole'];

function events(): EventInsert[] {
  return Array.from({ length: 60 }, (_, i) =>
    makeEvent({
      id: `q-${String(i).padStart(2, '0')}`,
      ts: Date.UTC(2026, 0, 1) + i * 60_000,
      actor: ACTORS[i % ACTORS.length],
      action: ACTIONS[i % ACTIONS.length],
      outcome: i % 6 === 0 ? 'failure' : 'success',
      severity: i % 10 === 0 ? 'critical' : 'info',
      target: i % 3 === 0 ? `bucket-${i % 4}` : null,
      userAgent: i % 2 === 0 ? 'aws-cli/2.15 Python/3.11' : null,
      summary: `event number ${i}`,
    }),
  );
}

let dir: string;
let backend: Backend;
const all = events();

async function ids(query: string): Promise<string[]> {
  const rows = (await backend.call('events:window', { query, order: 'asc', offset: 0, limit: 1000 })).rows;
  return rows.map((r) => r.id);
}
const truth = (pred: (e: EventInsert) => boolean) => all.filter(pred).map((e) => e.id);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-qa-'));
  backend = createBackend({ caseFile: path.join(dir, 'q.auditlens') });
  createEventWriter(backend.context.db).write(all);
  await backend.call('annotations:star', { eventId: 'q-03', starred: true });
  await backend.call('annotations:star', { eventId: 'q-07', starred: true });
  await backend.call('tags:define', { name: 'phishing', description: 'Phishing follow-up', color: '#dc2626' });
  await backend.call('annotations:tag', { eventId: 'q-03', tag: 'phishing' });
  await backend.call('annotations:tag', { eventId: 'q-11', tag: 'phishing' });
  await backend.call('annotations:tag', { eventId: 'q-11', tag: 'phase-2' });
  await backend.call('annotations:comment', { eventId: 'q-20', text: 'Lateral movement to the prod account', author: 'ana' });
});
afterAll(async () => {
  await backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('query language on a real case', () => {
  it('OR, NOT, - and parentheses select the same events as the JS predicate', async () => {
    expect(await ids('actor:bob OR action:DeleteBucket')).toEqual(truth((e) => e.actor === 'Bob' || e.action === 'DeleteBucket'));
    expect(await ids('NOT outcome:success')).toEqual(truth((e) => e.outcome !== 'success'));
    expect(await ids('-actor:bob')).toEqual(truth((e) => e.actor !== 'Bob'));
    expect(await ids('(actor:bob OR actor:alice*) -(action:GetObject OR severity:critical)')).toEqual(
      truth((e) => (e.actor === 'Bob' || e.actor === 'alice@example.com') && !(e.action === 'GetObject' || e.severity === 'critical')),
    );
    expect(await ids('actor:bob action:PutObject OR severity:critical')).toEqual(
      truth((e) => (e.actor === 'Bob' && e.action === 'PutObject') || e.severity === 'critical'),
    );
  });

  it('has: and -has: split events by presence', async () => {
    expect(await ids('has:target')).toEqual(truth((e) => e.target !== null));
    expect(await ids('-has:actor')).toEqual(truth((e) => e.actor === null));
    expect((await ids('has:userAgent')).length + (await ids('-has:userAgent')).length).toBe(all.length);
  });

  it('regex matches case-insensitively and never matches an absent value; its negation keeps them', async () => {
    expect(await ids('action:/^(get|put)object$/')).toEqual(truth((e) => /^(Get|Put)Object$/.test(e.action ?? '')));
    expect(await ids('actor:/EXAMPLE\\.com$/')).toEqual(truth((e) => /example\.com$/i.test(e.actor ?? '')));
    expect(await ids('-actor:/example/')).toEqual(truth((e) => !/example/i.test(e.actor ?? '')));
    expect(await ids('summary:/number [0-9]$/ OR target:/-3$/')).toEqual(
      truth((e) => /number [0-9]$/.test(e.summary) || /-3$/.test(e.target ?? '')),
    );
  });

  it('id regexes are case-sensitive; patterns the linear-time engine refuses are syntax errors at their column', () => {
    expect(() => whereClause('id:/^Q-/')).not.toThrow();
    let err: unknown;
    try {
      whereClause('actor:x action:/a{1,100000}/');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QuerySyntaxError);
    expect((err as QuerySyntaxError).details.column).toBe(16);
    expect((err as QuerySyntaxError).message).toMatch(/^regular expression rejected: .* at column 16/);
  });

  it('a pathological pattern runs in linear time (answers, rather than backtracking for ever)', async () => {
    const db = backend.context.db;
    const evil = `${'a'.repeat(5000)}!`;
    const row = db.prepare(`SELECT regexp('^(a+)+$', ?, 0) AS m`).get(evil) as { m: number };
    expect(row.m).toBe(0);
  });

  it('tag:, is:starred, has:comment, comment: search the annotations', async () => {
    expect(await ids('tag:phishing')).toEqual(['q-03', 'q-11']);
    expect(await ids('tag:PHISH*')).toEqual(['q-03', 'q-11']);
    expect(await ids('tag:phase-2')).toEqual(['q-11']);
    expect(await ids('has:tag -tag:phase-2')).toEqual(['q-03']);
    expect(await ids('is:starred')).toEqual(['q-03', 'q-07']);
    expect(await ids('is:starred -tag:phishing')).toEqual(['q-07']);
    expect(await ids('has:comment')).toEqual(['q-20']);
    expect(await ids('comment:lateral')).toEqual(['q-20']);
    expect(await ids('comment:/prod acc/')).toEqual(['q-20']);
    expect(await ids('comment:100%')).toEqual([]);
    expect((await ids('-is:starred')).length).toBe(all.length - 2);
  });

  it('a new star is seen by the next query on the same connection (no stale cached result)', async () => {
    expect(await ids('is:starred')).toEqual(['q-03', 'q-07']);
    await backend.call('annotations:star', { eventId: 'q-07', starred: false });
    expect(await ids('is:starred')).toEqual(['q-03']);
    const count = await backend.call('events:count', { query: 'is:starred', exact: true });
    expect(count.count).toBe(1);
    await backend.call('annotations:star', { eventId: 'q-07', starred: true });
  });

  it('table windows carry the star and the tag names of their rows only', async () => {
    const rows = (await backend.call('events:window', { query: 'id:q-03 OR id:q-11 OR id:q-12', order: 'asc', offset: 0, limit: 10 })).rows;
    expect(rows.map((r) => [r.id, r.starred ?? false, r.tags ?? []])).toEqual([
      ['q-03', true, ['phishing']],
      ['q-11', false, ['phase-2', 'phishing']],
      ['q-12', false, []],
    ]);
  });
});
