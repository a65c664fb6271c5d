import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import { compactAttributes, getStr, isRecord, makeEvent, preview, reject, shareMatching, str, type Rec } from './common.js';
import { normalizeBatch } from './envelope.js';
import { clientIp } from './net.js';
import { parseEventTime } from './time.js';
import type { FormatModule, NormalizedFields, NormalizeResult } from './types.js';

/**
 * Google Workspace Admin SDK Reports API activities (`admin#reports#activity`): one activity per API item, with
 * id {time, uniqueQualifier, applicationName}, actor {email, callerType, key}, ipAddress and events[] {type, name,
 * parameters[]}. Every entry of events[] becomes its own event; when there are several, each vendor id gets the
 * entry's position so that they stay distinct.
 */

function isActivity(r: Rec): boolean {
  return isRecord(r.id) && 'time' in r.id && 'applicationName' in r.id && Array.isArray(r.events);
}

/** parameters[] entries carry value, intValue, boolValue, multiValue or messageValue. */
function paramsOf(e: Rec): Map<string, string> {
  const out = new Map<string, string>();
  const list = Array.isArray(e.parameters) ? e.parameters.filter(isRecord) : [];
  for (const p of list) {
    const name = str(p.name);
    if (!name) continue;
    const v = str(p.value) ?? str(p.intValue) ?? (typeof p.boolValue === 'boolean' ? String(p.boolValue) : null)
      ?? (Array.isArray(p.multiValue) ? p.multiValue.map(str).filter(Boolean).join(', ') : null);
    if (v !== null) out.set(name, v);
  }
  return out;
}

const TARGET_PARAMS: [string, string][] = [
  ['USER_EMAIL', 'user'], ['GROUP_EMAIL', 'group'], ['doc_title', 'document'], ['doc_id', 'document'],
  ['target_user', 'user'], ['affected_email_address', 'user'], ['app_name', 'application'], ['client_id', 'oauth client'],
  ['SETTING_NAME', 'setting'], ['ROLE_NAME', 'role'], ['DOMAIN_NAME', 'domain'], ['ORG_UNIT_NAME', 'org unit'],
];

const RULES: [RegExp, Category, Severity][] = [
  [/^(suspicious_login|suspicious_login_less_secure_app|suspicious_programmatic_login|gov_attack_warning|account_disabled_hijacked|account_disabled_spamming)/i, 'authentication', 'critical'],
  [/^login_(failure|challenge|verification)/i, 'authentication', 'warning'],
  [/^(login_success|logout|login_)/i, 'authentication', 'info'],
  [/2sv_disable|2sv_disabled|TOGGLE_2SV|ENFORCE_STRONG_AUTHENTICATION|CHANGE_TWO_STEP/i, 'configuration', 'critical'],
  [/ASSIGN_ROLE|UNASSIGN_ROLE|GRANT_ADMIN_PRIVILEGE|REVOKE_ADMIN_PRIVILEGE|CREATE_ROLE|ADD_PRIVILEGE|DELEGATED_ADMIN/i, 'authorization', 'warning'],
  [/authorize|revoke|ADD_TO_TRUSTED_OAUTH2_APPS|CHANGE_APPLICATION_SETTING|token/i, 'authorization', 'warning'],
  [/CHANGE_PASSWORD|password_edit|RESET_PASSWORD|recovery_(email|phone)_edit|2sv_enroll/i, 'authentication', 'warning'],
  [/^download$|^view$|^preview$|^print$|^copy$/i, 'data_access', 'info'],
  [/change_user_access|change_document_visibility|change_acl|shared_drive_membership|visibility/i, 'export', 'warning'],
  [/EXPORT|TAKEOUT|VAULT_EXPORT|download_/i, 'export', 'warning'],
  [/USER|GROUP|MEMBER|ORG_UNIT/i, 'user_management', 'info'],
  [/SETTING|CHANGE_|CREATE_|DELETE_/i, 'configuration', 'info'],
];

