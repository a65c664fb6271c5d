import { describe, expect, it } from 'vitest';
import { m365Format } from '../../electron/backend/ingest/formats/m365.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: 'ual.json', csvHeader: null };

// Common-schema records of the Office 365 Management Activity API.
const setMailbox = {
  CreationTime: '2024-02-01T08:00:00',
  Id: 'e1f2-0001',
  Operation: 'Set-Mailbox',
  OrganizationId: 'org-1',
  RecordType: 1,
  ResultStatus: 'True',
  UserKey: '1003',
  UserType: 2,
  Version: 1,
  Workload: 'Exchange',
  ClientIP: '[2001:db8::5]:443',
  ObjectId: 'bob',
  UserId: 'admin@contoso.com',
  Parameters: [{ Name: 'Identity', Value: 'bob@contoso.com' }, { Name: 'ForwardingSmtpAddress', Value: 'smtp:drop@evil.example' }],
};
const loginFailed = {
  CreationTime: '2024-02-01T09:00:00', Id: 'e1f2-0002', Operation: 'UserLoginFailed', OrganizationId: 'org-1', RecordType: 15,
  ResultStatus: 'Failed', UserKey: 'k', UserType: 0, Workload: 'AzureActiveDirectory', ClientIP: '203.0.113.50',
  ObjectId: '00000003-0000-0000-c000-000000000000', UserId: 'carol@contoso.com',
  ExtendedProperties: [{ Name: 'UserAgent', Value: 'Mozilla/5.0' }, { Name: 'RequestType', Value: 'Login:login' }],
};

function one(record: unknown): NormalizedFields {
  const r = m365Format.normalize(record, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0];
}

describe('m365 format', () => {
  it('maps an Exchange admin cmdlet; forwarding is a warning and CreationTime is UTC without a note', () => {
    const e = one(setMailbox);
    expect(e).toMatchObject({
      time: '2024-02-01T08:00:00.000Z', vendorId: 'e1f2-0001', actor: 'admin@contoso.com', actorType: 'user',
      action: 'Set-Mailbox', category: 'configuration', severity: 'warning', outcome: 'success', target: 'bob@contoso.com',
      sourceIp: '2001:db8::5', summary: 'admin@contoso.com Set-Mailbox bob@contoso.com',
      attributes: { workload: 'Exchange', recordType: '1', parameters: 'Identity=bob@contoso.com; ForwardingSmtpAddress=smtp:drop@evil.example' },
    });
    expect(e.notes).toBeUndefined();
  });

  it('maps failed logins, with the user agent from ExtendedProperties', () => {
    expect(one(loginFailed)).toMatchObject({
      category: 'authentication', outcome: 'failure', severity: 'warning', userAgent: 'Mozilla/5.0', sourceIp: '203.0.113.50',
      summary: 'carol@contoso.com UserLoginFailed 00000003-0000-0000-c000-000000000000 (Failed)',
    });
  });

  it('flags audit being switched off as critical and reads lower-cased keys', () => {
    const lower = Object.fromEntries(Object.entries({ ...setMailbox, Operation: 'Set-AdminAuditLogConfig', Parameters: [{ Name: 'UnifiedAuditLogIngestionEnabled', Value: 'False' }] }).map(([k, v]) => [k.toLowerCase(), v]));
    expect(one(lower)).toMatchObject({ category: 'configuration', severity: 'critical' });
  });

  it('unpacks AuditData from the Purview export and falls back to its columns', () => {
    const row = { CreationDate: '2/1/2024 8:00:00 AM', UserIds: 'admin@contoso.com', Operations: 'Set-Mailbox', RecordType: 'ExchangeAdmin', AuditData: JSON.stringify(setMailbox) };
    expect(one(row)).toMatchObject({ time: '2024-02-01T08:00:00.000Z', vendorId: 'e1f2-0001', target: 'bob@contoso.com' });
    const broken = one({ ...row, AuditData: '{"CreationTime":"2024-02-01T08:0' });
    expect(broken).toMatchObject({ time: '2024-02-01T08:00:00.000Z', action: 'Set-Mailbox', actor: 'admin@contoso.com' });
    expect(broken.notes).toEqual([expect.stringMatching(/^locale date 2\/1\/2024 read as month\/day\/year/), 'AuditData is not valid JSON; mapped from the export columns']);
  });

  it('maps the Sentinel OfficeActivity table', () => {
    const e = one({ TimeGenerated: '2024-02-01T10:00:00Z', Operation: 'MailItemsAccessed', OfficeWorkload: 'Exchange', OfficeId: 'oa-1', UserId: 'dana@contoso.com', UserType: 'Regular', ResultStatus: 'Succeeded', Client_IPAddress: '192.0.2.66', MailboxOwnerUPN: 'dana@contoso.com' });
    expect(e).toMatchObject({ vendorId: 'oa-1', category: 'data_access', targetType: 'mailbox', target: 'dana@contoso.com', sourceIp: '192.0.2.66', outcome: 'success', actorType: 'user' });
  });

  it('rejects records without a usable time; detects records and the CSV export header', () => {
    expect(m365Format.normalize({ ...setMailbox, CreationTime: 'x' }, ctx)).toEqual({ ok: false, reason: 'creationtime has no usable time: "x"' });
    expect(m365Format.normalize({ a: 1 }, ctx).ok).toBe(false);
    expect(m365Format.detect([setMailbox, loginFailed], ctx)).toBe(0.9);
    expect(m365Format.detect([], { fileName: 'AuditLog.csv', csvHeader: ['CreationDate', 'UserIds', 'Operations', 'AuditData'] })).toBe(0.95);
  });
});
