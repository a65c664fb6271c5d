import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { actionWords, classifyAction } from './classify.js';
import {
  compactAttributes, firstStr, get, getStr, isRecord, makeEvent, maxSeverity, ok, preview, reject, shareMatching, str,
  type Rec,
} from './common.js';
import { looksLikeIp } from './net.js';
import { parseEventTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/**
 * Google Cloud audit logs: Cloud Logging LogEntry objects (`gcloud logging read --format=json`, sinks to GCS /
 * BigQuery / Pub/Sub) whose protoPayload is a google.cloud.audit.AuditLog. Other LogEntries that end up in the same
 * export (application logs with jsonPayload/textPayload) are kept as events flagged with a note, not dropped.
 */

function isLogEntry(r: Rec): boolean {
  return Boolean(str(r.logName) && ('protoPayload' in r || 'jsonPayload' in r || 'textPayload' in r) && ('timestamp' in r || 'receiveTimestamp' in r));
}

function isAuditEntry(r: Rec): boolean {
  if (isRecord(r.protoPayload) && /AuditLog$/.test(String(r.protoPayload['@type'] ?? ''))) return true;
  return /cloudaudit\.googleapis\.com/.test(String(r.logName ?? ''));
}

/** `projects/p/logs/cloudaudit.googleapis.com%2Factivity` -> `activity`. */
function auditLogKind(logName: string | null): string | null {
  if (!logName) return null;
  const m = /cloudaudit\.googleapis\.com(?:%2F|\/)(\w+)/.exec(logName);
  return m ? m[1] : null;
}

/** LogSeverity: DEFAULT, DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY. */
function gcpSeverity(v: string | null): Severity {
  switch (v) {
    case 'WARNING':
    case 'ERROR':
      return 'warning';
    case 'CRITICAL':
    case 'ALERT':
    case 'EMERGENCY':
      return 'critical';
    default:
      return 'info';
  }
}

/**
 * status is a google.rpc.Status: code 0 is OK and, as a proto3 default, is omitted, so `"status": {}` is a success.
 * A missing status says nothing (the first entry of a long-running operation has none).
 */
function gcpOutcome(p: Rec): Outcome {
  if (!isRecord(p.status)) return 'unknown';
  const code = p.status.code;
  if (code === undefined || code === 0) return 'success';
  return typeof code === 'number' ? 'failure' : 'unknown';
}

function actorTypeOf(email: string | null, subject: string | null): ActorType {
  if (subject?.startsWith('serviceAccount:') || /gserviceaccount\.com$/.test(email ?? '')) return 'service';
  if (subject?.startsWith('user:') || (email && email.includes('@'))) return 'user';
  return 'unknown';
}

const AUDIT_CONFIG = /(DeleteSink|UpdateSink|DeleteLog|UpdateBucket|DeleteBucket|UpdateCmekSettings|UpdateSettings|SetIamPolicy.*audit|DeleteExclusion|CreateExclusion|UpdateExclusion)$/;

function gcpClassify(method: string, kind: string | null, outcome: Outcome): { category: Category; severity: Severity } {
  const service = method.toLowerCase();
  if (/^google\.logging\./.test(method) && AUDIT_CONFIG.test(method)) {
    return { category: 'configuration', severity: /Delete|Exclusion/.test(method) ? 'critical' : 'warning' };
  }
  if (/SetIamPolicy$|\.setIamPolicy$/i.test(method)) return { category: 'authorization', severity: 'warning' };
  if (/ServiceAccountKey|SignBlob|SignJwt|GenerateAccessToken|GenerateIdToken|serviceAccounts\.keys/i.test(method)) {
    return { category: 'authorization', severity: /^(Get|List)/.test(last(method)) ? 'info' : 'warning' };
  }
  if (/iam\.admin\..*(Create|Delete|Undelete|Disable|Enable)ServiceAccount$/.test(method)) return { category: 'user_management', severity: 'info' };
  if (/(Create|Update|Delete|Undelete)Role$/.test(method)) return { category: 'authorization', severity: 'warning' };
  if (kind === 'policy') return { category: 'authorization', severity: 'warning' };
  const c = classifyAction(actionWords(last(method)).join(' '), outcome);
  if (kind === 'data_access' && c.category === 'other') return { category: 'data_access', severity: c.severity };
  if (service.includes('compute.') && /\.(insert|delete|patch|update|set\w*)$/.test(method)) return { category: 'resource_change', severity: c.severity };
  return c;
}

/** `google.iam.admin.v1.CreateServiceAccount` -> `CreateServiceAccount`; `v1.compute.instances.insert` -> `insert instances`. */
function last(method: string): string {
  const parts = method.split('.');
  const tail = parts[parts.length - 1];
  return /^[a-z]/.test(tail) && parts.length > 1 ? `${tail} ${parts[parts.length - 2]}` : tail;
}

function normalizeNonAudit(r: Rec, time: NonNullable<ReturnType<typeof parseEventTime>>): NormalizeResult {
  const text = str(r.textPayload) ?? firstStr(r, 'jsonPayload.message', 'jsonPayload.msg');
  return ok(
    makeEvent(time, {
      vendorId: str(r.insertId),
      targetType: getStr(r, 'resource.type'),
      severity: gcpSeverity(str(r.severity)),
      receivedTime: parseEventTime(r.receiveTimestamp)?.iso ?? null,
      summary: text ? `${text.slice(0, 200)}` : `log entry in ${str(r.logName)}`,
      notes: [`not a Cloud Audit Logs entry (${str(r.logName) ?? 'no logName'})`],
      attributes: compactAttributes({ logName: r.logName, resourceType: getStr(r, 'resource.type') }),
    }),
  );
}

export function normalizeGcp(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  if (!isLogEntry(record)) return reject('not a Cloud Logging LogEntry (no logName/payload)');
  const timeKey = 'timestamp' in record ? 'timestamp' : 'receiveTimestamp';
  const time = parseEventTime(record[timeKey]);
  if (!time) return reject(`${timeKey} has no usable time: ${preview(record[timeKey])}`);
  const notes = timeKey === 'receiveTimestamp' ? ['timestamp missing; used receiveTimestamp'] : [];
  if (!isAuditEntry(record) || !isRecord(record.protoPayload)) return normalizeNonAudit(record, time);

  const p = record.protoPayload;
  const email = getStr(p, 'authenticationInfo.principalEmail');
  const subject = getStr(p, 'authenticationInfo.principalSubject');
  const actor = email ?? subject;
  const method = str(p.methodName);
  const kind = auditLogKind(str(record.logName));
  const outcome = gcpOutcome(p);
  const { category, severity } = method ? gcpClassify(method, kind, outcome) : { category: 'other' as Category, severity: 'info' as Severity };
  const ip = getStr(p, 'requestMetadata.callerIp');
  const target = str(p.resourceName);
  const statusMessage = getStr(p, 'status.message');
  const chain = get(p, 'authenticationInfo.serviceAccountDelegationInfo');
  const delegation = Array.isArray(chain)
    ? chain.map((d) => getStr(d, 'firstPartyPrincipal.principalEmail') ?? getStr(d, 'thirdPartyPrincipal.thirdPartyClaims.sub'))
      .filter(Boolean).join(' -> ')
    : null;

  let summary = [actor ?? '(unknown principal)', method ?? '(no method)', target].filter(Boolean).join(' ');
  if (outcome === 'failure') summary += ` failed${statusMessage ? `: ${statusMessage.slice(0, 160)}` : ''}`;

  return ok(
    makeEvent(time, {
      receivedTime: parseEventTime(record.receiveTimestamp)?.iso ?? null,
      vendorId: str(record.insertId),
      actor,
      actorType: actorTypeOf(email, subject),
      action: method,
      category,
      targetType: getStr(record, 'resource.type'),
      target,
      outcome,
      // PERMISSION_DENIED (7) and UNAUTHENTICATED (16) are what probing looks like, whatever the entry's severity.
      severity: maxSeverity(maxSeverity(severity, gcpSeverity(str(record.severity))), [7, 16].includes(Number(get(p, 'status.code'))) ? 'warning' : null),
      sourceIp: ip && looksLikeIp(ip) ? ip : null,
      userAgent: getStr(p, 'requestMetadata.callerSuppliedUserAgent'),
      summary,
      notes,
      attributes: compactAttributes({
        serviceName: p.serviceName,
        logType: kind,
        projectId: getStr(record, 'resource.labels.project_id'),
        principalSubject: subject,
        delegationChain: delegation || null,
        serviceAccountKey: getStr(p, 'authenticationInfo.serviceAccountKeyName'),
        callerIp: ip && !looksLikeIp(ip) ? ip : null,
        statusCode: getStr(p, 'status.code'),
        statusMessage,
        operationId: getStr(record, 'operation.id'),
        permission: getStr(p, 'authorizationInfo.0.permission'),
        granted: get(p, 'authorizationInfo.0.granted'),
      }),
    }),
  );
}

export const gcpFormat: FormatModule = {
  id: 'gcp',
  label: 'Google Cloud audit logs',
  // Application log entries alone do not make an audit export; at least one AuditLog entry must be in the sample.
  detect: (sample) => (shareMatching(sample, isAuditEntry) > 0 ? 0.95 * shareMatching(sample, isLogEntry) : 0),
  normalize: (record) => normalizeGcp(record),
};
