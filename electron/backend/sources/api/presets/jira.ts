import { parseEventTime } from '../../../ingest/formats/time.js';
import { joinUrl, offsetPaging, withParams } from '../paging.js';
import type { ApiPage, NextStep, Preset } from '../types.js';
import { extraParams } from './params.js';

/**
 * Jira Cloud audit records: `GET /rest/api/3/auditing/record?offset=&limit=&from=&to=`, `{offset, limit, total,
 * records}`, newest first. Deep offsets are fragile (the list moves while it is read, and servers cap how far an
 * offset may go), so after each full page the listing is re-queried by time window instead: `to` moves down to the
 * oldest `created` on the page and the offset goes back to 0. Only when a whole page shares one timestamp does the
 * offset advance inside the same window. The window is closed at the pull's start, so records created during the
 * pull wait for the next one, whose window starts at the latest `created` seen. The boundary records that two
 * windows share are dropped by the record-id dedup (counted as duplicates).
 */

function oldestCreated(records: unknown[]): number | null {
  let oldest: number | null = null;
  for (const r of records) {
    const t = parseEventTime((r as { created?: unknown }).created);
    if (t && (oldest === null || t.ts < oldest)) oldest = t.ts;
  }
  return oldest;
}

function nextWindow(page: ApiPage): NextStep {
  const byOffset = offsetPaging(page, 'offset', 'limit', 'total');
  if (!byOffset.next) return byOffset;
  const u = new URL(page.request.url);
  const oldest = oldestCreated(page.records);
  const to = u.searchParams.get('to');
  if (oldest === null || (to && Date.parse(to) <= oldest)) return byOffset;
  u.searchParams.set('to', new Date(oldest).toISOString());
  u.searchParams.set('offset', '0');
  return { next: { method: 'GET', url: u.toString() }, tail: false };
}
export const jiraPreset: Preset = {
  id: 'jira',
  label: 'Jira audit records',
  format: 'atlassian',
  defaultBaseUrl: 'https://YOUR-SITE.atlassian.net',
  auth: { kind: 'basic' },
  paging: 'offset / limit (total), re-queried by time window (to = oldest created)',
  checkpoint: 'next window URL; when complete, from = latest created',
  params: [{ name: 'filter', required: false, help: 'Jira audit text filter' }],
  recordsKey: 'records',
  timeField: 'created',
  pollsFromCursor: false,
  first: (ctx) => ({
    method: 'GET',
    url: withParams(joinUrl(ctx.baseUrl, 'rest/api/3/auditing/record'), {
      ...extraParams(ctx, []), offset: 0, limit: Math.min(ctx.pageSize, 1000), from: ctx.since, to: ctx.now.toISOString(),
    }),
  }),
  next: nextWindow,
};
