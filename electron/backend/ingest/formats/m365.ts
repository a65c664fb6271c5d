import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import {
  compactAttributes, getStr, isRecord, lowerKeys, makeEvent, ok, parseJsonText, preview, reject, shareMatching, str,
  type Rec,
} from './common.js';
import { clientIp } from './net.js';
import { NO_ZONE_NOTE, parseEventTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/**
 * Microsoft 365 unified audit log (UAL): Office 365 Management Activity API records, the Purview / Search-
 * UnifiedAuditLog export (CreationDate, UserIds, Operations and the full record as JSON text in AuditData), and the
 * Sentinel OfficeActivity table. Keys are read case-insensitively: some pipelines lower-case them.
 */

function isApiRecord(l: Rec): boolean {
  return 'creationtime' in l && 'operation' in l && ('recordtype' in l || 'workload' in l) && ('id' in l || 'organizationid' in l);
}
function isExportRow(l: Rec): boolean {
  return 'auditdata' in l && ('creationdate' in l || 'operations' in l || 'operation' in l);
}
function isOfficeActivity(l: Rec): boolean {
  return 'timegenerated' in l && 'operation' in l && ('officeworkload' in l || 'officeid' in l || ('recordtype' in l && 'userid' in l));
}

/** UserType: 0 Regular, 1 Reserved, 2 Admin, 3 DcAdmin, 4 System, 5 Application, 6 ServicePrincipal, 7-8 policies. */
function actorTypeOf(userType: unknown, actor: string | null): ActorType {
  const t = str(userType)?.toLowerCase();
  if (t === '0' || t === '2' || t === 'regular' || t === 'admin') return 'user';
  if (t === '3' || t === '4' || t === '7' || t === '8' || t === 'dcadmin' || t === 'system' || t === 'custompolicy' || t === 'systempolicy') return 'system';
  if (t === '5' || t === '6' || t === 'application' || t === 'serviceprincipal') return 'service';
  return actor && actor.includes('@') ? 'user' : 'unknown';
}

function outcomeOf(l: Rec, op: string | null): Outcome {
  if (op === 'UserLoginFailed') return 'failure';
  const s = str(l.resultstatus)?.toLowerCase();
  if (s === 'succeeded' || s === 'success' || s === 'true') return 'success';
  if (s === 'failed' || s === 'failure' || s === 'false') return 'failure';
  return 'unknown';
}

/** Exchange cmdlet parameters `[{Name, Value}]` as `Name=Value; ...`. */
function parametersOf(l: Rec): { text: string | null; get: (name: string) => string | null } {
  const list = Array.isArray(l.parameters) ? l.parameters.filter(isRecord) : [];
  const pairs = list.map((p) => [str(p.Name ?? p.name) ?? '', str(p.Value ?? p.value) ?? ''] as const);
  const text = pairs.length > 0 ? pairs.map(([n, v]) => `${n}=${v}`).join('; ') : null;
  return {
    text: text && text.length > 500 ? `${text.slice(0, 500)}…` : text,
    get: (name) => pairs.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1] ?? null,
  };
}

const SHARING = /^(AnonymousLinkCreated|AnonymousLinkUsed|CompanyLinkCreated|SharingSet|SharingInvitationCreated|AddedToSecureLink|SecureLinkCreated)$/;
const EXPORTS = /SearchExported|ExportReport|ExportedReport|DownloadedReport|New-ComplianceSearchAction/;
const PERMISSIONS = /^(Add|Remove)-(MailboxPermission|RecipientPermission|MailboxFolderPermission|ADPermission)|^(Add|Remove) (member to role|app role assignment|delegated permission grant)|^Consent to application|^Add-RoleGroupMember|^New-ManagementRoleAssignment/;
const MAIL_RULES = /^(New|Set|Enable)-(InboxRule|TransportRule)$|^UpdateInboxRules$/;

function m365Classify(op: string, l: Rec, params: ReturnType<typeof parametersOf>, outcome: Outcome): { category: Category; severity: Severity } {
  if (op === 'UserLoggedIn') return { category: 'authentication', severity: 'info' };
  if (op === 'UserLoginFailed') return { category: 'authentication', severity: 'warning' };
  if (/^Set-(AdminAuditLogConfig|MailboxAuditBypassAssociation|OrganizationConfig)$|^Set-Mailbox$/.test(op)) {
    const disablesAudit = params.get('UnifiedAuditLogIngestionEnabled') === 'False' || params.get('AuditBypassEnabled') === 'True'
      || params.get('AuditEnabled') === 'False' || params.get('AuditLogAgeLimit') !== null && /^0/.test(params.get('AuditLogAgeLimit') ?? '');
    if (disablesAudit) return { category: 'configuration', severity: 'critical' };
    // Mail forwarding to an outside address is the classic business-email-compromise exfiltration step.
    if (params.get('ForwardingSmtpAddress') || params.get('ForwardingAddress')) return { category: 'configuration', severity: 'warning' };
    return { category: 'configuration', severity: /Audit/.test(op) ? 'warning' : 'info' };
  }
  if (MAIL_RULES.test(op)) return { category: 'configuration', severity: 'warning' };
  if (PERMISSIONS.test(op)) return { category: 'authorization', severity: 'warning' };
  if (SHARING.test(op)) return { category: 'export', severity: /Anonymous/.test(op) ? 'warning' : 'info' };
  if (EXPORTS.test(op)) return { category: 'export', severity: 'warning' };
  if (/^(MailItemsAccessed|FileAccessed|FileDownloaded|FilePreviewed|FileSyncDownloaded\w*|SearchQueryPerformed|MessageBind|FolderBind)$/.test(op)) {
    return { category: 'data_access', severity: 'info' };
  }
  const words = op.replace(/^(\w+)-/, '$1 ').replace(/\.$/, '');
  const c = classifyAction(words, outcome);
  if (c.category === 'other' && str(l.workload) === 'Exchange' && /^(New|Set|Remove|Add|Enable|Disable)-/.test(op)) {
    return { category: 'configuration', severity: c.severity };
  }
  return c;
}

