import { describe, expect, it } from 'vitest';
import { csvFormat, jsonFormat, normalizeGeneric } from '../../electron/backend/ingest/formats/generic.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const jsonCtx = { fileName: 'events.jsonl', csvHeader: null };
const csvCtx = { fileName: 'events.csv', csvHeader: ['time', 'user', 'action'] };

function one(record: unknown): NormalizedFields {
  const r = normalizeGeneric(record);
  if (!r.ok) throw new Error(r.reason);
  expect(r.events).toHaveLength(1);
  return r.events[0];
}

describe('generic json/csv mapping', () => {
  it('maps the usual field names regardless of case and separators', () => {
    const e = one({
      Event_Time: '2023-07-10T12:00:01Z',
      'User Name': 'alice@example.com',
      eventType: 'document.download',
      'target-name': 'q3-report.pdf',
      resourceType: 'document',
      Result: 'Succeeded',
      client_ip: '203.0.113.7',
      'User-Agent': 'curl/8.0',
      session_id: 's-1',
      UUID: 'evt-1',
    });
    expect(e).toMatchObject({
      time: '2023-07-10T12:00:01.000Z',
      ts: Date.UTC(2023, 6, 10, 12, 0, 1),
      actor: 'alice@example.com',
      actorType: 'user',
      action: 'document.download',
      category: 'data_access',
      target: 'q3-report.pdf',
      targetType: 'document',
      outcome: 'success',
      severity: 'info',
      sourceIp: '203.0.113.7',
      userAgent: 'curl/8.0',
      sessionId: 's-1',
      vendorId: 'evt-1',
      summary: 'alice@example.com document.download q3-report.pdf',
    });
    expect(e.notes).toBeUndefined();
  });

  it('looks one level into nested objects', () => {
    const e = one({
      '@timestamp': 1688990401000,
      actor: { email: 'bob@example.com', type: 'User' },
      event: 'login',
      client: { ip: '198.51.100.2' },
      outcome: { result: 'FAILURE' },
      target: { name: 'console', type: 'app' },
    });
    expect(e).toMatchObject({
      time: '2023-07-10T12:00:01.000Z',
      actor: 'bob@example.com',
      actorType: 'user',
      action: 'login',
      category: 'authentication',
      outcome: 'failure',
      severity: 'critical',
      sourceIp: '198.51.100.2',
      target: 'console',
      targetType: 'app',
    });
  });

  it('never guesses success: absent or unrecognised outcomes stay unknown', () => {
    expect(one({ time: '2023-07-10T12:00:01Z', action: 'x' }).outcome).toBe('unknown');
    expect(one({ time: '2023-07-10T12:00:01Z', status: 'pending' }).outcome).toBe('unknown');
    expect(one({ time: '2023-07-10T12:00:01Z', status: 204 }).outcome).toBe('success');
    expect(one({ time: '2023-07-10T12:00:01Z', status: '403' }).outcome).toBe('failure');
    expect(one({ time: '2023-07-10T12:00:01Z', success: false }).outcome).toBe('failure');
    expect(one({ time: '2023-07-10T12:00:01Z', success: 'true' }).outcome).toBe('success');
    expect(one({ time: '2023-07-10T12:00:01Z', result: 'denied' }).outcome).toBe('failure');
    expect(one({ time: '2023-07-10T12:00:01Z', errorCode: 'AccessDenied' }).outcome).toBe('failure');
  });

  it('rejects records without a usable time and says where it looked', () => {
    const r = normalizeGeneric({ user: 'alice', action: 'x' });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.reason).toMatch(/^no event time field found \(looked for: eventTime, occurredAt, timestamp/);
    const bad = normalizeGeneric({ timestamp: 'not a date', user: 'alice' });
    expect(!bad.ok && bad.reason).toBe('event time field "timestamp" has no usable time: "not a date"');
    expect(normalizeGeneric([1, 2])).toEqual({ ok: false, reason: 'record is not an object (array)' });
  });

  it('carries time notes and recognises API-key actors', () => {
    const e = one({ occurredAt: '2023-07-10 12:00:01', actor: 'API key: ci-token', action: 'SpecJobEnqueued' });
    expect(e.notes).toEqual(['time had no zone; treated as UTC']);
    expect(e).toMatchObject({ actor: 'ci-token', actorType: 'api_key', summary: 'API key ci-token SpecJobEnqueued' });
  });

  it('maps CSV rows (all strings) the same way', () => {
    const e = one({ Date: '7/10/2023 12:00:01 PM', User: 'carol@example.com', Operation: 'UserLoggedIn', Status: '' });
    expect(e).toMatchObject({
      time: '2023-07-10T12:00:01.000Z', actor: 'carol@example.com', action: 'UserLoggedIn', outcome: 'unknown',
      category: 'authentication',
    });
    expect(e.notes?.[0]).toMatch(/month\/day\/year/);
  });

  it('answers a low constant confidence: json for objects, csv only with a header', () => {
    expect(jsonFormat.detect([{ a: 1 }], jsonCtx)).toBe(0.1);
    expect(jsonFormat.detect(['text'], jsonCtx)).toBe(0);
    expect(jsonFormat.detect([{ a: '1' }], csvCtx)).toBe(0);
    expect(csvFormat.detect([{ a: '1' }], csvCtx)).toBe(0.1);
    expect(csvFormat.detect([{ a: 1 }], jsonCtx)).toBe(0);
    expect(jsonFormat.id).toBe('json');
    expect(csvFormat.id).toBe('csv');
  });

  it("uses the record's own description as the summary, else composes one", () => {
    expect(one({ time: '2023-07-10T12:00:01Z', actor: 'bob', action: 'role.change', message: 'bob changed the role of carol to admin' }).summary)
      .toBe('bob changed the role of carol to admin');
    expect(one({ time: '2023-07-10T12:00:01Z', actor: 'bob', action: 'role.change', message: '  ' }).summary).toContain('bob');
  });

  it('takes a category stated in our vocabulary, else classifies the action', () => {
    expect(one({ time: '2023-07-10T12:00:01Z', action: 'ProfileDraftSaved', category: 'configuration' }).category).toBe('configuration');
    expect(one({ time: '2023-07-10T12:00:01Z', action: 'LOGIN_FAILURE', category: 'weird' }).category).toBe('authentication');
  });
});
