import { classifyAction } from './classify.js';
import { isRecord, makeEvent, ok, reject, str } from './common.js';
import { parseEventTime } from './time.js';
import type { DetectContext, FormatModule, NormalizeResult } from './types.js';

/**
 * Bitbucket / Jira / Confluence Data Center audit log lines (the `atlassian-*-audit.log` files): eight ` | `
 * separated fields with no header row — client IP(s), event name, user, epoch milliseconds, target, details JSON,
 * request id, session id. The reader hands them over as `column_1`..`column_8`; `-` means empty.
 */
const COLUMNS = ['column_1', 'column_2', 'column_3', 'column_4', 'column_5', 'column_6', 'column_7', 'column_8'];

function field(record: Record<string, unknown>, n: number): string | null {
  const v = str(record[COLUMNS[n]]);
  return v === null || v === '-' ? null : v;
}

function looksLikeAuditLine(record: unknown): boolean {
  return isRecord(record) && /Event$/.test(String(record.column_2 ?? '')) && /^\d{12,14}$/.test(String(record.column_4 ?? '').trim());
}

export function normalizeAtlassianDc(record: unknown): NormalizeResult {
  if (!looksLikeAuditLine(record)) return reject('not an Atlassian Data Center audit line (event name | user | epoch ms ...)');
  const r = record as Record<string, unknown>;
  const time = parseEventTime(field(r, 3));
  if (!time) return reject(`unusable time '${field(r, 3)}' in the fourth field`);
  const action = field(r, 1);
  // The first address is the client; the rest of an X-Forwarded-For chain are proxies.
  const sourceIp = field(r, 0)?.split(',')[0].trim() || null;
  const target = field(r, 4);
  const details = field(r, 5);
  const { category, severity } = classifyAction(action);
  return ok(
    makeEvent(time, {
      vendorId: field(r, 6),
      actor: field(r, 2),
      actorType: field(r, 2) ? 'user' : 'unknown',
      action,
      category,
      severity,
      targetType: target?.includes('/') ? target.split('/')[0].toLowerCase() : null,
      target: target?.includes('/') ? target.slice(target.indexOf('/') + 1) : target,
      sourceIp,
      sessionId: field(r, 7),
      attributes: details ? { details } : undefined,
      notes: field(r, 0)?.includes(',') ? [`forwarded chain: ${field(r, 0)}`] : undefined,
    }),
  );
}

/** Data Center lines share the `atlassian` format id with the Cloud organization audit API records. */
export function withDataCenterLines(cloud: FormatModule): FormatModule {
  return {
    ...cloud,
    label: `${cloud.label}; Data Center audit log lines`,
    detect(sample: readonly unknown[], ctx: DetectContext): number {
      const dc = ctx.csvHeader?.[0] === 'column_1' && ctx.csvHeader.length === 8 && sample.length > 0 && sample.every(looksLikeAuditLine);
      return dc ? 0.9 : cloud.detect(sample, ctx);
    },
    normalize: (record: unknown, ctx: DetectContext) =>
      looksLikeAuditLine(record) ? normalizeAtlassianDc(record) : cloud.normalize(record, ctx),
  };
}
