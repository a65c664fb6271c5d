import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import { compactAttributes, getStr, isRecord, makeEvent, ok, preview, reject, shareMatching, str, type Rec } from './common.js';
import { clientIp } from './net.js';
import { parseEventTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/**
 * Slack Enterprise Grid Audit Logs API entries (`/audit/v1/logs`): id, date_create (epoch seconds), action,
 * actor {type, user}, entity {type, <type>: {...}}, context {location, ua, ip_address, session_id}, details.
 */

function isSlackEntry(r: Rec): boolean {
  return Boolean(str(r.action)) && isRecord(r.actor) && 'type' in r.actor && (isRecord(r.context) || 'date_create' in r);
}

/** The object under actor.user / entity.<type>: Slack nests the details under the type's own name. */
function nested(v: unknown): Rec | null {
  if (!isRecord(v)) return null;
  const type = str(v.type);
  const inner = type ? v[type] : null;
  return isRecord(inner) ? inner : null;
}

function nameOf(o: Rec | null): string | null {
  return o ? str(o.email) ?? str(o.name) ?? str(o.domain) ?? str(o.id) : null;
}

function actorTypeOf(type: string | null): ActorType {
  if (type === 'user') return 'user';
  if (type === 'app' || type === 'bot' || type === 'workflow') return 'service';
  if (type === 'system') return 'system';
  return 'unknown';
}

// Slack's action catalogue, grouped. Order matters: the first matching rule wins.
const RULES: [RegExp, Category, Severity][] = [
  [/^user_login_failed$/, 'authentication', 'warning'],
  [/^(user_login|user_logout|user_session_|user_session_invalidated|user_session_reset)/, 'authentication', 'info'],
  [/export/, 'export', 'warning'],
  [/^anomaly$/, 'other', 'warning'],
  // Identity-provider configuration decides who can sign in at all.
  [/^idp_.*(deleted|removed|disabled)/, 'configuration', 'critical'],
  [/^idp_/, 'configuration', 'warning'],
  [/^(pref_sso|pref_two_factor|pref_session|ekm_|pref_.*retention|legal_hold|intune_|pref_.*(mfa|2fa)|audit_logs)/, 'configuration', 'warning'],
  [/^role_change_to_(owner|admin)|^primary_owner|^owner_transferred|permissions_(assigned|removed|updated)|^app_scopes_expanded|^app_installed|^app_approved|^bot_token|^app_token|^app_resources_added|^service_owner/, 'authorization', 'warning'],
  [/^role_change|^app_(restricted|removed|uninstalled|resources)/, 'authorization', 'info'],
  [/^(user_created|user_deactivated|user_reactivated|guest_|user_email_updated|user_channel_join|user_channel_leave|user_added_to|user_removed_from|user_.*invite|team_.*member)/, 'user_management', 'info'],
  [/^file_public_link_created|^file_shared|^channel_.*shared|^shared_channel/, 'export', 'warning'],
  [/^file_(downloaded|viewed|previewed)|^channel_read|_read$/, 'data_access', 'info'],
  [/^pref_|^(workspace|organization)_(created|deleted|accepted|declined|renamed)/, 'configuration', 'info'],
];

function slackClassify(action: string, outcome: Outcome): { category: Category; severity: Severity } {
  for (const [re, category, severity] of RULES) if (re.test(action)) return { category, severity };
  return classifyAction(action, outcome);
}

export function normalizeSlack(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  if (!('date_create' in record)) return reject('no date_create');
  const time = parseEventTime(record.date_create);
  if (!time) return reject(`date_create has no usable time: ${preview(record.date_create)}`);

  const action = str(record.action);
  const actorObj = nested(record.actor);
  const actor = nameOf(actorObj);
  const entityType = getStr(record, 'entity.type');
  const entityObj = nested(record.entity);
  const target = nameOf(entityObj);
  // Slack records that a login happened or failed; for any other action the entry states no result.
  const outcome: Outcome = action === 'user_login' ? 'success' : action === 'user_login_failed' ? 'failure' : 'unknown';
  const { category, severity } = action ? slackClassify(action, outcome) : { category: 'other' as Category, severity: 'info' as Severity };
  const ctx = isRecord(record.context) ? record.context : {};
  const workspace = getStr(ctx, 'location.name') ?? getStr(ctx, 'location.domain');

  let summary = [actor ?? '(unknown actor)', action ?? '(no action)'].join(' ');
  if (target && target !== actor) summary += ` ${entityType ?? ''} ${target}`.replace(/\s+/g, ' ');
  if (workspace) summary += ` in ${workspace}`;

  return ok(
    makeEvent(time, {
      vendorId: str(record.id),
      actor,
      actorType: actorTypeOf(getStr(record, 'actor.type')),
      action,
      category,
      targetType: entityType,
      target,
      outcome,
      severity,
      sourceIp: clientIp(str(ctx.ip_address)),
      userAgent: str(ctx.ua),
      sessionId: str(ctx.session_id),
      summary,
      attributes: compactAttributes({
        actorId: actorObj?.id,
        entityId: entityObj?.id,
        workspace,
        workspaceType: getStr(ctx, 'location.type'),
        workspaceId: getStr(ctx, 'location.id'),
        detailsReason: getStr(record, 'details.reason'),
        detailsType: getStr(record, 'details.type'),
        previousRole: getStr(record, 'details.previous_role'),
        newRole: getStr(record, 'details.new_role'),
      }),
    }),
  );
}

export const slackFormat: FormatModule = {
  id: 'slack',
  label: 'Slack audit logs',
  detect: (sample) => 0.9 * shareMatching(sample, isSlackEntry),
  normalize: (record) => normalizeSlack(record),
};
