import { describe, expect, it } from 'vitest';
import { gcpFormat } from '../../electron/backend/ingest/formats/gcp.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: 'cloudaudit.json', csvHeader: null };

// Shaped like a LogEntry with an AuditLog protoPayload, as in the Cloud Audit Logs documentation.
const setIamPolicy = {
  insertId: 'abc123',
  logName: 'projects/acme-prod/logs/cloudaudit.googleapis.com%2Factivity',
  protoPayload: {
    '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
    status: {},
    authenticationInfo: { principalEmail: 'ops@example.com', principalSubject: 'user:ops@example.com' },
    requestMetadata: { callerIp: '203.0.113.20', callerSuppliedUserAgent: 'google-cloud-sdk gcloud/460.0.0' },
    serviceName: 'cloudresourcemanager.googleapis.com',
    methodName: 'SetIamPolicy',
    authorizationInfo: [{ resource: 'projects/acme-prod', permission: 'resourcemanager.projects.setIamPolicy', granted: true }],
    resourceName: 'projects/acme-prod',
  },
  resource: { type: 'project', labels: { project_id: 'acme-prod' } },
  timestamp: '2024-02-01T08:00:00.123456Z',
  severity: 'NOTICE',
  receiveTimestamp: '2024-02-01T08:00:01.000000001Z',
};

function one(record: unknown): NormalizedFields {
  const r = gcpFormat.normalize(record, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0];
}

describe('gcp format', () => {
  it('maps an admin-activity audit entry; an empty status is OK', () => {
    expect(one(setIamPolicy)).toMatchObject({
      time: '2024-02-01T08:00:00.123Z', receivedTime: '2024-02-01T08:00:01.000Z', vendorId: 'abc123',
      actor: 'ops@example.com', actorType: 'user', action: 'SetIamPolicy', category: 'authorization',
      targetType: 'project', target: 'projects/acme-prod', outcome: 'success', severity: 'warning',
      sourceIp: '203.0.113.20', userAgent: 'google-cloud-sdk gcloud/460.0.0',
      summary: 'ops@example.com SetIamPolicy projects/acme-prod',
      attributes: { serviceName: 'cloudresourcemanager.googleapis.com', logType: 'activity', projectId: 'acme-prod', permission: 'resourcemanager.projects.setIamPolicy', granted: 'true' },
    });
  });

  it('keeps a missing status unknown and maps errors to failures', () => {
    const { status: _s, ...noStatus } = setIamPolicy.protoPayload;
    expect(one({ ...setIamPolicy, protoPayload: noStatus }).outcome).toBe('unknown');
    const denied = one({
      ...setIamPolicy, severity: 'ERROR',
      protoPayload: {
        ...setIamPolicy.protoPayload, methodName: 'google.iam.admin.v1.CreateServiceAccount',
        authenticationInfo: { principalEmail: 'app@acme-prod.iam.gserviceaccount.com' },
        requestMetadata: { callerIp: 'gce-internal-ip' },
        status: { code: 7, message: 'Permission denied' },
      },
    });
    expect(denied).toMatchObject({
      outcome: 'failure', severity: 'warning', actorType: 'service', category: 'user_management', sourceIp: null,
      summary: 'app@acme-prod.iam.gserviceaccount.com google.iam.admin.v1.CreateServiceAccount projects/acme-prod failed: Permission denied',
    });
    expect(denied.attributes?.callerIp).toBe('gce-internal-ip');
  });

  it('treats deleting a log sink as critical and data-access logs as data access', () => {
    expect(one({ ...setIamPolicy, protoPayload: { ...setIamPolicy.protoPayload, methodName: 'google.logging.v2.ConfigServiceV2.DeleteSink' } }))
      .toMatchObject({ category: 'configuration', severity: 'critical' });
    const read = one({
      ...setIamPolicy, logName: 'projects/acme-prod/logs/cloudaudit.googleapis.com%2Fdata_access',
      protoPayload: { ...setIamPolicy.protoPayload, methodName: 'storage.objects.get', resourceName: 'projects/_/buckets/b/objects/o' },
    });
    expect(read).toMatchObject({ category: 'data_access', target: 'projects/_/buckets/b/objects/o' });
  });

  it('keeps non-audit entries of the same export, flagged', () => {
    const e = one({ insertId: 'z', logName: 'projects/acme-prod/logs/app', textPayload: 'hello', resource: { type: 'gce_instance' }, timestamp: '2024-02-01T08:00:00Z' });
    expect(e).toMatchObject({ action: null, summary: 'hello', notes: ['not a Cloud Audit Logs entry (projects/acme-prod/logs/app)'] });
  });

  it('rejects entries without a usable timestamp and non-LogEntries', () => {
    expect(gcpFormat.normalize({ ...setIamPolicy, timestamp: 'x' }, ctx)).toEqual({ ok: false, reason: 'timestamp has no usable time: "x"' });
    expect(gcpFormat.normalize({ foo: 1 }, ctx)).toEqual({ ok: false, reason: 'not a Cloud Logging LogEntry (no logName/payload)' });
  });

  it('detects audit exports, not plain application logs', () => {
    expect(gcpFormat.detect([setIamPolicy], ctx)).toBe(0.95);
    expect(gcpFormat.detect([{ logName: 'projects/p/logs/app', textPayload: 'x', timestamp: '2024-01-01T00:00:00Z' }], ctx)).toBe(0);
  });
});
