import { describe, expect, it } from 'vitest';
import { cloudTrailFormat } from '../../electron/backend/ingest/formats/cloudtrail.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: '111122223333_CloudTrail_us-east-1_20240101T0000Z_abc.json.gz', csvHeader: null };

// Hand-written in the shape of the CloudTrail user guide's record examples.
const stopInstances = {
  eventVersion: '1.08',
  userIdentity: {
    type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::111122223333:user/alice',
    accountId: '111122223333', accessKeyId: 'AKIAEXAMPLEKEY', userName: 'alice',
  },
  eventTime: '2024-01-02T03:04:05Z',
  eventSource: 'ec2.amazonaws.com',
  eventName: 'StopInstances',
  awsRegion: 'us-east-1',
  sourceIPAddress: '198.51.100.10',
  userAgent: 'aws-cli/2.15.0',
  requestParameters: { instancesSet: { items: [{ instanceId: 'i-0abc' }] }, force: false },
  responseElements: { instancesSet: { items: [{ instanceId: 'i-0abc' }] } },
  requestID: 'req-1',
  eventID: 'evt-1',
  readOnly: false,
  eventType: 'AwsApiCall',
  managementEvent: true,
  recipientAccountId: '111122223333',
};

function one(record: unknown): NormalizedFields {
  const r = cloudTrailFormat.normalize(record, ctx);
  if (!r.ok) throw new Error(r.reason);
  expect(r.events).toHaveLength(1);
  return r.events[0];
}

