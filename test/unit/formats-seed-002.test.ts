import { describe, expect, it } from 'vitest';
import { parseSeed } from './seed-fixtures.js';

// Seed 002: the incident platform's audit-log export (JSON), one resource type per event.
describe('seed 002 (incident platform audit-log JSON export)', () => {
  it('maps each supported resource to targetType, its name to target', async () => {
    const { events, rejects } = await parseSeed('seed-002-audit-logs.json');
    expect(rejects).toEqual([]);
    expect(new Set(events.map((e) => e.targetType))).toEqual(new Set([
      'User Logins', 'Services', 'Escalation Policy', 'Runbook', 'RBAC Management', 'User management',
      'API Refresh Token', 'Extensions',
    ]));
    const deleted = events.find((e) => e.action === 'delete')!;
    expect(deleted).toMatchObject({ targetType: 'Services', target: 'checkout-web', actor: 'tom@oncall.example', outcome: 'success' });
  });

  it('keeps the failed login a failure with its source IP and browser', async () => {
    const { events } = await parseSeed('seed-002-audit-logs.json');
    const failed = events.filter((e) => e.outcome === 'failure');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ action: 'login', category: 'authentication', sourceIp: '192.0.2.99' });
    expect(failed[0].userAgent).toContain('Chrome/126');
  });
});
