import type { ActorType, Category, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import {
  compactAttributes, getStr, isRecord, makeEvent, ok, preview, reject, shareMatching, str, type Rec,
} from './common.js';
import { clientIp } from './net.js';
import { parseEventTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/**
 * GitHub organization/enterprise audit log events (REST `/orgs/{org}/audit-log`, exports, audit-log streaming).
 * `@timestamp` is when the action happened and `created_at` when it was recorded, both epoch milliseconds; exports
 * that cannot keep an `@` in a column name write `at_sign_timestamp`. GitHub records completed actions without an
 * outcome field, so outcome stays unknown.
 */

const TIME_KEYS = ['@timestamp', 'at_sign_timestamp', 'created_at'] as const;

function isGitHubEvent(r: Rec): boolean {
  // GitHub's actor is a login string (Slack's, for one, is an object).
  if (!str(r.action) || (typeof r.actor !== 'string' && r.actor !== undefined)) return false;
  if ('_document_id' in r) return true;
  const hasTime = TIME_KEYS.some((k) => k in r);
  const hasScope = ['org', 'repo', 'business', 'repository', 'actor_location', 'operation_type'].some((k) => k in r);
  return hasTime && hasScope && typeof r.actor === 'string';
}

// Turning off a security control is how an attacker prepares exfiltration or persistence; changing one is a warning.
const SECURITY_CONTROLS =
  /secret_scanning|dependabot|two_factor|saml|ip_allow_list|oauth_app_restrictions|advanced_security|protected_branch|ruleset|code_scanning|audit_log_stream|sso|vulnerability_alert|security_/;
const WEAKENING = /disable|destroy|delete|remove|dismiss|policy_override|saml_disabled|\.disabled$/;
const CREDENTIALS = /^(public_key|deploy_key|personal_access_token|oauth_access|oauth_authorization|integration_installation|ssh_certificate|org_credential_authorization|hashed_token)\b|\.(regenerate|revoke)_?/;
const PRIVILEGE = /add_admin|invite_admin|remove_admin|promote|demote|update_member|moderators|admin_role|\.update_member_repository_creation_permission|set_default_workflow_permissions|custom_role|role/;
const MEMBERSHIP = /^(org|team|business|enterprise)\.(add|remove|invite|reinstate|block|unblock)_|^team\.|^repo\.(add|remove)_member|invite_member|invite_user|^members_can/;

function githubClassify(action: string): { category: Category; severity: Severity } {
  if (/^git\.(clone|fetch)/.test(action)) return { category: 'data_access', severity: 'info' };
  if (action === 'git.push') return { category: 'resource_change', severity: 'info' };
  if (/^user\.(login|logout|failed_login|two_factor_challenge)/.test(action)) {
    return { category: 'authentication', severity: action.includes('failed') ? 'warning' : 'info' };
  }
  if (SECURITY_CONTROLS.test(action)) {
    return { category: 'configuration', severity: WEAKENING.test(action) ? 'critical' : 'warning' };
  }
  if (CREDENTIALS.test(action)) return { category: 'authorization', severity: 'warning' };
  if (PRIVILEGE.test(action)) return { category: 'authorization', severity: 'warning' };
  if (MEMBERSHIP.test(action)) return { category: 'user_management', severity: 'info' };
  if (/^hook\.|^org\.(update|config)|^enterprise\.config|^business\./.test(action)) return { category: 'configuration', severity: 'info' };
  if (/^repo\.(destroy|transfer)|^repo\.access$/.test(action)) return { category: 'resource_change', severity: 'warning' };
  if (/^workflows\./.test(action)) return { category: 'other', severity: 'info' };
  return classifyAction(action);
}

function githubTarget(r: Rec, action: string): { target: string | null; targetType: string | null; scope: string | null } {
  const user = str(r.user);
  const repo = str(r.repo) ?? str(r.repository);
  const team = str(r.team);
  const org = str(r.org);
  const business = str(r.business);
  const aboutPeople = /member|user|admin|collaborator|moderator|maintainer|invite|block/.test(action);
  if (aboutPeople && user) return { target: user, targetType: 'user', scope: repo ?? team ?? org ?? business };
  if (repo) return { target: repo, targetType: 'repository', scope: null };
  if (team) return { target: team, targetType: 'team', scope: org };
  if (org) return { target: org, targetType: 'organization', scope: null };
  if (business) return { target: business, targetType: 'enterprise', scope: null };
  if (user) return { target: user, targetType: 'user', scope: null };
  return { target: null, targetType: null, scope: null };
}

function actorTypeOf(r: Rec, actor: string | null): ActorType {
  if (!actor) return 'unknown';
  if (r.actor_is_bot === true || /\[bot\]$/.test(actor)) return 'service';
  return 'user';
}

function locationOf(r: Rec): string | null {
  const l = isRecord(r.actor_location) ? r.actor_location : null;
  if (!l) return null;
  const parts = [str(l.city), str(l.region), str(l.country_name) ?? str(l.country_code)].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

export function normalizeGitHub(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  const key = TIME_KEYS.find((k) => k in record && record[k] !== null);
  if (!key) return reject(`no event time (looked for: ${TIME_KEYS.join(', ')})`);
  const time = parseEventTime(record[key]);
  if (!time) return reject(`${key} has no usable time: ${preview(record[key])}`);
  const recorded = key !== 'created_at' ? parseEventTime(record.created_at) : null;

  const action = str(record.action);
  const actor = str(record.actor);
  const { category, severity } = action ? githubClassify(action) : { category: 'other' as const, severity: 'info' as const };
  const { target, targetType, scope } = githubTarget(record, action ?? '');
  let summary = [actor ?? '(unknown actor)', action ?? '(no action)', target].filter(Boolean).join(' ');
  if (scope) summary += ` in ${scope}`;

  return ok(
    makeEvent(time, {
      receivedTime: recorded?.iso ?? null,
      vendorId: str(record._document_id),
      actor,
      actorType: actorTypeOf(record, actor),
      action,
      category,
      targetType,
      target,
      severity,
      sourceIp: clientIp(str(record.actor_ip)),
      userAgent: str(record.user_agent),
      location: locationOf(record),
      summary,
      attributes: compactAttributes({
        org: record.org,
        repo: record.repo ?? record.repository,
        business: record.business,
        user: record.user,
        team: record.team,
        operationType: record.operation_type,
        programmaticAccessType: record.programmatic_access_type,
        hashedToken: record.hashed_token,
        tokenId: record.token_id,
        tokenScopes: record.token_scopes,
        externalIdentity: record.external_identity_nameid ?? record.external_identity_username,
        visibility: record.visibility,
        requestId: getStr(record, 'request_id'),
      }),
    }),
  );
}

export const gitHubFormat: FormatModule = {
  id: 'github',
  label: 'GitHub audit log',
  detect: (sample) => 0.9 * shareMatching(sample, isGitHubEvent),
  normalize: (record) => normalizeGitHub(record),
};
