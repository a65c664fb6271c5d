import { describe, expect, it } from 'vitest';
import { auth0Format } from '../../electron/backend/ingest/formats/auth0.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: 'auth0-logs.json', csvHeader: null };

// Shaped like Auth0 Management API log objects (GET /api/v2/logs).
const failedLogin = {
  log_id: '90020240201080000123456789',
  date: '2024-02-01T08:00:00.123Z',
  type: 'fp',
  description: 'Wrong email or password.',
  connection: 'Username-Password-Authentication',
  client_id: 'AaBbCc',
  client_name: 'Customer Portal',
  ip: '203.0.113.61',
  user_agent: 'Chrome 120.0.0 / Mac OS X 10.15.7',
  user_id: 'auth0|65ab',
  user_name: 'pat@example.com',
  location_info: { country_code: 'FR', country_name: 'France', city_name: 'Paris' },
};
const mgmtCall = {
  date: '2024-02-01T09:00:00Z',
  type: 'sapi',
  description: 'Set the Multi-factor Authentication policies',
  client_id: 'mgmt',
  client_name: '',
  ip: '198.51.100.70',
  details: {
    request: { method: 'put', path: '/api/v2/guardian/policies', auth: { user: { user_id: 'google-oauth2|1', name: 'Ops', email: 'ops@example.com' }, strategy: 'jwt' } },
    response: { statusCode: 200 },
  },
  log_id: '90020240201090000',
};

function one(record: unknown): NormalizedFields {
  const r = auth0Format.normalize(record, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0];
}

describe('auth0 format', () => {
  it('maps a failed password login from its event code', () => {
    expect(one(failedLogin)).toMatchObject({
      time: '2024-02-01T08:00:00.123Z', vendorId: '90020240201080000123456789', actor: 'pat@example.com', actorType: 'user',
      action: 'fp', category: 'authentication', outcome: 'failure', severity: 'warning', targetType: 'application',
      target: 'Customer Portal', sourceIp: '203.0.113.61', location: 'Paris, France',
      summary: 'pat@example.com: Wrong email or password. (Customer Portal)',
    });
    expect(one({ ...failedLogin, type: 's', description: 'Successful login' })).toMatchObject({ outcome: 'success', severity: 'info' });
    expect(one({ ...failedLogin, type: 'limit_wc' })).toMatchObject({ outcome: 'failure', severity: 'warning' });
    expect(one({ ...failedLogin, type: 'w' }).outcome).toBe('unknown');
  });

  it('maps Management API operations by who called them and what they changed', () => {
    expect(one(mgmtCall)).toMatchObject({
      actor: 'ops@example.com', actorType: 'user', action: 'sapi', category: 'configuration', severity: 'warning',
      outcome: 'success', target: '/api/v2/guardian/policies', targetType: 'api path',
      attributes: { method: 'put', statusCode: '200' },
    });
    const m2m = one({ ...mgmtCall, description: 'Delete a user', client_name: 'provisioner', details: { request: { path: '/api/v2/users/x' } } });
    expect(m2m).toMatchObject({ actor: 'provisioner', actorType: 'service', category: 'user_management' });
  });

  it('unwraps log-stream deliveries', () => {
    const e = one({ log_id: 'stream-1', data: { ...failedLogin, log_id: undefined } });
    expect(e).toMatchObject({ vendorId: 'stream-1', actor: 'pat@example.com', outcome: 'failure' });
  });

  it('rejects logs without a usable date or type', () => {
    expect(auth0Format.normalize({ ...failedLogin, date: 'later' }, ctx)).toEqual({ ok: false, reason: 'date has no usable time: "later"' });
    expect(auth0Format.normalize({ date: '2024-02-01T08:00:00Z' }, ctx)).toEqual({ ok: false, reason: 'no event type code' });
  });

  it('detects Auth0 logs, wrapped or not', () => {
    expect(auth0Format.detect([failedLogin, { log_id: 'x', data: mgmtCall }], ctx)).toBe(0.9);
    expect(auth0Format.detect([{ type: 'x', date: '2024' }], ctx)).toBe(0);
  });
});