describe('cloudtrail format', () => {
  it('maps a successful API call', () => {
    expect(one(stopInstances)).toMatchObject({
      time: '2024-01-02T03:04:05.000Z', receivedTime: null, vendorId: 'evt-1',
      actor: 'arn:aws:iam::111122223333:user/alice', actorType: 'user', action: 'StopInstances',
      category: 'resource_change', target: 'i-0abc', targetType: 'instance', outcome: 'success', severity: 'info',
      sourceIp: '198.51.100.10', userAgent: 'aws-cli/2.15.0', sessionId: 'AKIAEXAMPLEKEY',
      summary: 'alice StopInstances i-0abc',
      attributes: { eventSource: 'ec2.amazonaws.com', awsRegion: 'us-east-1', eventType: 'AwsApiCall', readOnly: 'false' },
    });
  });

  it('marks errorCode as failure and denied calls as warning', () => {
    const e = one({ ...stopInstances, errorCode: 'Client.UnauthorizedOperation', errorMessage: 'You are not authorized' });
    expect(e).toMatchObject({ outcome: 'failure', severity: 'warning', summary: 'alice StopInstances i-0abc failed: Client.UnauthorizedOperation' });
    expect(e.attributes?.errorCode).toBe('Client.UnauthorizedOperation');
  });

  it('does not claim success for service events', () => {
    const e = one({
      eventVersion: '1.08', userIdentity: { accountId: '111122223333', invokedBy: 'ec2.amazonaws.com' },
      eventTime: '2024-01-02T03:04:05Z', eventSource: 'ec2.amazonaws.com', eventName: 'SharedSnapshotCopyInitiated',
      sourceIPAddress: 'ec2.amazonaws.com', eventType: 'AwsServiceEvent', serviceEventDetails: { snapshotId: 'snap-1' },
    });
    expect(e).toMatchObject({
      actor: 'ec2.amazonaws.com', actorType: 'service', outcome: 'unknown', sourceIp: null, target: 'snap-1',
    });
    expect(e.attributes?.sourceIPAddress).toBe('ec2.amazonaws.com');
  });

  it('reads ConsoleLogin results from responseElements', () => {
    const login = {
      eventVersion: '1.08', userIdentity: { type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' },
      eventTime: '2024-01-02T03:04:05Z', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin',
      sourceIPAddress: '203.0.113.5', eventType: 'AwsConsoleSignIn', responseElements: { ConsoleLogin: 'Failure' },
      errorMessage: 'Failed authentication', additionalEventData: { MFAUsed: 'No' }, eventID: 'evt-2',
    };
    const failed = one(login);
    expect(failed).toMatchObject({
      actor: 'arn:aws:iam::111122223333:root', actorType: 'user', category: 'authentication', outcome: 'failure',
      severity: 'warning', summary: 'root ConsoleLogin: Failure',
    });
    const okLogin = one({ ...login, responseElements: { ConsoleLogin: 'Success' }, errorMessage: undefined });
    expect(okLogin).toMatchObject({ outcome: 'success', severity: 'warning' });
  });

  it('names assumed-role sessions and flags audit tampering as critical', () => {
    const e = one({
      ...stopInstances, eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging',
      requestParameters: { name: 'org-trail' },
      userIdentity: {
        type: 'AssumedRole', principalId: 'AROAEX:bob@example.com', arn: 'arn:aws:sts::111122223333:assumed-role/Admin/bob@example.com',
        accountId: '111122223333', accessKeyId: 'ASIATEMP',
        sessionContext: { sessionIssuer: { type: 'Role', arn: 'arn:aws:iam::111122223333:role/Admin' }, attributes: { creationDate: '2024-01-02T03:00:00Z', mfaAuthenticated: 'true' } },
      },
    });
    expect(e).toMatchObject({
      actorType: 'user', category: 'configuration', severity: 'critical', target: 'org-trail', sessionId: 'ASIATEMP',
      summary: 'Admin/bob@example.com StopLogging org-trail',
    });
    expect(e.attributes?.mfaAuthenticated).toBe('true');
  });

  it('uses @timestamp with a note when Logstash removed eventTime, and rejects records without time', () => {
    const { eventTime: _drop, ...rest } = stopInstances;
    const e = one({ ...rest, '@timestamp': '2024-01-02T03:04:05.000Z', '@version': '1' });
    expect(e.time).toBe('2024-01-02T03:04:05.000Z');
    expect(e.notes).toEqual(['eventTime missing; used @timestamp']);
    expect(cloudTrailFormat.normalize(rest, ctx)).toEqual({ ok: false, reason: 'no eventTime (and no usable @timestamp)' });
    expect(cloudTrailFormat.normalize({ ...stopInstances, eventTime: 'bad' }, ctx)).toEqual({ ok: false, reason: 'eventTime has no usable time: "bad"' });
  });

  it('unpacks lookup-events entries from the CloudTrailEvent string', () => {
    const entry = {
      EventId: 'evt-1', EventName: 'StopInstances', ReadOnly: 'false', EventTime: '2024-01-02 14:04:05+11:00',
      Username: 'alice', Resources: [], CloudTrailEvent: JSON.stringify(stopInstances),
    };
    expect(one(entry)).toMatchObject({ time: '2024-01-02T03:04:05.000Z', vendorId: 'evt-1', outcome: 'success', target: 'i-0abc' });
    const broken = one({ ...entry, CloudTrailEvent: '{"eventVersion":' });
    expect(broken).toMatchObject({ time: '2024-01-02T03:04:05.000Z', actor: 'alice', action: 'StopInstances', outcome: 'unknown' });
    expect(broken.notes?.[0]).toMatch(/CloudTrailEvent missing or not valid JSON/);
  });

  it('expands a whole Records envelope and keeps going past a bad element', () => {
    const r = cloudTrailFormat.normalize({ Records: [stopInstances, { ...stopInstances, eventID: 'evt-9', eventTime: 'x' }, { ...stopInstances, eventID: 'evt-3' }] }, ctx);
    expect(r.ok && r.events.map((e) => e.vendorId)).toEqual(['evt-1', 'evt-3']);
    expect(r.ok && r.events[0].notes).toEqual(['1 of 3 Records elements rejected: Records[1]: eventTime has no usable time: "x"']);
    expect(cloudTrailFormat.normalize({ Records: [] }, ctx)).toEqual({ ok: false, reason: 'Records is empty' });
  });

  it('detects records, envelopes and lookup entries but not other JSON', () => {
    expect(cloudTrailFormat.detect([stopInstances], ctx)).toBe(0.95);
    expect(cloudTrailFormat.detect([{ Records: [stopInstances] }], ctx)).toBe(0.95);
    expect(cloudTrailFormat.detect([{ EventId: 'x', CloudTrailEvent: '{}' }], ctx)).toBe(0.95);
    expect(cloudTrailFormat.detect([{ eventName: 'x' }, { action: 'y' }], ctx)).toBe(0);
    expect(cloudTrailFormat.normalize({ kind: 0 }, ctx)).toEqual({ ok: false, reason: 'not a CloudTrail record (no eventName/eventSource)' });
  });
});
