import { describe, expect, it } from 'vitest';
import { workspaceFormat } from '../../electron/backend/ingest/formats/workspace.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: 'workspace-activities.json', csvHeader: null };

// Shaped like activities of the Admin SDK Reports API (activities.list).
const adminActivity = {
  kind: 'admin#reports#activity',
  id: { time: '2024-02-01T08:00:00.123Z', uniqueQualifier: '-1234567890', applicationName: 'admin', customerId: 'C01' },
  etag: '"x"',
  actor: { callerType: 'USER', email: 'it-admin@example.com', profileId: '1001' },
  ipAddress: '198.51.100.30',
  ownerDomain: 'example.com',
  events: [
    { type: 'DELEGATED_ADMIN_SETTINGS', name: 'ASSIGN_ROLE', parameters: [{ name: 'ROLE_NAME', value: '_SEED_ADMIN_ROLE' }, { name: 'USER_EMAIL', value: 'mallory@example.com' }] },
    { type: 'USER_SETTINGS', name: 'CHANGE_PASSWORD', parameters: [{ name: 'USER_EMAIL', value: 'sam@example.com' }] },
  ],
};
const loginFailure = {
  kind: 'admin#reports#activity',
  id: { time: '2024-02-01T09:00:00Z', uniqueQualifier: '777', applicationName: 'login', customerId: 'C01' },
  actor: { email: 'sam@example.com', profileId: '1002' },
  ipAddress: '203.0.113.31',
  events: [{ type: 'login', name: 'login_failure', parameters: [{ name: 'login_type', value: 'google_password' }, { name: 'login_failure_type', value: 'login_failure_invalid_password' }, { name: 'is_suspicious', boolValue: false }] }],
};

describe('workspace format', () => {
  it('turns each entry of events[] into its own event with a distinct vendor id', () => {
    const r = workspaceFormat.normalize(adminActivity, ctx);
    expect(r.ok).toBe(true);
    const events = r.ok ? r.events : [];
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      time: '2024-02-01T08:00:00.123Z', vendorId: '-1234567890#0', actor: 'it-admin@example.com', actorType: 'user',
      action: 'ASSIGN_ROLE', category: 'authorization', severity: 'warning', outcome: 'unknown',
      targetType: 'user', target: 'mallory@example.com', sourceIp: '198.51.100.30',
      summary: 'it-admin@example.com admin ASSIGN_ROLE mallory@example.com',
      attributes: { application: 'admin', eventType: 'DELEGATED_ADMIN_SETTINGS', parameters: 'ROLE_NAME=_SEED_ADMIN_ROLE; USER_EMAIL=mallory@example.com' },
    });
    expect(events[1]).toMatchObject({ vendorId: '-1234567890#1', action: 'CHANGE_PASSWORD', category: 'authentication', severity: 'warning', target: 'sam@example.com' });
  });

  it('maps login failures as failed authentication', () => {
    const r = workspaceFormat.normalize(loginFailure, ctx);
    const e: NormalizedFields | undefined = r.ok ? r.events[0] : undefined;
    expect(e).toMatchObject({ vendorId: '777', outcome: 'failure', severity: 'warning', category: 'authentication', attributes: { loginFailureType: 'login_failure_invalid_password' } });
  });

  it('expands a whole response page, rejects broken activities and detects both', () => {
    const page = { kind: 'admin#reports#activities', items: [loginFailure, { ...loginFailure, id: { ...loginFailure.id, time: 'x' } }] };
    const r = workspaceFormat.normalize(page, ctx);
    expect(r.ok && r.events).toHaveLength(1);
    expect(r.ok && r.events[0].notes?.[0]).toBe('1 of 2 items elements rejected: items[1]: id.time has no usable time: "x"');
    expect(workspaceFormat.normalize({ ...loginFailure, events: [] }, ctx)).toEqual({ ok: false, reason: 'activity has no events' });
    expect(workspaceFormat.detect([adminActivity], ctx)).toBe(0.95);
    expect(workspaceFormat.detect([page], ctx)).toBe(0.95);
  });
});
