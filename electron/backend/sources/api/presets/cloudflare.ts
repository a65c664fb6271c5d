import { joinUrl, pageNumberPaging, withParams } from '../paging.js';
import type { Preset } from '../types.js';
import { extraParams, requireParam } from './params.js';

/**
 * Cloudflare account audit logs: `GET /client/v4/accounts/{account}/audit_logs?page=&per_page=&since=&before=`,
 * page-number paging (`result_info`). The window is closed at the pull's start (`before`) and sorted ascending, so
 * events arriving during the pull cannot shift the pages; the next pull starts at the latest `when` seen.
 */
export const cloudflarePreset: Preset = {
  id: 'cloudflare',
  label: 'Cloudflare audit logs',
  format: 'cloudflare',
  defaultBaseUrl: 'https://api.cloudflare.com',
  auth: { kind: 'bearer' },
  paging: 'page / per_page (result_info), window closed with before',
  checkpoint: 'next page URL; when complete, since = latest when',
  params: [{ name: 'account', required: true, help: 'account id' }],
  recordsKey: 'result',
  timeField: 'when',
  pollsFromCursor: false,
  first: (ctx) => ({
    method: 'GET',
    url: withParams(joinUrl(ctx.baseUrl, `client/v4/accounts/${requireParam(ctx, 'account', 'cloudflare')}/audit_logs`), {
      ...extraParams(ctx, ['account']), direction: 'asc', since: ctx.since, before: ctx.now.toISOString(), page: 1,
      per_page: Math.min(ctx.pageSize, 1000),
    }),
  }),
  next: (page) => pageNumberPaging(page, 'page', 'per_page', 'result_info.total_pages'),
};
