import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import { compactAttributes, get, getStr, isRecord, lowerKeys, makeEvent, maxSeverity, str, type Rec } from './common.js';
import { clientIp } from './net.js';
import type { ParsedTime } from './time.js';
import type { NormalizedFields } from './types.js';

/**
 * Field mapping for Entra ID sign-in and directory-audit entries, once entra.ts has found the entry body (the
 * Graph object, the diagnostic record's `properties`, or a Log Analytics row) and lower-cased its keys.
 */

// Sign-in error codes Entra reports as "Interrupted" (MFA or consent prompts, KMSI...): not a result yet.
const INTERRUPT_CODES = new Set([50058, 50072, 50074, 50076, 50079, 50097, 50125, 50140, 50158, 50199, 81010, 81012]);

function signInOutcome(body: Rec, top: Rec): { outcome: Outcome; code: number | null } {
  const status = isRecord(body.status) ? lowerKeys(body.status) : {};
  const raw = status.errorcode ?? top.resulttype ?? body.resulttype;
  const s = str(raw);
  if (s === null) return { outcome: 'unknown', code: null };
  if (/^success$/i.test(s)) return { outcome: 'success', code: 0 };
  if (/^failure$/i.test(s)) return { outcome: 'failure', code: null };
  const code = Number(s);
  if (!Number.isInteger(code)) return { outcome: 'unknown', code: null };
  if (code === 0) return { outcome: 'success', code };
  return { outcome: INTERRUPT_CODES.has(code) ? 'unknown' : 'failure', code };
}

function riskSeverity(body: Rec): Severity {
  const during = str(body.risklevelduringsignin);
  const state = str(body.riskstate);
  if (state === 'confirmedCompromised') return 'critical';
  // An analyst or remediation already dealt with dismissed/remediated risk: still worth a look, not an alarm.
  if (during === 'high') return state === 'dismissed' || state === 'remediated' ? 'warning' : 'critical';
  if (during === 'medium' || state === 'atRisk') return 'warning';
  return 'info';
}

function locationText(v: unknown): string | null {
  if (!isRecord(v)) return str(v);
  const l = lowerKeys(v);
  const parts = [str(l.city), str(l.state), str(l.countryorregion)].filter((s): s is string => s !== null);
  return parts.length > 0 ? parts.join(', ') : null;
}

export function mapSignIn(time: ParsedTime, body: Rec, top: Rec, kind: string | null, notes: string[]): NormalizedFields {
  const servicePrincipal = /serviceprincipal|managedidentity/i.test(kind ?? '') || (!str(body.userprincipalname) && Boolean(str(body.serviceprincipalid)));
  const actor = servicePrincipal
    ? str(body.serviceprincipalname) ?? str(body.appdisplayname) ?? str(body.serviceprincipalid) ?? str(body.appid)
    : str(body.userprincipalname) ?? str(body.userdisplayname) ?? str(body.userid);
  const actorType: ActorType = servicePrincipal ? 'service' : actor ? 'user' : 'unknown';
  const app = str(body.appdisplayname) ?? str(body.resourcedisplayname) ?? str(body.appid);
  const { outcome, code } = signInOutcome(body, top);
  const status = isRecord(body.status) ? lowerKeys(body.status) : {};
  const reason = str(status.failurereason) ?? str(top.resultdescription) ?? str(body.resultdescription);
  const severity = maxSeverity(outcome === 'failure' ? 'warning' : 'info', riskSeverity(body));
  const label = /noninteractive/i.test(kind ?? '') ? 'non-interactive sign-in' : servicePrincipal ? 'service principal sign-in' : 'sign-in';

  let summary = `${actor ?? '(unknown identity)'} ${label}${app ? ` to ${app}` : ''}`;
  if (outcome === 'failure') summary += ` failed${code ? ` (${code}${reason ? `: ${reason}` : ''})` : ''}`;
  else if (outcome === 'unknown' && code) summary += ` interrupted (${code})`;

  return makeEvent(time, {
    vendorId: str(body.id),
    actor,
    actorType,
    action: str(top.operationname) ?? 'Sign-in activity',
    category: 'authentication',
    targetType: app ? 'application' : null,
    target: app,
    outcome,
    severity,
    sourceIp: clientIp(str(body.ipaddress) ?? str(top.calleripaddress)),
    userAgent: str(body.useragent),
    location: locationText(body.location ?? body.locationdetails) ?? str(top.location),
    sessionId: str(body.sessionid),
    summary,
    notes,
    attributes: compactAttributes({
      signInType: kind,
      errorCode: code,
      failureReason: reason,
      appId: body.appid,
      resource: body.resourcedisplayname,
      clientAppUsed: body.clientappused,
      authenticationProtocol: body.authenticationprotocol,
      authenticationRequirement: body.authenticationrequirement,
      conditionalAccessStatus: body.conditionalaccessstatus,
      riskLevelDuringSignIn: body.risklevelduringsignin,
      riskState: body.riskstate,
      riskDetail: body.riskdetail,
      isInteractive: body.isinteractive,
      correlationId: body.correlationid ?? top.correlationid,
      userId: body.userid,
    }),
  });
}

