import type { Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import { compactAttributes, getStr, hasKeys, isRecord, makeEvent, ok, preview, reject, shareMatching, str, type Rec } from './common.js';
import { clientIp } from './net.js';
import { parseEventTime, type ParsedTime } from './time.js';
import type { FormatModule, NormalizedFields, NormalizeResult } from './types.js';

/**
 * 1Password Events API: sign-in attempts (`/api/v1/signinattempts`), item usages (`/api/v1/itemusages`) and audit
 * events (`/api/v2/auditevents`). The three share uuid, timestamp, client/session and location.
 */

type Kind = 'signin' | 'itemusage' | 'audit';

function kindOf(r: Rec): Kind | null {
  if (hasKeys(r, 'uuid', 'timestamp', 'category', 'type') && (isRecord(r.target_user) || isRecord(r.client))) return 'signin';
  if (hasKeys(r, 'uuid', 'timestamp', 'item_uuid', 'vault_uuid')) return 'itemusage';
  if (hasKeys(r, 'uuid', 'timestamp', 'action') && ('actor_uuid' in r || 'object_type' in r)) return 'audit';
  return null;
}

function locationOf(r: Rec): string | null {
  const l = isRecord(r.location) ? r.location : null;
  const parts = l ? [str(l.city), str(l.region), str(l.country)].filter(Boolean) : [];
  return parts.length > 0 ? parts.join(', ') : str(r.country);
}

function clientAttributes(r: Rec): Record<string, unknown> {
  return {
    app: [getStr(r, 'client.app_name'), getStr(r, 'client.app_version')].filter(Boolean).join(' ') || null,
    platform: [getStr(r, 'client.platform_name'), getStr(r, 'client.platform_version')].filter(Boolean).join(' ') || null,
    os: [getStr(r, 'client.os_name'), getStr(r, 'client.os_version')].filter(Boolean).join(' ') || null,
  };
}

/** category: success, firewall_reported_success, credentials_failed, mfa_failed, sso_failed, firewall_failed... */
function signIn(time: ParsedTime, r: Rec): NormalizedFields {
  const category = str(r.category) ?? '';
  const type = str(r.type);
  const outcome: Outcome = /success$/.test(category) ? 'success' : /failed$/.test(category) ? 'failure' : 'unknown';
  const actor = getStr(r, 'target_user.email') ?? getStr(r, 'target_user.name') ?? getStr(r, 'target_user.uuid');
  const app = getStr(r, 'client.app_name');
  let summary = `${actor ?? '(unknown user)'} sign-in${app ? ` via ${app}` : ''}`;
  if (outcome !== 'success') summary += ` ${category || 'unknown'}${type ? ` (${type})` : ''}`;
  return makeEvent(time, {
    vendorId: str(r.uuid),
    actor,
    actorType: actor ? 'user' : 'unknown',
    action: type ? `signin.${type}` : 'signin',
    category: 'authentication',
    targetType: app ? 'client app' : null,
    target: app,
    outcome,
    // Firewall blocks and repeated credential failures are what account takeover attempts look like.
    severity: outcome === 'failure' ? 'warning' : 'info',
    sourceIp: clientIp(getStr(r, 'client.ip_address')),
    location: locationOf(r),
    sessionId: str(r.session_uuid),
    summary,
    attributes: compactAttributes({ signInCategory: category, signInType: type, details: getStr(r, 'details.value'), ...clientAttributes(r) }),
  });
}

function itemUsage(time: ParsedTime, r: Rec): NormalizedFields {
  const action = str(r.action);
  const actor = getStr(r, 'user.email') ?? getStr(r, 'user.name') ?? getStr(r, 'user.uuid');
  const item = str(r.item_uuid);
  const exporting = action === 'export';
  return makeEvent(time, {
    vendorId: str(r.uuid),
    actor,
    actorType: actor ? 'user' : 'unknown',
    action: action ? `item.${action}` : 'item.usage',
    category: exporting ? 'export' : 'data_access',
    targetType: 'item',
    target: item,
    // An item usage is recorded when the use happened.
    outcome: 'unknown',
    severity: exporting ? 'warning' : 'info',
    sourceIp: clientIp(getStr(r, 'client.ip_address')),
    location: locationOf(r),
    summary: `${actor ?? '(unknown user)'} ${action ?? 'used'} item ${item ?? '?'} in vault ${str(r.vault_uuid) ?? '?'}`,
    attributes: compactAttributes({ vault: r.vault_uuid, usedVersion: r.used_version, ...clientAttributes(r) }),
  });
}

// Audit-event object types whose changes grant access or weaken sign-in protection.
const ACCESS_OBJECTS = /^(uva|gva|gm|vault|ugv|role|perm)/i;
const PROTECTION_OBJECTS = /^(mfa|sso|policy|fw|firewall|sbc|tfa|2fa|signin|device)/i;

function auditClassify(action: string | null, objectType: string | null): { category: Category; severity: Severity } {
  const a = action ?? '';
  const o = objectType ?? '';
  if (PROTECTION_OBJECTS.test(o)) return { category: 'configuration', severity: /dlt|del|disable|rmv|remove|revk/i.test(a) ? 'critical' : 'warning' };
  if (ACCESS_OBJECTS.test(o) || /grant|revk|revoke/i.test(a)) return { category: 'authorization', severity: 'warning' };
  if (/^(user|invite|group|member)/i.test(o)) return { category: 'user_management', severity: 'info' };
  return classifyAction(`${a} ${o}`.trim());
}

function auditEvent(time: ParsedTime, r: Rec): NormalizedFields {
  const action = str(r.action);
  const objectType = str(r.object_type);
  const actor = getStr(r, 'actor_details.email') ?? getStr(r, 'actor_details.name') ?? str(r.actor_uuid);
  const target = getStr(r, 'object_details.email') ?? getStr(r, 'object_details.name') ?? str(r.object_uuid);
  const { category, severity } = auditClassify(action, objectType);
  return makeEvent(time, {
    vendorId: str(r.uuid),
    actor,
    actorType: actor ? 'user' : 'unknown',
    action,
    category,
    targetType: objectType,
    target,
    outcome: 'unknown',
    severity,
    sourceIp: clientIp(getStr(r, 'session.ip')),
    location: locationOf(r),
    sessionId: getStr(r, 'session.uuid'),
    summary: [actor ?? '(unknown actor)', action ?? '(no action)', objectType, target].filter(Boolean).join(' '),
    attributes: compactAttributes({
      auxId: r.aux_id, auxUuid: r.aux_uuid, auxInfo: r.aux_info, auxName: getStr(r, 'aux_details.name') ?? getStr(r, 'aux_details.email'),
      deviceUuid: getStr(r, 'session.device_uuid'),
    }),
  });
}

export function normalizeOnePassword(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  const kind = kindOf(record);
  if (!kind) return reject('neither a 1Password sign-in attempt, item usage nor audit event');
  const time = parseEventTime(record.timestamp);
  if (!time) return reject(`timestamp has no usable time: ${preview(record.timestamp)}`);
  const event = kind === 'signin' ? signIn(time, record) : kind === 'itemusage' ? itemUsage(time, record) : auditEvent(time, record);
  return ok(event);
}

export const onePasswordFormat: FormatModule = {
  id: 'onepassword',
  label: '1Password Events API',
  detect: (sample) => 0.9 * shareMatching(sample, (r) => kindOf(r) !== null),
  normalize: (record) => normalizeOnePassword(record),
};
