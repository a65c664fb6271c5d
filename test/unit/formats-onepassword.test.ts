import { describe, expect, it } from 'vitest';
import { onePasswordFormat } from '../../electron/backend/ingest/formats/onepassword.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: '1password-events.jsonl', csvHeader: null };

// Shaped like the 1Password Events API reference objects.
const signIn = {
  uuid: '56YE2TYN2VFYRLNSHKPW5NVT5E', session_uuid: 'A5K6COGVRVEJXJW3XQZGS7VAMM', timestamp: '2024-02-01T08:00:00.5-05:00',
  category: 'credentials_failed', type: 'password_secret_bad', country: 'CA',
  target_user: { uuid: 'IR7VJHJ36JHINBFAD7V2T5MP3E', name: 'Pat', email: 'pat@example.com' },
  client: { app_name: '1Password Browser Extension', app_version: '20240', platform_name: 'Chrome', platform_version: '121', os_name: 'MacOSX', os_version: '14.2', ip_address: '192.0.2.90' },
  location: { country: 'CA', region: 'Ontario', city: 'Toronto', latitude: 43.6, longitude: -79.4 },
};
const itemUsage = {
  uuid: 'U1', timestamp: '2024-02-01T09:00:00Z', used_version: 3, vault_uuid: 'V1', item_uuid: 'I1', action: 'export',
  user: { uuid: 'X', name: 'Pat', email: 'pat@example.com' }, client: { app_name: '1Password for Mac', ip_address: '192.0.2.91' },
};
const auditEvent = {
  uuid: 'A1', timestamp: '2024-02-01T10:00:00Z', actor_uuid: 'ADM', actor_details: { uuid: 'ADM', name: 'Admin', email: 'admin@example.com' },
  action: 'grant', object_type: 'uva', object_uuid: 'V1', aux_id: 9, aux_uuid: 'U2', aux_details: { uuid: 'U2', name: 'Sam', email: 'sam@example.com' },
  session: { uuid: 'S1', login_time: '2024-02-01T09:55:00Z', device_uuid: 'D1', ip: '198.51.100.91' },
};

function one(record: unknown): NormalizedFields {
  const r = onePasswordFormat.normalize(record, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0];
}

describe('onepassword format', () => {
  it('maps a failed sign-in attempt', () => {
    expect(one(signIn)).toMatchObject({
      time: '2024-02-01T13:00:00.500Z', vendorId: '56YE2TYN2VFYRLNSHKPW5NVT5E', actor: 'pat@example.com', actorType: 'user',
      action: 'signin.password_secret_bad', category: 'authentication', outcome: 'failure', severity: 'warning',
      sourceIp: '192.0.2.90', location: 'Toronto, Ontario, CA', sessionId: 'A5K6COGVRVEJXJW3XQZGS7VAMM',
      summary: 'pat@example.com sign-in via 1Password Browser Extension credentials_failed (password_secret_bad)',
      attributes: { app: '1Password Browser Extension 20240', os: 'MacOSX 14.2' },
    });
    expect(one({ ...signIn, category: 'success', type: 'credentials_ok' })).toMatchObject({ outcome: 'success', severity: 'info' });
  });

  it('maps item usages; exports are warnings and no outcome is claimed', () => {
    expect(one(itemUsage)).toMatchObject({
      action: 'item.export', category: 'export', severity: 'warning', outcome: 'unknown', target: 'I1', targetType: 'item',
      summary: 'pat@example.com export item I1 in vault V1', attributes: { vault: 'V1', usedVersion: '3' },
    });
  });

  it('maps audit events; vault access grants are authorization warnings', () => {
    expect(one(auditEvent)).toMatchObject({
      actor: 'admin@example.com', action: 'grant', category: 'authorization', severity: 'warning', targetType: 'uva',
      target: 'V1', sourceIp: '198.51.100.91', sessionId: 'S1', attributes: { auxName: 'Sam' },
    });
  });

  it('rejects unknown shapes and unusable timestamps; detects the three streams', () => {
    expect(onePasswordFormat.normalize({ ...signIn, timestamp: '' }, ctx)).toEqual({ ok: false, reason: 'timestamp has no usable time: ""' });
    expect(onePasswordFormat.normalize({ uuid: 'x' }, ctx)).toEqual({ ok: false, reason: 'neither a 1Password sign-in attempt, item usage nor audit event' });
    expect(onePasswordFormat.detect([signIn, itemUsage, auditEvent], ctx)).toBe(0.9);
  });
});
