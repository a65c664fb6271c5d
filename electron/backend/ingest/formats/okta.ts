import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import {
  compactAttributes, getStr, hasKeys, isRecord, makeEvent, maxSeverity, ok, preview, reject, shareMatching, str,
  type Rec,
} from './common.js';
import { parseEventTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/** Okta System Log API LogEvent objects (`/api/v1/logs`, event hooks, log streaming). */

function isOktaEvent(r: Rec): boolean {
  return hasKeys(r, 'uuid', 'published', 'eventType') && (isRecord(r.actor) || isRecord(r.outcome));
}

/** outcome.result: SUCCESS, FAILURE, SKIPPED, ALLOW, DENY, CHALLENGE, UNKNOWN. Only the first four decide. */
function oktaOutcome(result: string | null): Outcome {
  switch (result?.toUpperCase()) {
    case 'SUCCESS':
    case 'ALLOW':
      return 'success';
    case 'FAILURE':
    case 'DENY':
      return 'failure';
    default:
      return 'unknown';
  }
}

/** Okta severity is DEBUG, INFO, WARN or ERROR. */
function oktaSeverity(v: string | null): Severity {
  const s = v?.toUpperCase();
  return s === 'WARN' || s === 'ERROR' ? 'warning' : 'info';
}

function oktaActorType(type: string | null): ActorType {
  switch (type) {
    case 'User':
      return 'user';
    case 'SystemPrincipal':
      return 'system';
    case 'PublicClientApp':
    case 'AppInstance':
    case 'AppUser':
    case 'Client':
    case 'OAuth2Client':
      return 'service';
    default:
      return 'unknown';
  }
}

// eventType prefixes from Okta's event-types catalogue, most specific first.
const PREFIXES: [RegExp, Category, Severity][] = [
  [/^user\.account\.privilege\.(grant|revoke)|^iam\.role\.|^group\.privilege\.|^app\.oauth2\.as\.policy|^user\.account\.role/, 'authorization', 'warning'],
  [/^system\.api_token\.|^app\.oauth2\.client\.(secret|key)|^user\.credential\.|^oauth2\.client_secret/, 'authorization', 'warning'],
  [/^user\.mfa\.factor\.(deactivate|reset_all|suspend)|^user\.account\.reset_password|^user\.account\.update_password/, 'authentication', 'warning'],
  [/^policy\.lifecycle\.|^policy\.rule\.|^system\.log_stream\.|^event_hook\.|^system\.org\.|^zone\.|^network_zone\./, 'configuration', 'warning'],
  [/^user\.session\.|^user\.authentication\.|^user\.mfa\.|^policy\.evaluate_sign_on|^user\.account\.lock|^app\.oauth2\.(as\.)?(token|authorize)/, 'authentication', 'info'],
  [/^user\.lifecycle\.|^group\.user_membership\.|^user\.account\.|^group\.lifecycle\./, 'user_management', 'info'],
  [/^application\.user_membership\.|^app\.generic\.unauth_app_access_attempt/, 'authorization', 'info'],
  [/^application\.lifecycle\.|^application\.policy\.|^app\.|^system\./, 'configuration', 'info'],
  [/^security\.threat\.|^security\.attack\.|^user\.risk\./, 'authentication', 'critical'],
];

function oktaClassify(eventType: string | null, outcome: Outcome): { category: Category; severity: Severity } {
  if (eventType) {
    for (const [re, category, severity] of PREFIXES) {
      if (re.test(eventType)) {
        return { category, severity: category === 'authentication' && outcome === 'failure' ? maxSeverity(severity, 'warning') : severity };
      }
    }
  }
  return classifyAction(eventType, outcome);
}

/** "unknown" is what Okta writes when it has no session id; it is not an id. */
function sessionOf(r: Rec): string | null {
  const s = getStr(r, 'authenticationContext.externalSessionId') ?? getStr(r, 'authenticationContext.rootSessionId');
  return s && s.toLowerCase() !== 'unknown' ? s : null;
}

function locationOf(r: Rec): string | null {
  const g = isRecord(r.client) && isRecord(r.client.geographicalContext) ? r.client.geographicalContext : null;
  if (!g) return null;
  const parts = [str(g.city), str(g.state), str(g.country)].filter((s): s is string => s !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

export function normalizeOkta(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  const time = parseEventTime(record.published);
  if (!time) {
    return reject('published' in record ? `published has no usable time: ${preview(record.published)}` : 'no published time');
  }
  const actorObj = isRecord(record.actor) ? record.actor : {};
  const actor = str(actorObj.alternateId) ?? str(actorObj.displayName) ?? str(actorObj.id);
  const targets = Array.isArray(record.target) ? record.target.filter(isRecord) : [];
  const first = targets[0];
  const eventType = str(record.eventType);
  const result = getStr(record, 'outcome.result');
  const outcome = oktaOutcome(result);
  const { category, severity } = oktaClassify(eventType, outcome);
  const reason = getStr(record, 'outcome.reason');
  const display = str(record.displayMessage);
  const target = first ? str(first.alternateId) ?? str(first.displayName) ?? str(first.id) : null;

  // Okta's displayMessage is the readable line; who and on whom are added because it names neither.
  let summary = `${actor ?? '(unknown actor)'}: ${display ?? eventType ?? '(no eventType)'}`;
  if (target) summary += ` -> ${target}`;
  if (result && result !== 'SUCCESS') summary += ` (${result}${reason ? `: ${reason}` : ''})`;

  return ok(
    makeEvent(time, {
      vendorId: str(record.uuid),
      actor,
      actorType: oktaActorType(str(actorObj.type)),
      action: eventType,
      category,
      targetType: first ? str(first.type) : null,
      target,
      outcome,
      severity: maxSeverity(severity, oktaSeverity(str(record.severity))),
      sourceIp: getStr(record, 'client.ipAddress'),
      userAgent: getStr(record, 'client.userAgent.rawUserAgent'),
      location: locationOf(record),
      sessionId: sessionOf(record),
      summary,
      attributes: compactAttributes({
        outcomeResult: result,
        outcomeReason: reason,
        actorDisplayName: actorObj.displayName,
        targets: targets.length > 1 ? targets.map((t) => str(t.alternateId) ?? str(t.displayName)).join(', ') : null,
        transactionId: getStr(record, 'transaction.id'),
        requestId: getStr(record, 'debugContext.debugData.requestId'),
        legacyEventType: record.legacyEventType,
        credentialType: getStr(record, 'authenticationContext.credentialType'),
      }),
    }),
  );
}

export const oktaFormat: FormatModule = {
  id: 'okta',
  label: 'Okta System Log',
  detect: (sample) => 0.95 * shareMatching(sample, isOktaEvent),
  normalize: (record) => normalizeOkta(record),
};