const AUDIT_RULES: [RegExp, Category, Severity][] = [
  [/elevat(ed|e) (their )?access/i, 'authorization', 'critical'],
  [/federation settings|domain authentication|set domain|verify domain|unverified domain|partner.*federation/i, 'configuration', 'critical'],
  [/disable strong authentication|delete conditional access|disable.*(security defaults|policy)|delete.*authentication method/i, 'configuration', 'critical'],
  [/conditional access|authentication methods policy|security defaults|named location|policy/i, 'configuration', 'warning'],
  [/credential|certificates and secrets|add owner to (application|service principal)|consent to application|delegated permission grant|app role assignment/i, 'authorization', 'warning'],
  [/role|pim|privileged/i, 'authorization', 'warning'],
  [/password|security info|strong authentication|authentication method|mfa/i, 'authentication', 'warning'],
  [/user|group|invite|member|guest/i, 'user_management', 'info'],
];

function auditClassify(activity: string | null, category: string | null, outcome: Outcome): { category: Category; severity: Severity } {
  if (activity) {
    for (const [re, cat, sev] of AUDIT_RULES) if (re.test(activity)) return { category: cat, severity: sev };
  }
  switch (category?.toLowerCase()) {
    case 'rolemanagement':
      return { category: 'authorization', severity: 'warning' };
    case 'policy':
      return { category: 'configuration', severity: 'warning' };
    case 'usermanagement':
    case 'groupmanagement':
      return { category: 'user_management', severity: 'info' };
    case 'applicationmanagement':
    case 'directorymanagement':
      return { category: 'configuration', severity: 'info' };
    default:
      return classifyAction(activity, outcome);
  }
}

function auditOutcome(result: string | null): Outcome {
  const r = result?.toLowerCase();
  if (r === 'success') return 'success';
  if (r === 'failure' || r === 'failed') return 'failure';
  return 'unknown';
}

function initiator(body: Rec): { actor: string | null; actorType: ActorType; ip: string | null } {
  const by = isRecord(body.initiatedby) ? body.initiatedby : {};
  const user = isRecord(by.user) ? by.user : null;
  const app = isRecord(by.app) ? by.app : null;
  if (user && (str(user.userPrincipalName) || str(user.id))) {
    return { actor: str(user.userPrincipalName) ?? str(user.displayName) ?? str(user.id), actorType: 'user', ip: str(user.ipAddress) };
  }
  if (app && (str(app.displayName) || str(app.servicePrincipalName) || str(app.appId) || str(app.servicePrincipalId))) {
    return { actor: str(app.displayName) ?? str(app.servicePrincipalName) ?? str(app.appId) ?? str(app.servicePrincipalId), actorType: 'service', ip: null };
  }
  return { actor: null, actorType: 'unknown', ip: null };
}

export function mapAudit(time: ParsedTime, body: Rec, top: Rec, notes: string[]): NormalizedFields {
  const { actor, actorType, ip } = initiator(body);
  const activity = str(body.activitydisplayname) ?? str(body.operationname) ?? str(top.operationname);
  const targets = Array.isArray(body.targetresources) ? body.targetresources.filter(isRecord) : [];
  const first = targets[0];
  const target = first ? str(first.userPrincipalName) ?? str(first.displayName) ?? str(first.id) : null;
  const result = str(body.result) ?? str(top.result);
  const outcome = auditOutcome(result);
  const auditCategory = str(body.category) ?? (str(top.category) !== 'AuditLogs' ? str(top.category) : null);
  const classified = auditClassify(activity, auditCategory, outcome);
  const category = classified.category;
  let severity = classified.severity;
  // A Global Administrator grant is the highest privilege in the tenant.
  if (category === 'authorization' && /Global Administrator|Company Administrator/i.test(JSON.stringify(targets))) severity = 'critical';
  if (outcome === 'failure') severity = maxSeverity(severity, 'warning');
  const details = Array.isArray(body.additionaldetails) ? body.additionaldetails.filter(isRecord) : [];
  const ua = str(body.useragent) ?? str(top.useragent) ?? str(details.find((d) => str(d.key) === 'User-Agent')?.value);

  let summary = `${actor ?? '(unknown initiator)'}: ${activity ?? '(no activity)'}`;
  if (target) summary += ` -> ${target}`;
  if (result && outcome !== 'success') summary += ` (${result}${str(body.resultreason) ? `: ${str(body.resultreason)}` : ''})`;

  return makeEvent(time, {
    vendorId: str(body.id),
    actor,
    actorType,
    action: activity,
    category,
    targetType: first ? str(first.type) : null,
    target,
    outcome,
    severity,
    sourceIp: clientIp(ip ?? str(top.calleripaddress) ?? str(top.ipaddress)),
    userAgent: ua,
    summary,
    notes,
    attributes: compactAttributes({
      auditCategory,
      loggedByService: body.loggedbyservice,
      operationType: body.operationtype ?? top.aadoperationtype,
      result,
      resultReason: body.resultreason,
      correlationId: body.correlationid ?? top.correlationid,
      targets: targets.length > 1 ? targets.map((t) => str(t.userPrincipalName) ?? str(t.displayName) ?? str(t.id)).join(', ') : null,
      initiatorAppId: getStr(body.initiatedby, 'app.appId'),
      modifiedProperties: first && Array.isArray(first.modifiedProperties)
        ? first.modifiedProperties.map((m) => getStr(m, 'displayName')).filter(Boolean).join(', ')
        : null,
      tenantId: top.tenantid ?? get(body, 'tenantid'),
    }),
  });
}
