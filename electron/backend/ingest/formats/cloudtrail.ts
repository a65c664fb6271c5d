import { ctActor, ctClassify, ctOutcome, ctSession, ctTarget } from './cloudtrail-fields.js';
import {
  compactAttributes, firstStr, getStr, isRecord, makeEvent, ok, parseJsonText, preview, reject, shareMatching, str,
  type Rec,
} from './common.js';
import { normalizeBatch } from './envelope.js';
import { looksLikeIp } from './net.js';
import { parseEventTime, type ParsedTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/**
 * AWS CloudTrail. Accepts the shapes CloudTrail data reaches analysts in: records from S3 log files (or the whole
 * `{"Records": [...]}` object when a reader hands it over unsplit), single records (EventBridge, CloudWatch Logs),
 * `aws cloudtrail lookup-events` entries whose full record is the `CloudTrailEvent` JSON string, and records that
 * went through Logstash (no eventTime, an `@timestamp` instead).
 */

export function isCloudTrailRecord(r: Rec): boolean {
  return Boolean(str(r.eventName) && str(r.eventSource) && ('eventVersion' in r || 'userIdentity' in r));
}

function isLookupEntry(r: Rec): boolean {
  return Boolean(str(r.EventId) && 'CloudTrailEvent' in r);
}

function isEnvelope(r: Rec): r is Rec & { Records: unknown[] } {
  return Array.isArray(r.Records);
}

function looksLikeCloudTrail(r: Rec): boolean {
  if (isEnvelope(r)) return r.Records.length > 0 && isRecord(r.Records[0]) && isCloudTrailRecord(r.Records[0]);
  return isCloudTrailRecord(r) || isLookupEntry(r);
}

function eventTimeOf(r: Rec): { time: ParsedTime; notes: string[] } | string {
  if ('eventTime' in r) {
    const time = parseEventTime(r.eventTime);
    return time ? { time, notes: [] } : `eventTime has no usable time: ${preview(r.eventTime)}`;
  }
  // Logstash replaces eventTime with its own @timestamp (copied from eventTime by the usual pipelines).
  const stamp = parseEventTime(r['@timestamp']);
  if (stamp) return { time: stamp, notes: ['eventTime missing; used @timestamp'] };
  return 'no eventTime (and no usable @timestamp)';
}

function normalizeRecord(r: Rec): NormalizeResult {
  const t = eventTimeOf(r);
  if (typeof t === 'string') return reject(t);
  const { actor, actorType, label } = ctActor(r);
  const action = str(r.eventName);
  const { target, targetType } = ctTarget(r);
  const outcome = ctOutcome(r);
  const { category, severity } = ctClassify(r, outcome, actorType);
  const errorCode = str(r.errorCode);
  const rawIp = str(r.sourceIPAddress);
  const ip = rawIp && looksLikeIp(rawIp) ? rawIp : null;
  const consoleResult = action ? getStr(r, `responseElements.${action}`) : null;

  let summary = [label ?? '(unknown identity)', action ?? '(no eventName)', target].filter(Boolean).join(' ');
  if (errorCode) summary += ` failed: ${errorCode}`;
  else if (consoleResult) summary += `: ${consoleResult}`;

  const errorMessage = str(r.errorMessage);
  return ok(
    makeEvent(t.time, {
      vendorId: str(r.eventID),
      actor,
      actorType,
      action,
      category,
      targetType,
      target,
      outcome,
      severity,
      sourceIp: ip,
      userAgent: str(r.userAgent),
      sessionId: ctSession(r),
      summary,
      notes: t.notes,
      attributes: compactAttributes({
        eventSource: r.eventSource,
        eventType: r.eventType,
        awsRegion: r.awsRegion,
        accountId: getStr(r, 'userIdentity.accountId'),
        recipientAccountId: r.recipientAccountId,
        identityType: getStr(r, 'userIdentity.type'),
        errorCode,
        errorMessage: errorMessage && errorMessage.length > 300 ? `${errorMessage.slice(0, 300)}…` : errorMessage,
        readOnly: r.readOnly,
        eventCategory: r.eventCategory,
        mfaAuthenticated: getStr(r, 'userIdentity.sessionContext.attributes.mfaAuthenticated')
          ?? getStr(r, 'additionalEventData.MFAUsed'),
        requestID: r.requestID,
        sharedEventID: r.sharedEventID,
        vpcEndpointId: r.vpcEndpointId,
        sourceIPAddress: ip ? null : rawIp,
      }),
    }),
  );
}

/** lookup-events output: the full record is a JSON string; the outer fields are a fallback (local-offset times). */
function normalizeLookup(r: Rec): NormalizeResult {
  const inner = parseJsonText(r.CloudTrailEvent);
  if (isRecord(inner) && isCloudTrailRecord(inner)) return normalizeRecord(inner);
  const time = parseEventTime(r.EventTime);
  if (!time) return reject('CloudTrailEvent is not a valid record and EventTime has no usable time');
  const resource = Array.isArray(r.Resources) && isRecord(r.Resources[0]) ? r.Resources[0] : {};
  const actor = str(r.Username);
  return ok(
    makeEvent(time, {
      vendorId: str(r.EventId),
      actor,
      actorType: actor ? 'user' : 'unknown',
      action: str(r.EventName),
      target: firstStr(resource, 'ResourceName'),
      targetType: firstStr(resource, 'ResourceType'),
      sessionId: str(r.AccessKeyId),
      notes: ['CloudTrailEvent missing or not valid JSON; mapped from lookup-events fields'],
      attributes: compactAttributes({ eventSource: r.EventSource, readOnly: r.ReadOnly }),
    }),
  );
}

export function normalizeCloudTrail(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  if (isEnvelope(record)) return normalizeBatch(record.Records, 'Records', normalizeRecord);
  if (isLookupEntry(record)) return normalizeLookup(record);
  if (!isCloudTrailRecord(record)) return reject('not a CloudTrail record (no eventName/eventSource)');
  return normalizeRecord(record);
}

export const cloudTrailFormat: FormatModule = {
  id: 'cloudtrail',
  label: 'AWS CloudTrail',
  detect: (sample) => 0.95 * shareMatching(sample, looksLikeCloudTrail),
  normalize: (record) => normalizeCloudTrail(record),
};
