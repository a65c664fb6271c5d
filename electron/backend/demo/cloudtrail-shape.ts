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
    eventID: r.id.replace(/^evt_/, 'ct-'),
    eventType: 'AwsApiCall',
    recipientAccountId: '123456789012',
  };
}
