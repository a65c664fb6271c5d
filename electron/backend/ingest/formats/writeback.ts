import type { ActorType, Outcome, Severity } from '../../../../shared/model/event.js';
import { classifyAction, outcomeOfAction } from './classify.js';
import {
  get, getStr, isRecord, makeEvent, maxSeverity, ok, outcomeOf, outcomeOfHttp, preview, reject, shareMatching, str,
  type Rec,
} from './common.js';
import { actorTypeOf } from './generic.js';
import { parseEventTime } from './time.js';
import type { DetectContext, FormatModule, NormalizeResult } from './types.js';

/**
 * The PSA/RMM integration platform's audit log (seed 004: "Admin → Audit log", exported in its evidence packs as
 * JSON + CSV): one row per auth event, admin change, rules-engine dispatch and write-back to a vendor system, with
 * `created_at`, `action` (snake_case: `ticket_created`, `rule_fired`...), `user`, `target_type` + `target_id`, and a
 * `details` JSON holding, for write-backs, the request sent to the vendor and the response status.
 */

const REQUIRED = ['created_at', 'action', 'target_type', 'target_id', 'details'] as const;

function isWriteBackRecord(r: Rec): boolean {
  if (!REQUIRED.every((k) => k in r)) return false;
  const details = typeof r.details === 'string' ? safeParse(r.details) : r.details;
  return isRecord(details) && typeof r.action === 'string' && /^[a-z]+(_[a-z0-9]+)+$/.test(r.action);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `https://api.vendor.example/v4/tickets/1` -> `api.vendor.example`; a relative or odd URL stays whole. */
function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

/** The write-back part of `details`: request method/URL and the vendor's response status, when present. */
function writeBackOf(details: Rec): { method: string | null; url: string | null; status: number | null } {
  const status = get(details, 'response.status') ?? get(details, 'response.status_code') ?? details.response_status;
  const code = typeof status === 'number' ? status : Number(str(status));
  return {
    method: getStr(details, 'request.method'),
    url: getStr(details, 'request.url'),
    status: Number.isInteger(code) && code >= 100 && code < 600 ? code : null,
  };
}

export function normalizeWriteBack(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  const time = parseEventTime(record.created_at);
  if (!time) return reject(str(record.created_at) ? `created_at has no usable time: ${preview(record.created_at)}` : 'created_at is empty');

  let details: unknown = record.details;
  const notes: string[] = [];
  if (typeof details === 'string') {
    details = safeParse(details);
    if (details === undefined) notes.push('details is not valid JSON; kept in the raw record');
  }
  const d: Rec = isRecord(details) ? details : {};

  const action = str(record.action);
  const actor = str(record.user_email) ?? str(record.user) ?? str(record.user_id);
  const actorType: ActorType = actorTypeOf(str(record.actor_type), actor);
  const targetType = str(record.target_type);
  const target = str(record.target_id);
  const wb = writeBackOf(d);

  // The vendor's response decides a write-back; a rule dispatch states its outcome; an auth event names it.
  let outcome: Outcome = wb.status !== null ? outcomeOfHttp(wb.status) : outcomeOf(d.outcome ?? d.result ?? d.status);
  if (outcome === 'unknown') outcome = outcomeOfAction(action);
  const classified = classifyAction(action, outcome);
  let severity: Severity = classified.severity;
  // A write-back the vendor refused means the two systems now disagree: worth a look.
  if (wb.status !== null && outcome === 'failure') severity = maxSeverity(severity, 'warning');
  const category = wb.method ? 'resource_change' : classified.category;

  const words = action ? action.replace(/_/g, ' ') : '(no action)';
  const what = [targetType, target].filter(Boolean).join(' ');
  let summary = `${actor ?? '(unknown actor)'} ${words}${what ? ` ${what}` : ''}`;
  if (wb.method || wb.status !== null) {
    const call = [wb.method, wb.url ? hostOf(wb.url) : null].filter(Boolean).join(' ');
    summary += ` (${call || 'write-back'}${wb.status !== null ? ` → ${wb.status}` : ''})`;
  }

  return ok(
    makeEvent(time, {
      vendorId: str(record.id),
      actor,
      actorType,
      action,
      category,
      targetType,
      target,
      outcome,
      severity,
      sourceIp: str(record.ip_address) ?? str(record.ip),
      userAgent: str(record.user_agent),
      summary,
      notes,
      attributes: {
        ...(wb.method ? { requestMethod: wb.method } : {}),
        ...(wb.url ? { requestUrl: wb.url } : {}),
        ...(wb.status !== null ? { responseStatus: String(wb.status) } : {}),
      },
    }),
  );
}

export const writeBackFormat: FormatModule = {
  id: 'writeback',
  label: 'PSA/RMM integration audit log (created_at, action, target_type, target_id, details)',
  detect: (sample: readonly unknown[], ctx: DetectContext) => (ctx.csvHeader ? 0 : 0.8 * shareMatching(sample, isWriteBackRecord)),
  normalize: (record: unknown) => normalizeWriteBack(record),
};
