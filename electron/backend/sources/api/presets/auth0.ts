import { joinUrl, linkPaging, withParams } from '../paging.js';
import type { Preset } from '../types.js';

/**
 * Auth0 logs in checkpoint mode (not the search mode, which stops at 1,000 records): `GET /api/v2/logs?from=<log_id>
 * &take=100`, then the Link header's next URL. Logs come ordered by log_id; an empty page repeats the same next URL,
 * which is kept as the checkpoint. `from` and `take` are the only parameters Auth0 honours in this mode.
 */
export const auth0Preset: Preset = {
  id: 'auth0',
  label: 'Auth0 logs (checkpoint mode)',
  format: 'auth0',
  defaultBaseUrl: 'https://YOUR-TENANT.us.auth0.com',
  auth: { kind: 'bearer' },
  paging: 'checkpoint from/take, then Link header (rel="next")',
  checkpoint: 'next Link URL (from = last log_id; kept when a page comes back empty)',
  params: [{ name: 'from', required: false, help: 'log_id to start after (default: Auth0 picks the oldest retained)' }],
  recordsKey: null,
  timeField: 'date',
  pollsFromCursor: true,
  first: (ctx) => ({
    method: 'GET',
    url: withParams(joinUrl(ctx.baseUrl, 'api/v2/logs'), { from: ctx.params.from ?? '', take: Math.min(ctx.pageSize, 100) }),
  }),
  next(page) {
    const step = linkPaging(page);
    return { next: step.next, tail: page.records.length === 0 };
  },
};
