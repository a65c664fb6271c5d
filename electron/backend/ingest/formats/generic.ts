import { CATEGORIES, type ActorType, type Category } from '../../../../shared/model/event.js';
import { classifyAction, outcomeOfAction } from './classify.js';
import {
  isRecord, makeEvent, ok, outcomeOf, preview, reject, severityOf, str,
} from './common.js';
import { FieldIndex, type FoundField } from './field-finder.js';
import { parseEventTime } from './time.js';
import type { DetectContext, FormatModule, NormalizeResult } from './types.js';

/**
 * Generic mappers for JSON and CSV records of unknown shape: they find the usual fields by name. Vendor modules
 * always outrank them (they answer 0.1), so they only see what nothing else recognised.
 */

export const TIME_FIELDS = [
  'eventTime', 'occurredAt', 'timestamp', 'time', 'created_at', 'createdAt', 'published', 'datetime', 'date',
  'event_timestamp', 'eventTimestamp', 'creationTime', 'timeGenerated', 'date_create', 'logged_at', 'happened_at',
  'when', 'ts', '@timestamp',
] as const;
const CATEGORY_FIELDS = ['category', 'eventCategory'];
const ACTOR_FIELDS = [
  'actor.email', 'actor.alternateId', 'actor.username', 'actor.login', 'actor.name', 'actor', 'user.email',
  'user.username', 'user.name', 'user', 'username', 'user_name', 'email', 'userEmail', 'actor_email', 'principal',
  'initiatedBy', 'performedBy', 'caller', 'login', 'userId', 'actorId', 'identity', 'actor.userId', 'actor.id',
];
const ACTION_FIELDS = [
  'action', 'eventName', 'eventType', 'event', 'operation', 'operationName', 'activity', 'activityType', 'type',
  'verb', 'method',
];
const TARGET_FIELDS = [
  'target.name', 'target', 'targetName', 'targetId', 'resource.name', 'resource', 'resourceName', 'object', 'objectName',
  'entity.name', 'entity', 'entityName', 'entitySlug', 'subject', 'item',
];
const TARGET_TYPE_FIELDS = ['targetType', 'target.type', 'resourceType', 'resource.type', 'objectType', 'entityType'];
const OUTCOME_FIELDS = [
  'outcome.result', 'outcome', 'result', 'status', 'success', 'succeeded', 'statusCode', 'responseCode', 'httpStatus',
  'resultType', 'decision',
];
const ERROR_FIELDS = ['errorCode', 'error', 'errorMessage', 'failureReason'];
const IP_FIELDS = [
  'ip', 'ipAddress', 'sourceIp', 'sourceIpAddress', 'clientIp', 'clientIpAddress', 'ip_address', 'remote_addr',
  'remoteAddress', 'remoteIp', 'src_ip', 'srcIp', 'callerIp', 'actor_ip', 'client.ip', 'client.ipAddress',
  'request.ip', 'context.ip', 'context.ip_address', 'sourceIPs', 'location.ip', 'location.ipAddress', 'geo.ip',
];
const UA_FIELDS = ['userAgent', 'user_agent', 'ua', 'client.userAgent', 'httpUserAgent', 'context.ua', 'agent'];
const SESSION_FIELDS = ['sessionId', 'session', 'sid', 'sessionKey', 'context.session_id'];
/** The record's own one-line description, preferred over a composed summary (DESIGN.md section 4). */
const SUMMARY_FIELDS = ['summary', 'displayMessage', 'description', 'message', 'msg', 'details.summary'];
const ID_FIELDS = ['id', 'uuid', 'eventId', '_id', 'logId', 'insertId', 'auditId', 'event_uuid', 'guid'];
const SEVERITY_FIELDS = ['severity', 'level', 'priority', 'riskLevel', 'risk'];
const LOCATION_FIELDS = ['location', 'geo', 'geoLocation', 'country', 'city'];
const ACTOR_TYPE_FIELDS = ['actorType', 'actor.type', 'principalType', 'user.type', 'identityType'];

/** The candidate names per mapped field, for the mapping editor's first suggestion on an unknown file. */
export const FIELD_CANDIDATES = {
  time: TIME_FIELDS, actor: ACTOR_FIELDS, actorType: ACTOR_TYPE_FIELDS, action: ACTION_FIELDS, targetType: TARGET_TYPE_FIELDS,
  target: TARGET_FIELDS, outcome: OUTCOME_FIELDS, severity: SEVERITY_FIELDS, sourceIp: IP_FIELDS, userAgent: UA_FIELDS,
  location: LOCATION_FIELDS, sessionId: SESSION_FIELDS, vendorId: ID_FIELDS, summary: SUMMARY_FIELDS,
} as const;

const NAME_KEYS = ['email', 'alternateId', 'login', 'username', 'userName', 'name', 'displayName', 'slug', 'id'];

/** A readable name for a field value: strings as-is, objects by their usual name keys, arrays by the first item. */
export function nameOf(v: unknown): string | null {
  if (Array.isArray(v)) return v.length > 0 ? nameOf(v[0]) : null;
  if (isRecord(v)) {
    for (const k of NAME_KEYS) {
      const s = str(v[k]);
      if (s) return s;
    }
    return null;
  }
  return str(v);
}

function found(f: FoundField | null): string | null {
  return f ? nameOf(f.value) : null;
}

const usableName = (v: unknown) => nameOf(v) !== null;

/** `API key: ci-token` (and `apikey:x`) names an API key rather than a person. */
export function apiKeyName(actor: string): string | null {
  const m = /^api[\s_-]?key\s*:\s*(.+)$/i.exec(actor);
  return m ? m[1].trim() : null;
}

