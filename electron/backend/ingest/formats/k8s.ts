import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import {
  compactAttributes, getStr, isRecord, makeEvent, ok, outcomeOfHttp, preview, reject, shareMatching, str, type Rec,
} from './common.js';
import { normalizeBatch } from './envelope.js';
import { looksLikeIp } from './net.js';
import { parseEventTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/**
 * Kubernetes API server audit events (audit.k8s.io/v1 `Event`, one JSON object per line from the log backend, or
 * an `EventList` from the webhook backend). Older v1beta1/v1alpha1 events carry `timestamp` instead of
 * `requestReceivedTimestamp`. One request produces one event per stage, so the vendor id is auditID + stage.
 */

function isAuditEvent(r: Rec): boolean {
  if (r.kind !== 'Event') return false;
  return Boolean(str(r.auditID) || String(r.apiVersion ?? '').startsWith('audit.k8s.io')) && ('verb' in r || 'stage' in r);
}

function isEventList(r: Rec): r is Rec & { items: unknown[] } {
  return r.kind === 'EventList' && Array.isArray(r.items);
}

function actorTypeOf(username: string | null): ActorType {
  if (!username) return 'unknown';
  if (username.startsWith('system:serviceaccount:')) return 'service';
  if (username === 'system:anonymous' || username === 'system:unsecured') return 'unknown';
  // system:admin is the conventional cluster-admin client certificate held by people, not a control-plane component.
  if (username === 'system:admin') return 'user';
  if (username.startsWith('system:')) return 'system';
  return 'user';
}

/** responseStatus.code decides; a Panic stage is a failed request; earlier stages have no result yet. */
function outcomeOf(r: Rec): Outcome {
  const code = Number(getStr(r, 'responseStatus.code'));
  if (Number.isFinite(code) && code > 0) return outcomeOfHttp(code);
  if (str(r.stage) === 'Panic') return 'failure';
  const status = getStr(r, 'responseStatus.status');
  if (status === 'Success') return 'success';
  if (status === 'Failure') return 'failure';
  return 'unknown';
}

const READ_VERBS = new Set(['get', 'list', 'watch']);
const RBAC = /^(roles|rolebindings|clusterroles|clusterrolebindings)$/;

function classify(r: Rec, outcome: Outcome): { category: Category; severity: Severity } {
  const verb = str(r.verb) ?? '';
  const resource = getStr(r, 'objectRef.resource') ?? '';
  const sub = getStr(r, 'objectRef.subresource') ?? '';
  const code = Number(getStr(r, 'responseStatus.code'));
  let category: Category;
  let severity: Severity = 'info';
  if (resource === 'tokenreviews') category = 'authentication';
  else if (/subjectaccessreviews$/.test(resource)) category = 'authorization';
  else if (verb === 'impersonate' || (RBAC.test(resource) && !READ_VERBS.has(verb))) {
    category = 'authorization';
    severity = 'warning';
  } else if ((resource === 'serviceaccounts' && sub === 'token') || resource === 'certificatesigningrequests') {
    category = 'authorization';
    severity = READ_VERBS.has(verb) ? 'info' : 'warning';
  } else if (resource === 'pods' && /^(exec|attach|portforward)$/.test(sub)) {
    // Interactive access to a running container: the classic lateral-movement step.
    category = 'other';
    severity = 'warning';
  } else if (resource === 'secrets' && READ_VERBS.has(verb)) {
    category = 'data_access';
    severity = verb === 'watch' ? 'info' : 'warning';
  } else if (READ_VERBS.has(verb)) category = 'data_access';
  else if (['create', 'update', 'patch', 'delete', 'deletecollection'].includes(verb)) category = 'resource_change';
  else category = 'other';
  if (code === 401) {
    category = 'authentication';
    severity = 'warning';
  } else if (code === 403 && outcome === 'failure' && severity === 'info') {
    // Forbidden requests are how privilege probing shows up.
    severity = 'warning';
  }
  return { category, severity };
}

function targetOf(r: Rec): { target: string | null; targetType: string | null; ns: string | null } {
  const ref = isRecord(r.objectRef) ? r.objectRef : null;
  if (!ref) return { target: str(r.requestURI), targetType: str(r.requestURI) ? 'url' : null, ns: null };
  const resource = str(ref.resource);
  const sub = str(ref.subresource);
  const group = str(ref.apiGroup);
  const ns = str(ref.namespace);
  const name = str(ref.name);
  const target = name ? (ns ? `${ns}/${name}` : name) : ns;
  const type = resource ? `${group ? `${resource}.${group}` : resource}${sub ? `/${sub}` : ''}` : null;
  return { target, targetType: type, ns };
}

function normalizeEvent(r: Rec): NormalizeResult {
  if (r.kind !== 'Event') return reject(`not a Kubernetes audit Event (kind is ${preview(r.kind)})`);
  const auditID = str(r.auditID);
  const verb = str(r.verb);
  if (!auditID) return reject('audit Event without auditID');
  if (!verb) return reject('audit Event without verb');
  const timeKey = ['requestReceivedTimestamp', 'timestamp', 'stageTimestamp'].find((k) => k in r);
  if (!timeKey) return reject('audit Event without requestReceivedTimestamp, timestamp or stageTimestamp');
  const time = parseEventTime(r[timeKey]);
  if (!time) return reject(`${timeKey} has no usable time: ${preview(r[timeKey])}`);

  const username = getStr(r, 'user.username');
  const impersonated = getStr(r, 'impersonatedUser.username');
  const outcome = outcomeOf(r);
  const { category, severity } = classify(r, outcome);
  const { target, targetType, ns } = targetOf(r);
  const ips = Array.isArray(r.sourceIPs) ? r.sourceIPs.map(str).filter((s): s is string => s !== null) : [];
  const code = getStr(r, 'responseStatus.code');
  const reason = getStr(r, 'responseStatus.reason');

  const who = `${username ?? '(unknown user)'}${impersonated ? ` (as ${impersonated})` : ''}`;
  // A namespace alone is a scope (list pods in default), not the object acted on.
  const scoped = target !== null && target === ns;
  const what = [targetType, scoped ? `in ${ns}` : target].filter(Boolean).join(' ') || null;
  let summary = [who, verb, what].filter(Boolean).join(' ');
  if (code) summary += ` -> ${code}${reason ? ` ${reason}` : ''}`;

  const notes = timeKey === 'stageTimestamp' ? ['requestReceivedTimestamp missing; used stageTimestamp'] : [];
  const stage = str(r.stage);
  return ok(
    makeEvent(time, {
      vendorId: stage ? `${auditID}:${stage}` : auditID,
      actor: username,
      actorType: actorTypeOf(username),
      action: verb,
      category,
      targetType,
      target,
      outcome,
      severity,
      sourceIp: ips.find(looksLikeIp) ?? null,
      userAgent: str(r.userAgent),
      summary,
      notes,
      attributes: compactAttributes({
        auditID,
        stage,
        level: r.level,
        requestURI: r.requestURI,
        impersonatedUser: impersonated,
        groups: groupsOf(r)?.join(', '),
        sourceIPs: ips.length > 1 ? ips.join(', ') : null,
        stageTimestamp: timeKey !== 'stageTimestamp' ? r.stageTimestamp : null,
        responseCode: code,
        responseReason: reason,
        responseMessage: getStr(r, 'responseStatus.message'),
        authorizationDecision: isRecord(r.annotations) ? r.annotations['authorization.k8s.io/decision'] : null,
      }),
    }),
  );
}

function groupsOf(r: Rec): string[] | null {
  const v = isRecord(r.user) ? r.user.groups : undefined;
  return Array.isArray(v) ? v.map(str).filter((s): s is string => s !== null) : null;
}

export function normalizeK8s(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  return isEventList(record) ? normalizeBatch(record.items, 'items', normalizeEvent) : normalizeEvent(record);
}

export const k8sFormat: FormatModule = {
  id: 'k8s',
  label: 'Kubernetes audit log',
  detect: (sample) =>
    0.95 * shareMatching(sample, (r) => isAuditEvent(r) || (isEventList(r) && isRecord(r.items[0]) && isAuditEvent(r.items[0]))),
  normalize: (record) => normalizeK8s(record),
};
