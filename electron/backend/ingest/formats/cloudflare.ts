import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import { compactAttributes, firstStr, get, isRecord, makeEvent, ok, outcomeOf, preview, reject, shareMatching, str, type Rec } from './common.js';
import { clientIp } from './net.js';
import { parseEventTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/**
 * Cloudflare account audit logs in their four shapes: API v1 (`/accounts/{id}/audit_logs`: when, action{type,
 * result}, actor{email, ip, type}, resource{id, type}), Logpush `audit_logs` (When, ActionType, ActionResult,
 * ActorEmail, ActorIP...), API v2 (`/accounts/{id}/logs/audit`: action{time, type, result, description},
 * actor{email, ip_address, type, token_name}, resource{product, type, id}, raw{user_agent, status_code}) and
 * Logpush `audit_logs_v2` (ActionTimestamp, AuditLogID, ActorIPAddress...).
 */

interface Flat {
  id: string | null;
  time: unknown;
  timeKey: string;
  action: string | null;
  description: string | null;
  result: unknown;
  actorEmail: string | null;
  actorId: string | null;
  actorType: string | null;
  ip: string | null;
  ua: string | null;
  resourceType: string | null;
  resourceId: string | null;
  product: string | null;
  iface: string | null;
  token: string | null;
  zone: string | null;
  statusCode: string | null;
}

function flatten(r: Rec): Flat | null {
  if ('When' in r && 'ActionType' in r) {
    return { id: str(r.ID), time: r.When, timeKey: 'When', action: str(r.ActionType), description: null, result: r.ActionResult,
      actorEmail: str(r.ActorEmail), actorId: str(r.ActorID), actorType: str(r.ActorType), ip: str(r.ActorIP), ua: null,
      resourceType: str(r.ResourceType), resourceId: str(r.ResourceID), product: null, iface: str(r.Interface), token: null,
      zone: null, statusCode: null };
  }
  if ('ActionTimestamp' in r && 'ActionType' in r) {
    return { id: str(r.AuditLogID), time: r.ActionTimestamp, timeKey: 'ActionTimestamp', action: str(r.ActionType),
      description: str(r.ActionDescription), result: r.ActionResult, actorEmail: str(r.ActorEmail), actorId: str(r.ActorID),
      actorType: str(r.ActorType), ip: str(r.ActorIPAddress), ua: firstStr(r.Raw, 'user_agent', 'UserAgent'),
      resourceType: str(r.ResourceType), resourceId: str(r.ResourceID), product: str(r.ResourceProduct), iface: str(r.ActorContext),
      token: firstStr(r.ActorTokenDetails, 'name', 'token_name'), zone: str(r.ZoneName), statusCode: firstStr(r.Raw, 'status_code') };
  }
  if (!isRecord(r.action) || !isRecord(r.actor)) return null;
  if ('when' in r) {
    return { id: str(r.id), time: r.when, timeKey: 'when', action: str(r.action.type), description: null, result: r.action.result,
      actorEmail: str(r.actor.email), actorId: str(r.actor.id), actorType: str(r.actor.type), ip: str(r.actor.ip), ua: null,
      resourceType: firstStr(r.resource, 'type'), resourceId: firstStr(r.resource, 'id'), product: null, iface: str(r.interface),
      token: null, zone: firstStr(r.metadata, 'zone_name'), statusCode: null };
  }
  if ('time' in r.action) {
    return { id: str(r.id), time: r.action.time, timeKey: 'action.time', action: str(r.action.type), description: str(r.action.description),
      result: r.action.result, actorEmail: str(r.actor.email), actorId: str(r.actor.id), actorType: str(r.actor.type),
      ip: str(r.actor.ip_address), ua: firstStr(r.raw, 'user_agent'), resourceType: firstStr(r.resource, 'type'),
      resourceId: firstStr(r.resource, 'id'), product: firstStr(r.resource, 'product'), iface: str(r.actor.context),
      token: str(r.actor.token_name) ?? str(r.actor.token_id), zone: firstStr(r.zone, 'name'), statusCode: firstStr(r.raw, 'status_code') };
  }
  return null;
}

function actorTypeOf(type: string | null, token: string | null): ActorType {
  const t = type?.toLowerCase();
  if (t === 'user' || t === 'admin' || t === 'account') return token ? 'api_key' : 'user';
  if (t === 'cloudflare' || t === 'cloudflare_admin' || t === 'system') return 'system';
  return token ? 'api_key' : 'unknown';
}

const RULES: [RegExp, Category, Severity][] = [
  [/login|logout|sign_?in|2fa|two_factor|mfa/i, 'authentication', 'info'],
  [/(token|api_key|apikey).*(create|roll|delete|update|regenerate)|(create|roll|delete|update|regenerate).*(token|api_key)/i, 'authorization', 'warning'],
  [/member|invite|role|permission/i, 'authorization', 'warning'],
  [/(audit|logpush|log_push).*(delete|disable)|(delete|disable).*(logpush|audit)/i, 'configuration', 'critical'],
  [/waf|firewall|ruleset|access_(policy|app|group)|ssl|tls|dns_?sec|security_level|page_?rule|rate_?limit/i, 'configuration', 'warning'],
  [/setting|config|change_setting|rec_(add|set|del)|dns/i, 'configuration', 'info'],
];

function classify(action: string | null, resourceType: string | null, outcome: Outcome): { category: Category; severity: Severity } {
  const text = `${action ?? ''} ${resourceType ?? ''}`;
  for (const [re, category, severity] of RULES) {
    if (re.test(text)) return { category, severity: category === 'authentication' && outcome === 'failure' ? 'warning' : severity };
  }
  return classifyAction(action, outcome);
}

export function normalizeCloudflare(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  const f = flatten(record);
  if (!f) return reject('not a Cloudflare audit log entry');
  const time = parseEventTime(f.time);
  if (!time) return reject(`${f.timeKey} has no usable time: ${preview(f.time)}`);
  // v1 has a boolean result, v2 the words "success"/"failure".
  const outcome = outcomeOf(f.result);
  const { category, severity } = classify(f.action, f.resourceType, outcome);
  const actor = f.actorEmail ?? f.token ?? f.actorId;
  const target = f.resourceId ?? f.zone;
  let summary = [actor ?? '(unknown actor)', f.description ?? f.action ?? '(no action)', f.resourceType, target].filter(Boolean).join(' ');
  if (outcome === 'failure') summary += ' (failed)';
  return ok(
    makeEvent(time, {
      vendorId: f.id,
      actor,
      actorType: actorTypeOf(f.actorType, f.token),
      action: f.action,
      category,
      targetType: f.resourceType,
      target,
      outcome,
      severity,
      sourceIp: clientIp(f.ip),
      userAgent: f.ua,
      summary,
      attributes: compactAttributes({
        interface: f.iface, product: f.product, zone: f.zone, token: f.token, statusCode: f.statusCode,
        actorId: f.actorId, description: f.description,
        newValue: summarizeValue(get(record, 'newValue') ?? get(record, 'NewValue')),
        oldValue: summarizeValue(get(record, 'oldValue') ?? get(record, 'OldValue')),
      }),
    }),
  );
}

function summarizeValue(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

export const cloudflareFormat: FormatModule = {
  id: 'cloudflare',
  label: 'Cloudflare audit logs',
  detect: (sample) => 0.9 * shareMatching(sample, (r) => flatten(r) !== null),
  normalize: (record) => normalizeCloudflare(record),
};