function normalizeUal(l: Rec, timeKey: string, extraNotes: string[] = []): NormalizeResult {
  const rawTime = l[timeKey];
  const time = parseEventTime(rawTime);
  if (!time) return reject(rawTime === undefined ? `no ${timeKey}` : `${timeKey} has no usable time: ${preview(rawTime)}`);
  // CreationTime is documented as UTC; exporters only drop the Z.
  if (time.note === NO_ZONE_NOTE) delete time.note;

  const op = str(l.operation);
  const actor = str(l.userid);
  const outcome = outcomeOf(l, op);
  const params = parametersOf(l);
  const { category, severity } = op ? m365Classify(op, l, params, outcome) : { category: 'other' as Category, severity: 'info' as Severity };
  const target = str(l.mailboxownerupn) && /Mail|Folder|Message/.test(op ?? '') ? str(l.mailboxownerupn)
    : params.get('Identity') ?? str(l.objectid) ?? str(l.sourcefilename);
  const extended = Array.isArray(l.extendedproperties) ? l.extendedproperties.filter(isRecord) : [];
  const ua = str(l.useragent) ?? str(extended.find((p) => str(p.Name) === 'UserAgent')?.Value) ?? str(l.clientinfostring);
  const ip = clientIp(str(l.clientip) ?? str(l.client_ipaddress) ?? str(l.clientipaddress) ?? str(l.actoripaddress));
  const status = str(l.resultstatus);

  let summary = [actor ?? '(unknown user)', op ?? '(no operation)', target].filter(Boolean).join(' ');
  if (outcome === 'failure') summary += ` (${status && /fail|false/i.test(status) ? status : 'failed'})`;
  else if (outcome === 'unknown' && status) summary += ` (${status})`;

  return ok(
    makeEvent(time, {
      vendorId: str(l.id) ?? str(l.officeid),
      actor,
      actorType: actorTypeOf(l.usertype, actor),
      action: op,
      category,
      targetType: str(l.itemtype) ?? (str(l.mailboxownerupn) && target === str(l.mailboxownerupn) ? 'mailbox' : null),
      target,
      outcome,
      severity,
      sourceIp: ip,
      userAgent: ua,
      sessionId: str(l.sessionid) ?? getStr(l.appaccesscontext, 'AADSessionId'),
      summary,
      notes: extraNotes,
      attributes: compactAttributes({
        workload: l.workload ?? l.officeworkload,
        recordType: l.recordtype,
        userType: l.usertype,
        resultStatus: status,
        objectId: l.objectid,
        parameters: params.text,
        appId: str(l.appid) ?? str(l.clientappid),
        organization: l.organizationname,
        siteUrl: l.siteurl,
        mailboxOwner: l.mailboxownerupn,
        logonType: l.logon_type ?? l.logontype,
        clientIp: l.clientip ?? l.client_ipaddress,
      }),
    }),
  );
}

export function normalizeM365(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  const l = lowerKeys(record);
  if (isExportRow(l)) {
    const inner = parseJsonText(l.auditdata) ?? (isRecord(l.auditdata) ? l.auditdata : null);
    if (isRecord(inner)) return normalizeUal(lowerKeys(inner), 'creationtime');
    // AuditData unreadable (truncated by a spreadsheet, say): the outer columns still say who did what when.
    const outer = { ...l, operation: l.operations ?? l.operation, userid: l.userids ?? l.userid };
    return normalizeUal(outer, 'creationdate', ['AuditData is not valid JSON; mapped from the export columns']);
  }
  if (isApiRecord(l)) return normalizeUal(l, 'creationtime');
  if (isOfficeActivity(l)) return normalizeUal(l, 'timegenerated');
  return reject('not a unified audit log record (no CreationTime/Operation, AuditData or TimeGenerated)');
}

export const m365Format: FormatModule = {
  id: 'm365',
  label: 'Microsoft 365 unified audit log',
  detect(sample, ctx) {
    if (ctx.csvHeader) {
      const h = new Set(ctx.csvHeader.map((c) => c.replace(/^\uFEFF/, '').trim().toLowerCase()));
      return h.has('auditdata') && (h.has('creationdate') || h.has('operations') || h.has('operation')) ? 0.95 : 0;
    }
    return 0.9 * shareMatching(sample, (r) => {
      const l = lowerKeys(r);
      return isApiRecord(l) || isExportRow(l) || isOfficeActivity(l);
    });
  },
  normalize: (record) => normalizeM365(record),
};
