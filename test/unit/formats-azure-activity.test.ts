import { describe, expect, it } from 'vitest';
import { azureActivityFormat } from '../../electron/backend/ingest/formats/azure-activity.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: 'activity.json', csvHeader: null };
const SUB = '/subscriptions/00000000-1111-2222-3333-444444444444';

// REST API / portal export shape (Activity Log event schema, camelCase).
const restEvent = {
  authorization: { action: 'Microsoft.Authorization/roleAssignments/write', scope: `${SUB}/providers/Microsoft.Authorization/roleAssignments/ra1` },
  caller: 'admin@contoso.com',
  claims: { name: 'Admin', idtyp: 'user', ipaddr: '198.51.100.3' },
  correlationId: 'corr-1',
  eventDataId: 'evd-1',
  eventName: { value: 'EndRequest', localizedValue: 'End request' },
  category: { value: 'Administrative', localizedValue: 'Administrative' },
  eventTimestamp: '2024-02-01T08:00:00.1234567Z',
  httpRequest: { clientRequestId: 'c1', clientIpAddress: '198.51.100.3', method: 'PUT' },
  level: 'Informational',
  operationName: { value: 'Microsoft.Authorization/roleAssignments/write', localizedValue: 'Create role assignment' },
  resourceId: `${SUB}/providers/Microsoft.Authorization/roleAssignments/ra1`,
  status: { value: 'Succeeded', localizedValue: 'Succeeded' },
  subStatus: { value: 'Created', localizedValue: 'Created (HTTP Status Code: 201)' },
  submissionTimestamp: '2024-02-01T08:01:00Z',
};

function one(record: unknown): NormalizedFields {
  const r = azureActivityFormat.normalize(record, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0];
}

describe('azure-activity format', () => {
  it('maps a REST-shaped role assignment', () => {
    expect(one(restEvent)).toMatchObject({
      time: '2024-02-01T08:00:00.123Z', receivedTime: '2024-02-01T08:01:00.000Z', vendorId: 'evd-1',
      actor: 'admin@contoso.com', actorType: 'user', action: 'Microsoft.Authorization/roleAssignments/write',
      category: 'authorization', severity: 'warning', outcome: 'success', sourceIp: '198.51.100.3',
      targetType: 'Microsoft.Authorization/roleAssignments', target: `${SUB}/providers/Microsoft.Authorization/roleAssignments/ra1`,
      summary: 'admin@contoso.com Create role assignment ra1 (Succeeded: Created)',
      attributes: { correlationId: 'corr-1', status: 'Succeeded', subscriptionId: '00000000-1111-2222-3333-444444444444' },
    });
  });

  it('maps the snake_case SDK shape; Started is not a result', () => {
    const e = one({
      caller: '9d3c-app-guid', claims: { appid: '9d3c-app-guid', idtyp: 'app' }, event_data_id: 'evd-2',
      event_timestamp: '2024-02-01T09:00:00Z', submission_timestamp: '2024-02-01T09:01:00Z',
      operation_name: { value: 'Microsoft.Compute/disks/delete', localized_value: 'Delete Disk' },
      status: { value: 'Started', localized_value: 'Started' }, category: { value: 'Administrative' },
      http_request: { client_ip_address: '203.0.113.9' }, level: 'Informational',
      resource_id: `${SUB}/resourceGroups/rg/providers/Microsoft.Compute/disks/d1`,
    });
    expect(e).toMatchObject({
      actorType: 'service', outcome: 'unknown', category: 'resource_change', sourceIp: '203.0.113.9',
      targetType: 'Microsoft.Compute/disks', vendorId: 'evd-2', summary: '9d3c-app-guid Delete Disk d1 (Started)',
    });
  });

  it('maps diagnostic-settings records inside a records envelope, any key case', () => {
    const diag = {
      time: '2024-02-01T10:00:00.5Z', resourceId: `${SUB}/providers/microsoft.insights/diagnosticSettings/ds1`,
      operationName: 'MICROSOFT.INSIGHTS/DIAGNOSTICSETTINGS/DELETE', category: 'Administrative', resultType: 'Success',
      callerIpAddress: '192.0.2.1', correlationId: 'corr-3', level: 'Informational',
      identity: { authorization: { action: 'microsoft.insights/diagnosticSettings/delete', evidence: { role: 'Owner' } }, claims: { 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': 'eve@contoso.com', idtyp: 'user' } },
    };
    const r = azureActivityFormat.normalize({ records: [diag, { ...diag, time: 'bad' }] }, ctx);
    expect(r.ok && r.events[0]).toMatchObject({
      actor: 'eve@contoso.com', actorType: 'user', outcome: 'success', category: 'configuration', severity: 'critical',
      sourceIp: '192.0.2.1', vendorId: null, attributes: { role: 'Owner' },
    });
    expect(r.ok && r.events[0].notes).toEqual(['1 of 2 records elements rejected: records[1]: time has no usable time: "bad"']);
    const lower = one(Object.fromEntries(Object.entries(diag).map(([k, v]) => [k.toLowerCase(), v])));
    expect(lower).toMatchObject({ sourceIp: '192.0.2.1', outcome: 'success' });
  });

  it('maps failures and error levels', () => {
    const e = one({ ...restEvent, status: { value: 'Failed' }, level: 'Error', operationName: { value: 'Microsoft.Storage/storageAccounts/listKeys/action' } });
    expect(e).toMatchObject({ outcome: 'failure', severity: 'warning', category: 'data_access' });
  });

  it('rejects records without time, detects only subscription activity', () => {
    const { eventTimestamp: _t, ...noTime } = restEvent;
    expect(azureActivityFormat.normalize({ ...noTime, eventtimestamp: 'x' }, ctx)).toEqual({ ok: false, reason: 'eventtimestamp has no usable time: "x"' });
    expect(azureActivityFormat.detect([restEvent], ctx)).toBe(0.95);
    const entraDiag = { time: '2024-02-01T10:00:00Z', resourceId: '/tenants/t/providers/Microsoft.aadiam', operationName: 'Sign-in activity', category: 'SignInLogs' };
    expect(azureActivityFormat.detect([entraDiag], ctx)).toBe(0);
  });
});
