import { describe, expect, it } from 'vitest';
import { outcomeOfAction } from '../../electron/backend/ingest/formats/classify.js';
import { byAction, parseSeed } from './seed-fixtures.js';

// Seed 000: Specmatic Insights audit events exported to S3 as JSON Lines (event type, actor, source IP, timestamp,
// summary, details). No vendor module: the generic mapping must read them completely.
describe('seed 000 (Specmatic Insights S3 audit export)', () => {
  it('reads every event with type, actor, source IP, time and the vendor summary', async () => {
    const { events, rejects, formats } = await parseSeed('seed-000-specmatic-audit.jsonl');
    expect(rejects).toEqual([]);
    expect(formats).toEqual(['json']);
    expect(events).toHaveLength(20);
    const [created] = byAction(events, 'USER_CREATED');
    expect(created).toMatchObject({
      actor: 'alice@acme.example', actorType: 'user', sourceIp: '203.0.113.10', vendorId: 'ae-0002',
      time: '2026-04-01T08:05:40.000Z', category: 'user_management',
      summary: 'alice@acme.example created user bob@acme.example',
    });
  });

  it('takes the outcome the event type states: login success/failure, export completed/failed', async () => {
    const { events } = await parseSeed('seed-000-specmatic-audit.jsonl');
    expect(byAction(events, 'LOGIN_SUCCESS').map((e) => e.outcome)).toEqual(['success']);
    expect(byAction(events, 'LOGIN_FAILURE').map((e) => e.outcome)).toEqual(['failure', 'failure', 'failure']);
    expect(byAction(events, 'LOGIN_FAILURE')[0]).toMatchObject({ category: 'authentication', severity: 'critical' });
    expect(byAction(events, 'AUDIT_EXPORT_COMPLETED')[0].outcome).toBe('success');
    expect(byAction(events, 'AUDIT_EXPORT_FAILED')[0].outcome).toBe('failure');
    // An event type that says nothing about its result stays unknown (never guessed).
    expect(byAction(events, 'AUDIT_EXPORT_STARTED').every((e) => e.outcome === 'unknown')).toBe(true);
  });

  it('labels the platform itself as the system actor', async () => {
    const { events } = await parseSeed('seed-000-specmatic-audit.jsonl');
    expect(byAction(events, 'LICENSE_REFRESHED')[0]).toMatchObject({ actor: 'system', actorType: 'system' });
  });

  it('reads an outcome only from the last word of an action name', () => {
    expect(outcomeOfAction('login_failed')).toBe('failure');
    expect(outcomeOfAction('PasswordResetSucceeded')).toBe('success');
    expect(outcomeOfAction('FAILED_LOGIN_REPORT_VIEWED')).toBe('unknown');
    expect(outcomeOfAction('LOGIN')).toBe('unknown');
    expect(outcomeOfAction(null)).toBe('unknown');
  });
});
