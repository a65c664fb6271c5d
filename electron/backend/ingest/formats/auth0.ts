import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import {
  compactAttributes, firstStr, getStr, isRecord, makeEvent, ok, preview, reject, shareMatching, str, type Rec,
} from './common.js';
import { clientIp } from './net.js';
import { parseEventTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/**
 * Auth0 tenant logs: Management API `/api/v2/logs` objects and log-stream deliveries, which wrap the same object as
 * `{"log_id": ..., "data": {...}}` (webhook, EventBridge, Datadog...). `type` is a short event code from Auth0's
 * "Log Event Type Codes" table; it alone says whether the event was a success or a failure.
 */

function bodyOf(r: Rec): { body: Rec; logId: string | null } {
  if (isRecord(r.data) && ('type' in r.data || 'date' in r.data)) {
    return { body: r.data, logId: str(r.log_id) ?? str(r.data.log_id) ?? str(r.data._id) };
  }
  return { body: r, logId: str(r.log_id) ?? str(r._id) };
}

function isAuth0Log(r: Rec): boolean {
  const { body } = bodyOf(r);
  return Boolean(str(body.type)) && 'date' in body && ('client_id' in body || 'description' in body || 'log_id' in body || 'log_id' in r || 'connection' in body);
}

// Codes that are neither s* nor f* but still report a failure or a block.
const FAILURE_CODES = new Set(['limit_wc', 'limit_mu', 'limit_sul', 'limit_ui', 'pwd_leak', 'signup_pwd_leak', 'reset_pwd_leak', 'api_limit', 'fn', 'gd_auth_failed', 'gd_auth_rejected', 'gd_otp_rate_limit_exceed', 'gd_recovery_failed', 'gd_send_pn_failure', 'gd_send_sms_failure', 'gd_send_voice_failure', 'gd_start_enroll_failed', 'gd_webauthn_enrollment_failed', 'actions_execution_failed']);
const SUCCESS_CODES = new Set(['du', 'mgmt_api_read', 'gd_auth_succeed', 'gd_enrollment_complete', 'gd_recovery_succeed', 'gd_send_pn', 'gd_send_sms', 'gd_send_voice', 'gd_start_enroll', 'gd_unenroll', 'gd_update_device_account', 'ubr', 'w_err']);
const SYSTEM_CODES = /^(sys_|admin_update|depnote|cls|cs|con|coff|appi|api_limit_warning|w$)/;

function auth0Outcome(code: string): Outcome {
  if (FAILURE_CODES.has(code) || /_fail(ed|ure)?$/.test(code)) return 'failure';
  if (SUCCESS_CODES.has(code)) return 'success';
  if (SYSTEM_CODES.test(code) || code === 'w_err') return 'unknown';
  if (/^f[a-z]*$/.test(code)) return 'failure';
  if (/^s[a-z]*$/.test(code)) return 'success';
  return 'unknown';
}

// Login, logout, signup, token exchange, silent auth, passwordless and MFA codes.
const AUTHN = /^(s|f|fp|fu|fc|fco|fcoa|fens|sens|w|slo|flo|ss|fs|ssa|fsa|cls|cs|sv|fv|svr|fvr|seacft|feacft|seccft|feccft|sede|fede|seoobft|feoobft|seotpft|feotpft|sepft|fepft|sercft|fercft|sertft|fertft|ferrt|srrt|sd|fd|scoa|limit_wc|limit_mu|limit_sul|pwd_leak|signup_pwd_leak|reset_pwd_leak|gd_\w+)$/;

function auth0Classify(code: string, description: string | null, outcome: Outcome): { category: Category; severity: Severity } {
  if (/^(limit_wc|limit_mu|limit_sul)$/.test(code) || /pwd_leak$/.test(code)) return { category: 'authentication', severity: 'warning' };
  if (/^gd_(unenroll|enrollment_complete|start_enroll)/.test(code)) return { category: 'authentication', severity: 'warning' };
  if (/^(scp|fcp|scpr|fcpr|fcph)$/.test(code)) return { category: 'authentication', severity: 'warning' };
  if (AUTHN.test(code)) return { category: 'authentication', severity: outcome === 'failure' ? 'warning' : 'info' };
  if (/^(du|fdu|sce|fce|scu|fcu|scpn|fcpn|ss|fs)$/.test(code)) return { category: 'user_management', severity: 'info' };
  if (code === 'mgmt_api_read') return { category: 'data_access', severity: 'info' };
  if (code === 'sapi' || code === 'fapi') {
    const d = description ?? '';
    // Tenant security settings, MFA, roles, client credentials and log streams are the controls an attacker weakens.
    if (/multi-factor|mfa|guardian|brute-force|breached password|suspicious ip|attack protection|risk assessment|anomaly/i.test(d)) {
      return { category: 'configuration', severity: /delete|disable/i.test(d) ? 'critical' : 'warning' };
    }
    // Log streams hide activity; signing keys, domains and login-time triggers/rules/hooks are persistence points.
    if (/log stream|signing key|custom domain|trigger|hook|\brules?\b/i.test(d)) return { category: 'configuration', severity: /delete|revoke/i.test(d) ? 'critical' : 'warning' };
    if (/role|permission|client grant|client credential|secret|tenant member|invitation/i.test(d)) return { category: 'authorization', severity: 'warning' };
    const c = classifyAction(d, outcome);
    return { category: c.category === 'other' ? 'configuration' : c.category, severity: outcome === 'failure' ? 'warning' : c.severity };
  }
  return classifyAction(description, outcome);
}

function actorOf(body: Rec, code: string): { actor: string | null; actorType: ActorType } {
  const authUser = getStr(body, 'details.request.auth.user.email') ?? getStr(body, 'details.request.auth.user.name') ?? getStr(body, 'details.request.auth.user.user_id');
  if (authUser) return { actor: authUser, actorType: 'user' };
  const user = str(body.user_name) ?? str(body.user_id);
  if (user) return { actor: user, actorType: 'user' };
  if (code === 'sapi' || code === 'fapi' || code === 'seccft' || code === 'feccft') {
    // Machine-to-machine calls authenticate as the client (application) itself.
    const client = str(body.client_name) ?? str(body.client_id);
    if (client) return { actor: client, actorType: 'service' };
  }
  return { actor: null, actorType: 'unknown' };
}

function locationOf(body: Rec): string | null {
  const l = isRecord(body.location_info) ? body.location_info : null;
  if (!l) return null;
  const parts = [str(l.city_name), str(l.subdivision_name) ?? str(l.subdivision_code), str(l.country_name) ?? str(l.country_code)].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

export function normalizeAuth0(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  const { body, logId } = bodyOf(record);
  const code = str(body.type);
  if (!code) return reject('no event type code');
  if (!('date' in body)) return reject('no date');
  const time = parseEventTime(body.date);
  if (!time) return reject(`date has no usable time: ${preview(body.date)}`);

  const description = str(body.description);
  const outcome = auth0Outcome(code);
  const { category, severity } = auth0Classify(code, description, outcome);
  const { actor, actorType } = actorOf(body, code);
  const path = getStr(body, 'details.request.path');
  const target = code === 'sapi' || code === 'fapi' ? path ?? str(body.client_name) : str(body.client_name) ?? str(body.connection);
  const targetType = (code === 'sapi' || code === 'fapi') && path ? 'api path' : target ? (str(body.client_name) ? 'application' : 'connection') : null;

  let summary = `${actor ?? '(unknown)'}: ${description ?? code}`;
  if (target && !summary.includes(target)) summary += ` (${target})`;

  return ok(
    makeEvent(time, {
      vendorId: logId ?? str(body.log_id) ?? str(body._id),
      actor,
      actorType,
      action: code,
      category,
      targetType,
      target,
      outcome,
      severity,
      sourceIp: clientIp(str(body.ip)),
      userAgent: str(body.user_agent) ?? getStr(body, 'details.request.userAgent'),
      location: locationOf(body),
      sessionId: firstStr(body, 'session_id', 'details.session_id', 'details.session.id'),
      summary,
      attributes: compactAttributes({
        description,
        clientId: body.client_id,
        clientName: body.client_name,
        connection: body.connection,
        strategy: body.strategy,
        userId: body.user_id,
        audience: body.audience,
        scope: Array.isArray(body.scope) ? body.scope.join(' ') : body.scope,
        hostname: body.hostname,
        method: getStr(body, 'details.request.method'),
        statusCode: getStr(body, 'details.response.statusCode'),
      }),
    }),
  );
}

export const auth0Format: FormatModule = {
  id: 'auth0',
  label: 'Auth0 tenant logs',
  detect: (sample) => 0.9 * shareMatching(sample, isAuth0Log),
  normalize: (record) => normalizeAuth0(record),
};
