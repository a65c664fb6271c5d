import { describe, expect, it } from 'vitest';
import { salesforceFormat } from '../../electron/backend/ingest/formats/salesforce.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: 'Login.csv', csvHeader: null };

// EventLogFile "Login" and "LoginAs" rows as documented in the Event Monitoring reference.
const login = {
  EVENT_TYPE: 'Login', TIMESTAMP: '20240201080000.123', REQUEST_ID: '4exLFFQZ1234', ORGANIZATION_ID: '00D000000000062',
  USER_ID: '005000000000123', USER_ID_DERIVED: '005000000000123AAA', USER_NAME: 'sam@example.com', USER_TYPE: 'Standard',
  LOGIN_STATUS: 'LOGIN_ERROR_INVALID_PASSWORD', SOURCE_IP: '203.0.113.80', BROWSER_TYPE: 'Mozilla/5.0', SESSION_KEY: '',
  URI: '/index.jsp', CLIENT_IP: '203.0.113.80',
};

function one(record: unknown, c = ctx): NormalizedFields {
  const r = salesforceFormat.normalize(record, c);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0];
}

describe('salesforce format', () => {
  it('maps a failed login row; GMT timestamps carry no zone note', () => {
    const e = one(login);
    expect(e).toMatchObject({
      time: '2024-02-01T08:00:00.123Z', vendorId: '4exLFFQZ1234', actor: 'sam@example.com', actorType: 'user', action: 'Login',
      category: 'authentication', outcome: 'failure', severity: 'warning', sourceIp: '203.0.113.80', userAgent: 'Mozilla/5.0',
      sessionId: null, summary: 'sam@example.com Login /index.jsp (LOGIN_ERROR_INVALID_PASSWORD)',
    });
    expect(e.notes).toBeUndefined();
    expect(one({ ...login, LOGIN_STATUS: 'LOGIN_NO_ERROR', TIMESTAMP_DERIVED: '2024-02-01T08:00:00.123Z' })).toMatchObject({ outcome: 'success', severity: 'info' });
  });

  it('names the administrator in LoginAs rows', () => {
    const e = one({ EVENT_TYPE: 'LoginAs', TIMESTAMP_DERIVED: '2024-02-01T08:05:00.000Z', USER_ID: '005USER', DELEGATED_USER_NAME: 'admin@example.com', SESSION_KEY: 'sk1', CLIENT_IP: '192.0.2.4' });
    expect(e).toMatchObject({ actor: 'admin@example.com', category: 'authorization', severity: 'warning', outcome: 'unknown', sessionId: 'sk1', summary: 'admin@example.com LoginAs as 005USER', attributes: { onBehalfOf: '005USER' } });
  });

  it('maps exports and request status', () => {
    expect(one({ EVENT_TYPE: 'ReportExport', TIMESTAMP: '20240201090000.000', USER_ID: '005A', REQUEST_STATUS: 'S' })).toMatchObject({ category: 'export', severity: 'warning', outcome: 'success' });
  });

  it('maps Real-Time Event Monitoring login events', () => {
    expect(one({ EventDate: '2024-02-01T10:00:00Z', EventIdentifier: 'e-1', Username: 'kim@example.com', SourceIp: '198.51.100.5', Status: 'Invalid Password', LoginType: 'Application', Application: 'Browser', City: 'Lyon', Country: 'France' }))
      .toMatchObject({ vendorId: 'e-1', outcome: 'failure', severity: 'warning', location: 'Lyon, France', category: 'authentication' });
  });

  it('rejects unusable timestamps; detects rows and the CSV header', () => {
    expect(salesforceFormat.normalize({ ...login, TIMESTAMP: '2024' }, ctx)).toEqual({ ok: false, reason: 'TIMESTAMP has no usable time: "2024"' });
    expect(salesforceFormat.detect([login], ctx)).toBe(0.9);
    expect(salesforceFormat.detect([], { fileName: 'Login.csv', csvHeader: ['EVENT_TYPE', 'TIMESTAMP', 'USER_ID'] })).toBe(0.95);
  });
});
