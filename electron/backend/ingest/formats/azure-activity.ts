import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import {
  compactAttributes, get, getStr, isRecord, lowerKeys, makeEvent, maxSeverity, ok, preview, reject, shareMatching,
  str, valueOf, type Rec,
} from './common.js';
import { batchItems, normalizeBatch } from './envelope.js';
import { clientIp } from './net.js';
import { parseEventTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/**
 * Azure Activity Log (control-plane operations on subscriptions). Three serializations reach analysts: the REST API
 * / portal JSON export (camelCase: eventTimestamp, operationName{value, localizedValue}, status, caller,
 * httpRequest.clientIpAddress), the Python SDK / `az monitor activity-log list` output (snake_case of the same),
 * and diagnostic-settings records in storage or Event Hubs (`{"records": [...]}`: time, operationName, resultType,
 * callerIpAddress, identity.claims). Key case varies between exporters, so keys are read case-insensitively.
 */

const ACTIVITY_CATEGORIES = new Set([
  'administrative', 'servicehealth', 'resourcehealth', 'alert', 'autoscale', 'recommendation', 'security', 'policy',
]);

function isActivityRecord(r: Rec): boolean {
  const l = lowerKeys(r);
  if ('event_timestamp' in l && 'operation_name' in l) return true;
  if ('eventtimestamp' in l && isRecord(l.operationname)) return true;
  // Diagnostic-settings shape, shared with Entra and resource logs: only subscription-level activity categories.
  const resourceId = str(l.resourceid) ?? '';
  const category = valueOf(l.category)?.toLowerCase() ?? '';
  return 'time' in l && 'operationname' in l && /^\/subscriptions\//i.test(resourceId) && ACTIVITY_CATEGORIES.has(category);
}

const CLAIM = {
  upn: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
  name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
} as const;

function claimsOf(l: Rec): Rec {
  if (isRecord(l.claims)) return l.claims;
  const c = get(l.identity, 'claims');
  return isRecord(c) ? c : {};
}

function actorOf(l: Rec, claims: Rec): { actor: string | null; actorType: ActorType } {
  const upn = str(claims[CLAIM.upn]) ?? str(claims.upn) ?? str(claims[CLAIM.name]) ?? str(claims[CLAIM.email]);
  const actor = str(l.caller) ?? upn ?? str(claims.appid);
  const idtyp = str(claims.idtyp);
  let actorType: ActorType = 'unknown';
  if (idtyp === 'app') actorType = 'service';
  else if (idtyp === 'user' || (actor && actor.includes('@'))) actorType = 'user';
  else if (str(claims.appid) && !upn) actorType = 'service';
  return { actor, actorType };
}

/** status / resultType: Succeeded|Success, Failed|Failure decide; Started, Accepted, Active... are not results. */
function outcomeOf(status: string | null): Outcome {
  const s = status?.toLowerCase();
  if (s === 'succeeded' || s === 'success') return 'success';
  if (s === 'failed' || s === 'failure') return 'failure';
  return 'unknown';
}

function levelSeverity(level: string | null): Severity {
  const s = level?.toLowerCase();
  if (s === 'critical') return 'critical';
  if (s === 'error' || s === 'warning') return 'warning';
  return 'info';
}

function classify(op: string, category: string | null, outcome: Outcome): { category: Category; severity: Severity } {
  const o = op.toLowerCase();
  if (o.includes('microsoft.authorization/elevateaccess')) return { category: 'authorization', severity: 'critical' };
  if (/microsoft\.authorization\/(roleassignments|roledefinitions|denyassignments|classicadministrators)\//.test(o) && !o.endsWith('/read')) {
    return { category: 'authorization', severity: 'warning' };
  }
  if (/diagnosticsettings\/delete|logprofiles\/delete|activitylogalerts\/delete|microsoft\.security\/.*\/delete|microsoft\.operationalinsights\/workspaces\/delete/.test(o)) {
    return { category: 'configuration', severity: 'critical' };
  }
  if (/diagnosticsettings\/write|logprofiles\/write|microsoft\.authorization\/(policy\w*|locks)\/(write|delete)/.test(o)) {
    return { category: 'configuration', severity: 'warning' };
  }
  if (/listkeys\/action|listaccountsas\/action|listservicesas\/action|listcredentials?\/action|\/secrets\/(read|getsecret)/.test(o)) {
    return { category: 'data_access', severity: 'warning' };
  }
  if (/regeneratekey\/action|\/keys\/write|\/secrets\/write|\/certificates\/write/.test(o)) return { category: 'authorization', severity: 'warning' };
  const cat = category?.toLowerCase();
  if (cat === 'policy') return { category: 'configuration', severity: 'info' };
  if (cat && cat !== 'administrative' && cat !== 'security') return { category: 'other', severity: 'info' };
  if (o.endsWith('/read')) return { category: 'data_access', severity: 'info' };
  if (o.endsWith('/write') || o.endsWith('/delete')) return { category: 'resource_change', severity: 'info' };
  const segments = op.split('/');
  return classifyAction(segments.slice(-2).join(' '), outcome);
}

function normalizeActivity(r: Rec): NormalizeResult {
  const l = lowerKeys(r);
  const timeKey = ['event_timestamp', 'eventtimestamp', 'time'].find((k) => k in l);
  if (!timeKey) return reject('no event_timestamp/eventTimestamp/time');
  const time = parseEventTime(l[timeKey]);
  if (!time) return reject(`${timeKey} has no usable time: ${preview(l[timeKey])}`);
  const received = parseEventTime(l.submission_timestamp ?? l.submissiontimestamp);

  const claims = claimsOf(l);
  const { actor, actorType } = actorOf(l, claims);
  const op = valueOf(l.operation_name ?? l.operationname);
  const opLabel = isRecord(l.operation_name ?? l.operationname)
    ? str(get(l.operation_name ?? l.operationname, 'localizedValue')) ?? str(get(l.operation_name, 'localized_value'))
    : null;
  const status = valueOf(l.status) ?? str(l.resulttype);
  const outcome = outcomeOf(status);
  const category = valueOf(l.category);
  const { category: cat, severity } = op ? classify(op, category, outcome) : { category: 'other' as Category, severity: 'info' as Severity };
  const auth = isRecord(l.authorization) ? l.authorization : isRecord(get(l.identity, 'authorization')) ? (get(l.identity, 'authorization') as Rec) : {};
  const resourceId = str(l.resource_id) ?? str(l.resourceid) ?? str(auth.scope);
  const resourceType = valueOf(l.resource_type ?? l.resourcetype) ?? (resourceId ? providerType(resourceId) : null);
  const ip = clientIp(getStr(l.http_request, 'client_ip_address') ?? getStr(l.httprequest, 'clientIpAddress') ?? str(l.calleripaddress) ?? str(claims.ipaddr));
  const shortName = resourceId ? resourceId.split('/').filter(Boolean).pop() ?? null : null;

  let summary = `${actor ?? '(unknown caller)'} ${opLabel && opLabel !== op ? opLabel : op ?? '(no operation)'}`;
  if (shortName) summary += ` ${shortName}`;
  if (status) summary += ` (${status}${valueOf(l.sub_status ?? l.substatus) ? `: ${valueOf(l.sub_status ?? l.substatus)}` : ''})`;

  return ok(
    makeEvent(time, {
      receivedTime: received?.iso ?? null,
      vendorId: str(l.event_data_id) ?? str(l.eventdataid),
      actor,
      actorType,
      action: op,
      category: cat,
      targetType: resourceType,
      target: resourceId,
      outcome,
      severity: maxSeverity(severity, levelSeverity(valueOf(l.level))),
      sourceIp: ip,
      location: null,
      summary,
      attributes: compactAttributes({
        status,
        subStatus: valueOf(l.sub_status ?? l.substatus) ?? str(l.resultsignature),
        activityCategory: category,
        correlationId: l.correlation_id ?? l.correlationid,
        operationId: l.operation_id ?? l.operationid,
        eventName: valueOf(l.event_name ?? l.eventname),
        level: valueOf(l.level),
        authorizationAction: auth.action,
        role: get(auth, 'evidence.role'),
        principalName: str(claims.name),
        appId: claims.appid,
        subscriptionId: l.subscription_id ?? l.subscriptionid ?? (resourceId ? /^\/subscriptions\/([^/]+)/i.exec(resourceId)?.[1] : null),
        resourceGroup: l.resource_group_name ?? l.resourcegroupname,
        region: l.location,
        statusCode: get(l.properties, 'statusCode'),
      }),
    }),
  );
}

/** `/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/disks/d` -> `Microsoft.Compute/disks`. */
function providerType(resourceId: string): string | null {
  const m = /\/providers\/([^/]+)\/([^/]+)/i.exec(resourceId);
  return m ? `${m[1]}/${m[2]}` : null;
}

export function normalizeAzureActivity(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  const batch = batchItems(record);
  if (batch) return normalizeBatch(batch.items, batch.key, normalizeActivity);
  return normalizeActivity(record);
}

export const azureActivityFormat: FormatModule = {
  id: 'azure-activity',
  label: 'Azure Activity Log',
  detect: (sample) =>
    0.95 * shareMatching(sample, (r) => {
      const batch = batchItems(r);
      return batch ? batch.items.length > 0 && isActivityRecord(batch.items[0] as Rec) : isActivityRecord(r);
    }),
  normalize: (record) => normalizeAzureActivity(record),
};
