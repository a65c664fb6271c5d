import { bodyCursorPaging, joinUrl, withParams } from '../paging.js';
import type { Preset } from '../types.js';
import { extraParams, sinceEpoch } from './params.js';

/**
 * Slack Audit Logs API: `GET https://api.slack.com/audit/v1/logs?oldest=<epoch s>&limit=`, cursor paging by
 * `response_metadata.next_cursor` (empty at the end). Newest first; a later pull asks from the latest date_create.
 */
export const slackPreset: Preset = {
  id: 'slack',
  label: 'Slack Audit Logs',
  format: 'slack',
  defaultBaseUrl: 'https://api.slack.com',
  auth: { kind: 'bearer' },
  paging: 'cursor in body (response_metadata.next_cursor)',
  checkpoint: 'next cursor; when complete, oldest = latest date_create',
  params: [{ name: 'action', required: false, help: 'only this action' }],
  recordsKey: 'entries',
  timeField: 'date_create',
  pollsFromCursor: false,
  first: (ctx) => ({
    method: 'GET',
    url: withParams(joinUrl(ctx.baseUrl, 'audit/v1/logs'), {
      ...extraParams(ctx, []), limit: Math.min(ctx.pageSize, 9999), oldest: sinceEpoch(ctx.since, 's'),
    }),
  }),
  next: (page) => bodyCursorPaging(page, 'response_metadata.next_cursor', 'cursor'),
};
