import { describe, expect, it } from 'vitest';
import { entraFormat } from '../../electron/backend/ingest/formats/entra.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: 'entra.json', csvHeader: null };

// Microsoft Graph directoryAudit and signIn resources.
const directoryAudit = {
  id: 'Directory_abc',
  category: 'RoleManagement',
  correlationId: 'corr-1',
  result: 'success',
  resultReason: '',
  activityDisplayName: 'Add member to role',
  activityDateTime: '2024-02-01T08:00:00.1234567Z',
  loggedByService: 'Core Directory',
  operationType: 'Assign',
  initiatedBy: { user: { id: 'u1', userPrincipalName: 'admin@contoso.com', ipAddress: '198.51.100.4' }, app: null },
  targetResources: [{ id: 'u2', displayName: 'Mallory', type: 'User', userPrincipalName: 'mallory@contoso.com', modifiedProperties: [{ displayName: 'Role.DisplayName', oldValue: null, newValue: '"Global Administrator"' }] }],
  additionalDetails: [{ key: 'User-Agent', value: 'Mozilla/5.0' }],
};
const signIn = {
  id: 'si-1',
  createdDateTime: '2024-02-01T09:00:00Z',
  userDisplayName: 'Dana',
  userPrincipalName: 'dana@contoso.com',
  userId: 'u3',
  appId: 'app-1',
  appDisplayName: 'Azure Portal',
  ipAddress: '203.0.113.77',
  clientAppUsed: 'Browser',
  status: { errorCode: 50126, failureReason: 'Invalid username or password' },
  location: { city: 'Oslo', state: 'Oslo', countryOrRegion: 'NO' },
  riskLevelDuringSignIn: 'none',
  riskState: 'none',
};

function one(record: unknown): NormalizedFields {
  const r = entraFormat.normalize(record, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0];
}

describe('entra format', () => {
  it('maps a Graph directory audit; a Global Administrator grant is critical', () => {
    expect(one(directoryAudit)).toMatchObject({
      time: '2024-02-01T08:00:00.123Z', vendorId: 'Directory_abc', actor: 'admin@contoso.com', actorType: 'user',
      action: 'Add member to role', category: 'authorization', severity: 'critical', outcome: 'success',
      targetType: 'User', target: 'mallory@contoso.com', sourceIp: '198.51.100.4', userAgent: 'Mozilla/5.0',
      summary: 'admin@contoso.com: Add member to role -> mallory@contoso.com',
      attributes: { auditCategory: 'RoleManagement', loggedByService: 'Core Directory', modifiedProperties: 'Role.DisplayName' },
    });
  });

  it('maps a failed Graph sign-in', () => {
    expect(one(signIn)).toMatchObject({
      time: '2024-02-01T09:00:00.000Z', vendorId: 'si-1', actor: 'dana@contoso.com', actorType: 'user',
      category: 'authentication', outcome: 'failure', severity: 'warning', target: 'Azure Portal',
      sourceIp: '203.0.113.77', location: 'Oslo, Oslo, NO',
      summary: 'dana@contoso.com sign-in to Azure Portal failed (50126: Invalid username or password)',
    });
    expect(one({ ...signIn, status: { errorCode: 0 } }).outcome).toBe('success');
    expect(one({ ...signIn, status: { errorCode: 50074 } })).toMatchObject({ outcome: 'unknown', summary: 'dana@contoso.com sign-in to Azure Portal interrupted (50074)' });
    expect(one({ ...signIn, status: { errorCode: 0 }, riskLevelDuringSignIn: 'high', riskState: 'atRisk' }).severity).toBe('critical');
  });

  it('reads diagnostic-settings records, whatever the key case', () => {
    const diag = {
      time: '2024-02-01 09:00:05.000', resourceid: '/tenants/t1/providers/Microsoft.aadiam', operationname: 'Sign-in activity',
      category: 'ServicePrincipalSignInLogs', resulttype: 0, calleripaddress: '192.0.2.8', correlationid: 'c9',
      properties: { id: 'sp-1', createdDateTime: '2024-02-01T09:00:00Z', servicePrincipalName: 'backup-bot', servicePrincipalId: 'sp', appId: 'a', resourceDisplayName: 'Azure Storage', ipAddress: '192.0.2.8', status: { errorCode: 0 } },
    };
    expect(one(diag)).toMatchObject({
      actor: 'backup-bot', actorType: 'service', outcome: 'success', target: 'Azure Storage', vendorId: 'sp-1',
      summary: 'backup-bot service principal sign-in to Azure Storage', attributes: { signInType: 'ServicePrincipalSignInLogs' },
    });
    const { createdDateTime: _c, ...noCreated } = diag.properties;
    const e = one({ ...diag, properties: noCreated });
    expect(e.notes).toEqual(['time had no zone; treated as UTC', 'createddatetime missing; used time']);
  });

  it('parses Log Analytics rows with JSON-string columns', () => {
    const row = {
      Type: 'AuditLogs', TimeGenerated: '2024-02-01T10:00:00Z', ActivityDateTime: '2024-02-01T10:00:00Z', Id: 'Directory_x',
      OperationName: 'Set federation settings on domain', ActivityDisplayName: 'Set federation settings on domain', Result: 'success',
      Category: 'DirectoryManagement', InitiatedBy: JSON.stringify({ user: { userPrincipalName: 'eve@contoso.com', ipAddress: null } }),
      TargetResources: JSON.stringify([{ displayName: 'contoso.com', type: 'Domain' }]), AdditionalDetails: '[]',
    };
    expect(one(row)).toMatchObject({
      actor: 'eve@contoso.com', action: 'Set federation settings on domain', category: 'configuration', severity: 'critical',
      target: 'contoso.com', targetType: 'Domain', outcome: 'success',
    });
  });

  it('rejects entries without usable time or of unknown kind, detects only Entra shapes', () => {
    expect(entraFormat.normalize({ ...directoryAudit, activityDateTime: 'never' }, ctx)).toEqual({ ok: false, reason: 'activitydatetime has no usable time: "never"' });
    expect(entraFormat.normalize({ foo: 1 }, ctx)).toEqual({ ok: false, reason: 'neither an Entra sign-in nor a directory audit entry' });
    expect(entraFormat.detect([directoryAudit, signIn], ctx)).toBe(0.95);
    expect(entraFormat.detect([{ time: 'x', operationName: 'y', resourceId: '/subscriptions/s', category: 'Administrative', properties: {} }], ctx)).toBe(0);
  });
});