function classify(app: string | null, name: string | null, type: string | null, outcome: Outcome): { category: Category; severity: Severity } {
  // The event name decides first; the event type (USER_SETTINGS, DELEGATED_ADMIN_SETTINGS...) only if the name says nothing.
  for (const [re, category, severity] of RULES) if (name && re.test(name)) return { category, severity };
  for (const [re, category, severity] of RULES) if (type && category !== 'data_access' && re.test(type)) return { category, severity };
  if (app === 'drive') return { category: 'data_access', severity: 'info' };
  if (app === 'login' || app === 'saml') return { category: 'authentication', severity: outcome === 'failure' ? 'warning' : 'info' };
  return classifyAction(name, outcome);
}

function outcomeOf(app: string | null, name: string | null): Outcome {
  if (app === 'login' || app === 'saml') {
    if (/failure|_failed$/.test(name ?? '')) return 'failure';
    if (/success$/.test(name ?? '')) return 'success';
  }
  return 'unknown';
}

function actorTypeOf(callerType: string | null, email: string | null): ActorType {
  if (callerType === 'USER') return 'user';
  if (callerType === 'KEY') return 'api_key';
  if (callerType === 'APPLICATION' || /gserviceaccount\.com$/.test(email ?? '')) return 'service';
  return email ? 'user' : 'unknown';
}

export function normalizeWorkspace(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  if (!isActivity(record)) return reject('not a Workspace Reports API activity (no id.time/id.applicationName/events)');
  const id = record.id as Rec;
  const time = parseEventTime(id.time);
  if (!time) return reject(`id.time has no usable time: ${preview(id.time)}`);
  const app = str(id.applicationName);
  const actor = getStr(record, 'actor.email') ?? getStr(record, 'actor.key') ?? getStr(record, 'actor.profileId');
  const actorType = actorTypeOf(getStr(record, 'actor.callerType'), actor);
  const items = (record.events as unknown[]).filter(isRecord);
  if (items.length === 0) return reject('activity has no events');
  const uq = str(id.uniqueQualifier);
  const events: NormalizedFields[] = items.map((e, i) => {
    const name = str(e.name);
    const type = str(e.type);
    const params = paramsOf(e);
    const found = TARGET_PARAMS.find(([p]) => params.has(p));
    const target = found ? params.get(found[0]) ?? null : null;
    const outcome = outcomeOf(app, name);
    const { category, severity } = classify(app, name, type, outcome);
    return makeEvent(time, {
      vendorId: uq ? (items.length > 1 ? `${uq}#${i}` : uq) : null,
      actor,
      actorType,
      action: name,
      category,
      targetType: found ? found[1] : null,
      target,
      outcome,
      severity,
      sourceIp: clientIp(str(record.ipAddress)),
      summary: `${actor ?? '(unknown actor)'} ${app ?? ''} ${name ?? '(no event name)'}${target ? ` ${target}` : ''}`.replace(/\s+/g, ' '),
      attributes: compactAttributes({
        application: app, eventType: type, ownerDomain: record.ownerDomain, customerId: id.customerId,
        parameters: [...params].map(([k, v]) => `${k}=${v}`).join('; ').slice(0, 500) || null,
        loginType: params.get('login_type'), loginFailureType: params.get('login_failure_type'),
      }),
    });
  });
  return { ok: true, events };
}

export const workspaceFormat: FormatModule = {
  id: 'workspace',
  label: 'Google Workspace audit (Reports API)',
  detect: (sample) => 0.95 * shareMatching(sample, (r) => isActivity(r) || (Array.isArray(r.items) && isRecord(r.items[0]) && isActivity(r.items[0]))),
  normalize: (record) => {
    // A whole API response page `{kind: "admin#reports#activities", items: [...]}`.
    if (isRecord(record) && Array.isArray(record.items) && !isActivity(record)) return normalizeBatch(record.items, 'items', normalizeWorkspace);
    return normalizeWorkspace(record);
  },
};
