import { bodyCursorPaging, joinUrl, withParams } from '../paging.js';
import type { Preset } from '../types.js';
import { extraParams, requireParam, sinceEpoch } from './params.js';

/**
 * Atlassian organization events (Admin API): `GET /admin/v1/orgs/{org}/events?from=<epoch ms>`, `{data, meta,
 * links}`; `links.next` continues (a URL, or a cursor sent back as `cursor`). The next pull starts at the latest
 * attributes.time seen.
 */
export const atlassianPreset: Preset = {
  id: 'atlassian',
  label: 'Atlassian organization events',
  format: 'atlassian',
  defaultBaseUrl: 'https://api.atlassian.com',
  auth: { kind: 'bearer' },
  paging: 'cursor in body (links.next)',
  checkpoint: 'links.next; when complete, from = latest attributes.time',
  params: [{ name: 'org', required: true, help: 'organization id' }],
  recordsKey: 'data',
  timeField: 'attributes.time',
  pollsFromCursor: false,
  first: (ctx) => ({
    method: 'GET',
    url: withParams(joinUrl(ctx.baseUrl, `admin/v1/orgs/${requireParam(ctx, 'org', 'atlassian')}/events`), {
      ...extraParams(ctx, ['org']), from: sinceEpoch(ctx.since, 'ms'), limit: Math.min(ctx.pageSize, 1000),
    }),
  }),
  next: (page) => bodyCursorPaging(page, 'links.next', 'cursor'),
};
