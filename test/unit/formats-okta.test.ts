import { describe, expect, it } from 'vitest';
import { oktaFormat } from '../../electron/backend/ingest/formats/okta.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: 'okta-system-log.jsonl', csvHeader: null };

// Shaped like the LogEvent object in Okta's System Log API reference.
const login = {
  uuid: 'e7c1-0001',
  published: '2024-02-01T08:00:00.123Z',
  eventType: 'user.session.start',
  version: '0',
  severity: 'INFO',
  legacyEventType: 'core.user_auth.login_success',
  displayMessage: 'User login to Okta',
  actor: { id: '00u1', type: 'User', alternateId: 'dana@example.com', displayName: 'Dana Scully' },
  client: {
    userAgent: { rawUserAgent: 'Mozilla/5.0 (X11; Linux x86_64)', os: 'Linux', browser: 'FIREFOX' },
    zone: 'null', device: 'Computer', ipAddress: '192.0.2.44',
    geographicalContext: { city: 'Lyon', state: 'Auvergne-Rhone-Alpes', country: 'France', postalCode: '69001' },
  },
  outcome: { result: 'SUCCESS' },
  target: [],
  transaction: { type: 'WEB', id: 'tx-1' },
  authenticationContext: { externalSessionId: '102abc', credentialType: 'PASSWORD' },
};

function one(record: unknown): NormalizedFields {
  const r = oktaFormat.normalize(record, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0];
}

describe('okta format', () => {
  it('maps a successful sign-in', () => {
    expect(one(login)).toMatchObject({
      time: '2024-02-01T08:00:00.123Z', vendorId: 'e7c1-0001', actor: 'dana@example.com', actorType: 'user',
      action: 'user.session.start', category: 'authentication', outcome: 'success', severity: 'info',
      sourceIp: '192.0.2.44', userAgent: 'Mozilla/5.0 (X11; Linux x86_64)', sessionId: '102abc',
      location: 'Lyon, Auvergne-Rhone-Alpes, France', summary: 'dana@example.com: User login to Okta',
      attributes: { outcomeResult: 'SUCCESS', transactionId: 'tx-1', credentialType: 'PASSWORD' },
    });
  });

  it('makes failed sign-ins failures with warning severity and ignores the "unknown" session id', () => {
    const e = one({ ...login, outcome: { result: 'FAILURE', reason: 'INVALID_CREDENTIALS' }, authenticationContext: { externalSessionId: 'unknown' } });
    expect(e).toMatchObject({
      outcome: 'failure', severity: 'warning', sessionId: null,
      summary: 'dana@example.com: User login to Okta (FAILURE: INVALID_CREDENTIALS)',
    });
  });

  it('keeps CHALLENGE, SKIPPED and UNKNOWN results unknown', () => {
    for (const result of ['CHALLENGE', 'SKIPPED', 'UNKNOWN']) expect(one({ ...login, outcome: { result } }).outcome).toBe('unknown');
    expect(one({ ...login, outcome: { result: 'DENY' } }).outcome).toBe('failure');
    expect(one({ ...login, outcome: null }).outcome).toBe('unknown');
  });

  it('treats privilege grants as authorization warnings and names the target', () => {
    const e = one({
      ...login, eventType: 'user.account.privilege.grant', displayMessage: 'Grant user privilege',
      target: [{ id: '00u2', type: 'User', alternateId: 'mallory@example.com', displayName: 'Mallory' }],
    });
    expect(e).toMatchObject({
      category: 'authorization', severity: 'warning', targetType: 'User', target: 'mallory@example.com',
      summary: 'dana@example.com: Grant user privilege -> mallory@example.com',
    });
  });

  it('maps system principals and vendor severities', () => {
    const e = one({ ...login, eventType: 'user.lifecycle.suspend', severity: 'WARN', actor: { id: 'x', type: 'SystemPrincipal', alternateId: 'system@okta.com' } });
    expect(e).toMatchObject({ actorType: 'system', category: 'user_management', severity: 'warning' });
  });

  it('rejects events without a usable published time', () => {
    expect(oktaFormat.normalize({ ...login, published: 'n/a' }, ctx)).toEqual({ ok: false, reason: 'published has no usable time: "n/a"' });
    const { published: _p, ...rest } = login;
    expect(oktaFormat.normalize(rest, ctx)).toEqual({ ok: false, reason: 'no published time' });
  });

  it('detects LogEvents only', () => {
    expect(oktaFormat.detect([login, login], ctx)).toBe(0.95);
    expect(oktaFormat.detect([login, { action: 'x' }], ctx)).toBeCloseTo(0.475);
    expect(oktaFormat.detect([{ uuid: 'x', eventType: 'y' }], ctx)).toBe(0);
  });
});