export function actorTypeOf(explicit: string | null, actor: string | null): ActorType {
  const e = explicit?.toLowerCase().replace(/[\s_-]/g, '');
  if (e) {
    if (['user', 'human', 'person', 'member', 'admin'].includes(e)) return 'user';
    if (['service', 'serviceaccount', 'serviceprincipal', 'app', 'application', 'bot', 'integration'].includes(e)) {
      return 'service';
    }
    if (['apikey', 'token', 'accesstoken', 'apitoken'].includes(e)) return 'api_key';
    if (e === 'system') return 'system';
  }
  if (!actor) return 'unknown';
  if (apiKeyName(actor)) return 'api_key';
  if (actor.toLowerCase() === 'system') return 'system';
  if (/\.gserviceaccount\.com$/i.test(actor)) return 'service';
  if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(actor)) return 'user';
  return 'unknown';
}

/** Where a record keeps the acting person's full name beside the e-mail or login chosen as the actor. */
const ACTOR_NAME_FIELDS = ['actor.name', 'actor.displayName', 'actor.fullName', 'user.name', 'user.displayName', 'userName', 'actorName'];

/** The person's name (seed 003 shows "Dana Whitfield" for dana@...), when it says more than the actor itself. */
function displayNameOf(v: unknown, actor: string | null): string | null {
  const name = str(v);
  return name && name !== actor ? name : null;
}

function locationOf(v: unknown): string | null {
  if (!isRecord(v)) return str(v);
  // A CI/CD token's origin is its platform (seed 003: "the CI platform name and IP address").
  const parts = ['city', 'state', 'region', 'country', 'country_code', 'countryCode', 'ci_platform', 'ciPlatform']
    .map((k) => str(v[k]))
    .filter((s): s is string => s !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

function userAgentOf(v: unknown): string | null {
  if (isRecord(v)) return str(v.rawUserAgent) ?? str(v.raw) ?? str(v.original);
  return str(v);
}

export function normalizeGeneric(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject(`record is not an object (${Array.isArray(record) ? 'array' : typeof record})`);
  const idx = new FieldIndex(record);

  const timeCandidates = idx.findAll(TIME_FIELDS);
  let time = null;
  for (const c of timeCandidates) {
    time = parseEventTime(c.value);
    if (time) break;
  }
  if (!time) {
    if (timeCandidates.length > 0) {
      const c = timeCandidates[0];
      return reject(`event time field "${c.key}" has no usable time: ${preview(c.value)}`);
    }
    return reject(`no event time field found (looked for: ${TIME_FIELDS.join(', ')})`);
  }

  let actor = found(idx.find(ACTOR_FIELDS, usableName));
  const keyName = actor ? apiKeyName(actor) : null;
  const actorName = displayNameOf(idx.find(ACTOR_NAME_FIELDS)?.value, actor);
  const actorType = actorTypeOf(str(idx.find(ACTOR_TYPE_FIELDS)?.value), actor);
  if (keyName) actor = keyName;

  const action = found(idx.find(ACTION_FIELDS, (v) => str(v) !== null)) ?? found(idx.find(ACTION_FIELDS, usableName));
  const targetField = idx.find(TARGET_FIELDS, usableName);
  const target = found(targetField);
  const targetType =
    str(idx.find(TARGET_TYPE_FIELDS)?.value) ??
    (targetField && isRecord(targetField.value) ? str(targetField.value.type) : null);

  let outcome = outcomeOf(idx.find(OUTCOME_FIELDS, (v) => outcomeOf(v) !== 'unknown')?.value);
  if (outcome === 'unknown' && idx.find(ERROR_FIELDS)) outcome = 'failure';
  if (outcome === 'unknown') outcome = outcomeOfAction(action);

  const classified = classifyAction(action, outcome);
  const implied = classified.severity;
  // A record that states its category in our vocabulary is taken at its word; otherwise the action decides.
  const stated = str(idx.find(CATEGORY_FIELDS)?.value)?.toLowerCase();
  const category = (CATEGORIES as readonly string[]).includes(stated ?? '') ? (stated as Category) : classified.category;
  const vendorSeverity = severityOf(idx.find(SEVERITY_FIELDS)?.value);
  const severity = vendorSeverity && vendorSeverity !== 'info' ? vendorSeverity : implied;

  const ipField = idx.find(IP_FIELDS);
  const sourceIp = ipField ? (Array.isArray(ipField.value) ? str(ipField.value[0]) : str(ipField.value)) : null;

  return ok(
    makeEvent(time, {
      vendorId: str(idx.find(ID_FIELDS)?.value),
      actor,
      actorType,
      action,
      category,
      targetType,
      target,
      outcome,
      severity,
      sourceIp,
      userAgent: userAgentOf(idx.find(UA_FIELDS)?.value),
      location: locationOf(idx.find(LOCATION_FIELDS)?.value),
      sessionId: str(idx.find(SESSION_FIELDS)?.value),
      summary:
        str(idx.find(SUMMARY_FIELDS, (v) => typeof v === 'string' && v.trim() !== '')?.value) ??
        (keyName && action ? `API key ${keyName} ${action}${target ? ` ${target}` : ''}` : null),
      ...(actorName ? { attributes: { actorName } } : {}),
    }),
  );
}

export const jsonFormat: FormatModule = {
  id: 'json',
  label: 'JSON (generic field mapping)',
  detect(sample: readonly unknown[], ctx: DetectContext): number {
    return !ctx.csvHeader && sample.some(isRecord) ? 0.1 : 0;
  },
  normalize: (record: unknown) => normalizeGeneric(record),
};

export const csvFormat: FormatModule = {
  id: 'csv',
  label: 'CSV (generic column mapping)',
  detect(_sample: readonly unknown[], ctx: DetectContext): number {
    return ctx.csvHeader ? 0.1 : 0;
  },
  normalize: (record: unknown) => normalizeGeneric(record),
};
