import { createHash } from 'node:crypto';
import type { DemoRecord } from './generate.js';

/**
 * The same demo events written as AWS CloudTrail records (one per line, as `aws cloudtrail lookup-events` tools and
 * SIEM exports deliver them), so `npm run bench` can compare a vendor format's detection and normalization with the
 * generic JSONL path on identical content.
 */
export function toCloudTrailRecord(r: DemoRecord): Record<string, unknown> {
  const user = r.actorType === 'user';
  return {
    eventVersion: '1.08',
    userIdentity: user
      ? { type: 'IAMUser', principalId: `AIDA${r.actor.length}EXAMPLE`, arn: `arn:aws:iam::123456789012:user/${r.actor}`, accountId: '123456789012', userName: r.actor }
      : { type: 'AssumedRole', arn: `arn:aws:sts::123456789012:assumed-role/${r.actor}/session`, accountId: '123456789012' },
    eventTime: r.timestamp.replace(/\.\d{3}Z$/, 'Z'),
    eventSource: 'iam.amazonaws.com',
    eventName: r.action,
    awsRegion: 'us-east-1',
    sourceIPAddress: r.sourceIp,
    userAgent: r.userAgent,
    ...(r.outcome === 'failure' ? { errorCode: 'AccessDenied', errorMessage: r.summary } : {}),
    requestParameters: { target: r.target, targetType: r.targetType },
    responseElements: null,
    eventID: demoUuid(r.id),
    eventType: 'AwsApiCall',
    recipientAccountId: '123456789012',
  };
}

/**
 * CloudTrail event ids are random UUIDs, and that matters to the import: random keys land all over the id index.
 * A UUID derived from the demo id keeps the bench's records realistic and still deterministic.
 */
export function demoUuid(id: string): string {
  const h = createHash('md5').update(id).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
