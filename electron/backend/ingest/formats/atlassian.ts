import type { Category, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import { compactAttributes, getStr, isRecord, makeEvent, ok, preview, reject, shareMatching, str, type Rec } from './common.js';
import { normalizeBatch } from './envelope.js';
import { clientIp } from './net.js';
import { parseEventTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/**
 * Atlassian audit logs: the Cloud organization audit log (Admin API `/admin/v1/orgs/{id}/events`: `{id, type,
 * attributes: {time, action, actor, context[], container[], location}, message}`, also as the API page
 * `{data: [...], links, meta}`), Jira Cloud audit records (`/rest/api/3/auditing/record`: created, summary,
 * authorAccountId, objectItem) and Confluence audit records (`/wiki/rest/api/audit`: creationDate, author, affectedObject).
 */

type Kind = 'org' | 'jira' | 'confluence';

function kindOf(r: Rec): Kind | null {
  if (isRecord(r.attributes) && 'time' in r.attributes && 'action' in r.attributes) return 'org';
  if ('created' in r && 'summary' in r && ('objectItem' in r || 'authorAccountId' in r || 'authorKey' in r)) return 'jira';
  if ('creationDate' in r && 'summary' in r && (isRecord(r.author) || 'affectedObject' in r)) return 'confluence';
  return null;
}

const RULES: [RegExp, Category, Severity][] = [
  // Logging in as another user is admin impersonation: legitimate support work, or an attacker's favourite trick.
  [/logged_in_as|impersonat/i, 'authorization', 'critical'],
  [/api_token|api[_ ]key|token_(created|revoked)/i, 'authorization', 'warning'],
  [/(two_step|2sv|mfa|sso|saml|authentication_policy|password_policy|idp|identity_provider).*(disabled|removed|deleted)|audit_log.*(disabled|deleted)/i, 'configuration', 'critical'],
  [/two_step|2sv|mfa|sso|saml|authentication_policy|password_policy|idp|identity_provider|audit_log|ip_allowlist|data_security_policy/i, 'configuration', 'warning'],
  [/(admin|role|permission|product_access|org_admin|site_admin).*(granted|added|revoked|removed|changed)|granted.*(admin|access)/i, 'authorization', 'warning'],
  [/login|logged_in|logout|sign_?in/i, 'authentication', 'info'],
  [/user|group|member|account|invit/i, 'user_management', 'info'],
  [/export|backup/i, 'export', 'warning'],
];

function classify(action: string | null): { category: Category; severity: Severity } {
  if (action) for (const [re, category, severity] of RULES) if (re.test(action)) return { category, severity };
  return classifyAction(action);
}

function orgEvent(r: Rec): NormalizeResult {
  const a = r.attributes as Rec;
  const time = parseEventTime(a.time);
  if (!time) return reject(`attributes.time has no usable time: ${preview(a.time)}`);
  const action = str(a.action);
  const actor = getStr(a, 'actor.email') ?? getStr(a, 'actor.name') ?? getStr(a, 'actor.id');
  const context = Array.isArray(a.context) ? a.context.filter(isRecord) : [];
  const container = Array.isArray(a.container) ? a.container.filter(isRecord) : [];
  const first = context[0] ?? container[0];
  const target = first ? getStr(first, 'attributes.email') ?? getStr(first, 'attributes.name') ?? getStr(first, 'attributes.siteName') ?? str(first.id) : null;
  const { category, severity } = classify(action);
  const loc = isRecord(a.location) ? a.location : {};
  const place = [str(loc.city), str(loc.regionName), str(loc.countryName)].filter(Boolean).join(', ') || null;
  const message = getStr(r, 'message.content');
  return ok(
    makeEvent(time, {
      vendorId: str(r.id),
      actor,
      actorType: actor ? 'user' : 'unknown',
      action,
      category,
      targetType: first ? str(first.type) : null,
      target,
      outcome: 'unknown',
      severity,
      sourceIp: clientIp(str(loc.ip)),
      location: place,
      summary: message ? `${actor ?? '(unknown actor)'}: ${message}` : null,
      attributes: compactAttributes({
        site: getStr(container[0], 'attributes.siteName') ?? getStr(container[0], 'attributes.siteHostName'),
        actorName: getStr(a, 'actor.name'),
        actorId: getStr(a, 'actor.id'),
      }),
    }),
  );
}

function jiraOrConfluence(r: Rec, kind: 'jira' | 'confluence'): NormalizeResult {
  const key = kind === 'jira' ? 'created' : 'creationDate';
  const time = parseEventTime(r[key]);
  if (!time) return reject(`${key} has no usable time: ${preview(r[key])}`);
  const summaryText = str(r.summary);
  const actor = kind === 'jira'
    ? str(r.authorAccountId) ?? str(r.authorKey)
    : getStr(r, 'author.displayName') ?? getStr(r, 'author.username') ?? getStr(r, 'author.accountId');
  const object = kind === 'jira' ? (isRecord(r.objectItem) ? r.objectItem : {}) : (isRecord(r.affectedObject) ? r.affectedObject : {});
  const target = str(object.name) ?? str(object.id);
  const targetType = str(object.typeName) ?? str(object.objectType);
  const { category, severity } = classify(`${str(r.category) ?? ''} ${summaryText ?? ''}`.replace(/\s+/g, '_'));
  return ok(
    makeEvent(time, {
      vendorId: str(r.id),
      actor,
      actorType: actor ? 'user' : 'unknown',
      action: summaryText,
      category,
      targetType,
      target,
      outcome: 'unknown',
      severity,
      sourceIp: clientIp(str(r.remoteAddress)),
      summary: `${actor ?? '(unknown author)'}: ${summaryText ?? '(no summary)'}${target ? ` -> ${target}` : ''}`,
      attributes: compactAttributes({ auditCategory: r.category, eventSource: r.eventSource, description: r.description, product: kind }),
    }),
  );
}

function normalizeOne(r: Rec): NormalizeResult {
  const kind = kindOf(r);
  if (kind === 'org') return orgEvent(r);
  if (kind) return jiraOrConfluence(r, kind);
  return reject('not an Atlassian audit event (no attributes.time/action, created or creationDate)');
}

export function normalizeAtlassian(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  // A whole API page: `{data: [...]}` (org events) or `{records: [...]}` (Jira).
  for (const key of ['data', 'records', 'results']) {
    const items = record[key];
    if (Array.isArray(items) && items.length > 0 && isRecord(items[0]) && kindOf(items[0])) return normalizeBatch(items, key, normalizeOne);
  }
  return normalizeOne(record);
}

export const atlassianFormat: FormatModule = {
  id: 'atlassian',
  label: 'Atlassian audit log',
  detect: (sample) =>
    0.9 * shareMatching(sample, (r) => {
      if (kindOf(r)) return true;
      const page = ['data', 'records', 'results'].map((k) => r[k]).find(Array.isArray);
      return Boolean(page && page.length > 0 && isRecord(page[0]) && kindOf(page[0]));
    }),
  normalize: (record) => normalizeAtlassian(record),
};
