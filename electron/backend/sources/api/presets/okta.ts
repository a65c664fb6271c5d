import { joinUrl, linkPaging, withParams } from '../paging.js';
import type { Preset } from '../types.js';
import { extraParams } from './params.js';

/**
 * Okta System Log: `GET /api/v1/logs?since=&sortOrder=ASCENDING`, Link header paging. In ascending order Okta always
 * returns a next link, even at the end: that link is the polling cursor. An empty page means caught up, and the
 * link is kept as the checkpoint for the next pull. API tokens use the `SSWS` scheme.
 */
export const oktaPreset: Preset = {
  id: 'okta',
  label: 'Okta System Log',
  format: 'okta',
  defaultBaseUrl: 'https://YOUR-ORG.okta.com',
  auth: { kind: 'header', header: 'Authorization', prefix: 'SSWS ' },
  paging: 'Link header (rel="next"), never ends (polling)',
  checkpoint: 'next Link URL (kept when a page comes back empty)',
  params: [{ name: 'filter', required: false, help: 'System Log filter expression' }],
  recordsKey: null,
  timeField: 'published',
  pollsFromCursor: true,
  first: (ctx) => ({
    method: 'GET',
    url: withParams(joinUrl(ctx.baseUrl, 'api/v1/logs'), {
      ...extraParams(ctx, []), sortOrder: 'ASCENDING', limit: Math.min(ctx.pageSize, 1000), since: ctx.since,
    }),
  }),
  next(page) {
    const step = linkPaging(page);
    return { next: step.next, tail: page.records.length === 0 };
  },
};
