import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import { compactAttributes, isRecord, makeEvent, ok, preview, reject, shareMatching, str, type Rec } from './common.js';
import { clientIp } from './net.js';
import { NO_ZONE_NOTE, parseEventTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/**
 * Salesforce Event Monitoring: EventLogFile rows (CSV files or their JSON conversion, upper-case columns:
 * EVENT_TYPE, TIMESTAMP `yyyyMMddHHmmss.SSS` and TIMESTAMP_DERIVED ISO-8601, both documented as GMT) and
 * Real-Time Event Monitoring objects (LoginEventStream / LoginEvent...: EventDate, Username, SourceIp, Status).
 */

type Kind = 'elf' | 'rtem';

function kindOf(r: Rec): Kind | null {
  if ('EVENT_TYPE' in r && ('TIMESTAMP' in r || 'TIMESTAMP_DERIVED' in r)) return 'elf';
  if ('EventDate' in r && ('EventIdentifier' in r || 'Username' in r) && ('SourceIp' in r || 'LoginType' in r || 'Status' in r)) return 'rtem';
  return null;
}

/** LOGIN_STATUS (LOGIN_NO_ERROR or an error code), REQUEST_STATUS (S/F/U/A/R/N), STATUS_CODE (HTTP). */
function elfOutcome(r: Rec): Outcome {
  if (/Failed$/.test(str(r.EVENT_TYPE) ?? '')) return 'failure';
  const login = str(r.LOGIN_STATUS);
  if (login) return login === 'LOGIN_NO_ERROR' ? 'success' : 'failure';
  const request = str(r.REQUEST_STATUS)?.toUpperCase();
  if (request === 'S' || request === 'SUCCESS') return 'success';
  if (request === 'F' || request === 'A' || request === 'FAILURE') return 'failure';
  const code = Number(str(r.STATUS_CODE));
  if (Number.isInteger(code) && code >= 100) return code < 400 ? 'success' : 'failure';
  return 'unknown';
}

const EVENT_TYPES: Record<string, [Category, Severity]> = {
  Login: ['authentication', 'info'],
  Logout: ['authentication', 'info'],
  LoginAs: ['authorization', 'warning'],
  OAuthTokenRevoked: ['authorization', 'warning'],
  OAuthTokenRefreshFailed: ['authentication', 'warning'],
  ReportExport: ['export', 'warning'],
  BulkApi: ['data_access', 'info'],
  BulkApi2: ['data_access', 'info'],
  API: ['data_access', 'info'],
  RestApi: ['data_access', 'info'],
  ApiTotalUsage: ['data_access', 'info'],
  ApiConnectedApp: ['authorization', 'info'],
  Report: ['data_access', 'info'],
  URI: ['data_access', 'info'],
  ContentTransfer: ['data_access', 'info'],
  DocumentAttachmentDownloads: ['data_access', 'info'],
  PermissionSetAssignment: ['authorization', 'warning'],
  PlatformEncryption: ['configuration', 'warning'],
};

function classify(eventType: string | null, outcome: Outcome): { category: Category; severity: Severity } {
  const known = eventType ? EVENT_TYPES[eventType] : undefined;
  const base = known ? { category: known[0], severity: known[1] } : classifyAction(eventType, outcome);
  if (base.category === 'authentication' && outcome === 'failure') return { ...base, severity: 'warning' };
  return base;
}

function normalizeElf(r: Rec): NormalizeResult {
  const key = str(r.TIMESTAMP_DERIVED) ? 'TIMESTAMP_DERIVED' : 'TIMESTAMP';
  const time = parseEventTime(r[key]);
  if (!time) return reject(`${key} has no usable time: ${preview(r[key])}`);
  // Both timestamp columns are GMT by definition; the CSV simply does not say so.
  if (time.note === NO_ZONE_NOTE) delete time.note;
  const eventType = str(r.EVENT_TYPE);
  const outcome = elfOutcome(r);
  const { category, severity } = classify(eventType, outcome);
  const actor = str(r.USER_NAME) ?? str(r.USER_ID_DERIVED) ?? str(r.USER_ID);
  const delegated = str(r.DELEGATED_USER_NAME) ?? str(r.DELEGATED_USER_ID);
  const target = str(r.ENTITY_NAME) ?? str(r.URI) ?? str(r.REPORT_ID_DERIVED) ?? str(r.CONNECTED_APP_ID);
  // LoginAs rows name the admin in DELEGATED_USER_*: they are the one acting, on behalf of USER_ID.
  const who = eventType === 'LoginAs' && delegated ? delegated : actor;
  let summary = `${who ?? '(unknown user)'} ${eventType ?? '(no EVENT_TYPE)'}`;
  if (eventType === 'LoginAs' && delegated && actor) summary += ` as ${actor}`;
  else if (target) summary += ` ${target}`;
  if (outcome === 'failure') summary += ` (${str(r.LOGIN_STATUS) ?? str(r.REQUEST_STATUS) ?? str(r.STATUS_CODE) ?? 'failed'})`;
  const actorType: ActorType = who ? 'user' : 'unknown';
  return ok(
    makeEvent(time, {
      vendorId: str(r.REQUEST_ID),
      actor: who,
      actorType,
      action: eventType,
      category,
      targetType: str(r.ENTITY_NAME) ? 'entity' : str(r.URI) ? 'uri' : null,
      target,
      outcome,
      severity,
      sourceIp: clientIp(str(r.SOURCE_IP) ?? str(r.CLIENT_IP)),
      userAgent: str(r.BROWSER_TYPE) ?? str(r.USER_AGENT),
      sessionId: str(r.SESSION_KEY),
      summary,
      attributes: compactAttributes({
        userId: r.USER_ID_DERIVED ?? r.USER_ID,
        userType: r.USER_TYPE,
        loginStatus: r.LOGIN_STATUS,
        requestStatus: r.REQUEST_STATUS,
        statusCode: r.STATUS_CODE,
        loginKey: r.LOGIN_KEY,
        organizationId: r.ORGANIZATION_ID,
        clientIp: r.CLIENT_IP,
        apiType: r.API_TYPE,
        rowsProcessed: r.ROWS_PROCESSED,
        onBehalfOf: eventType === 'LoginAs' ? actor : null,
      }),
    }),
  );
}

function normalizeRtem(r: Rec): NormalizeResult {
  const time = parseEventTime(r.EventDate);
  if (!time) return reject(`EventDate has no usable time: ${preview(r.EventDate)}`);
  const status = str(r.Status);
  const outcome: Outcome = status ? (status === 'Success' ? 'success' : 'failure') : 'unknown';
  const type = str(r.EventType) ?? str(r.LoginType) ?? 'LoginEvent';
  const actor = str(r.Username) ?? str(r.UserId);
  return ok(
    makeEvent(time, {
      vendorId: str(r.EventIdentifier),
      actor,
      actorType: actor ? 'user' : 'unknown',
      action: type,
      category: 'authentication',
      targetType: str(r.Application) ? 'application' : null,
      target: str(r.Application) ?? str(r.LoginUrl),
      outcome,
      severity: outcome === 'failure' ? 'warning' : 'info',
      sourceIp: clientIp(str(r.SourceIp)),
      userAgent: str(r.Browser) ?? str(r.UserAgent),
      location: [str(r.City), str(r.Country)].filter(Boolean).join(', ') || null,
      sessionId: str(r.SessionKey),
      attributes: compactAttributes({ status, loginType: r.LoginType, platform: r.Platform, loginKey: r.LoginKey }),
    }),
  );
}

export function normalizeSalesforce(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  const kind = kindOf(record);
  if (kind === 'elf') return normalizeElf(record);
  if (kind === 'rtem') return normalizeRtem(record);
  return reject('not a Salesforce EventLogFile row (EVENT_TYPE/TIMESTAMP) or login event (EventDate)');
}

export const salesforceFormat: FormatModule = {
  id: 'salesforce',
  label: 'Salesforce Event Monitoring',
  detect(sample, ctx) {
    if (ctx.csvHeader) {
      const h = new Set(ctx.csvHeader.map((c) => c.replace(/^\uFEFF/, '').trim()));
      return h.has('EVENT_TYPE') && (h.has('TIMESTAMP') || h.has('TIMESTAMP_DERIVED')) ? 0.95 : 0;
    }
    return 0.9 * shareMatching(sample, (r) => kindOf(r) !== null);
  },
  normalize: (record) => normalizeSalesforce(record),
};
