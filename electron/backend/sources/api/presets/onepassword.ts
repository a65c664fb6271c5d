import { get } from '../../../ingest/formats/common.js';
import { joinUrl } from '../paging.js';
import type { Preset } from '../types.js';

/**
 * 1Password Events API: `POST /api/v2/{auditevents|signinattempts|itemusages}`. The first request carries a reset
 * cursor (`limit`, `start_time`), every later one `{cursor}`; the answer is `{cursor, has_more, items}`. The cursor
 * never ends: when `has_more` is false the listing is caught up and the cursor is the checkpoint to poll from.
 */
export const onePasswordPreset: Preset = {
  id: 'onepassword',
  label: '1Password Events API',
  format: 'onepassword',
  defaultBaseUrl: 'https://events.1password.com',
  auth: { kind: 'bearer' },
  paging: 'POST with cursor (reset cursor first), has_more',
  checkpoint: 'last cursor (polling continues from it)',
  params: [{ name: 'endpoint', required: false, help: 'auditevents (default), signinattempts or itemusages' }],
  recordsKey: 'items',
  timeField: 'timestamp',
  pollsFromCursor: true,
  first(ctx) {
    const endpoint = ctx.params.endpoint ?? 'auditevents';
    const reset: Record<string, unknown> = { limit: Math.min(ctx.pageSize, 1000) };
    if (ctx.since) reset.start_time = ctx.since;
    return { method: 'POST', url: joinUrl(ctx.baseUrl, `api/v2/${encodeURIComponent(endpoint)}`), body: reset };
  },
  next(page) {
    const cursor = get(page.body, 'cursor');
    if (typeof cursor !== 'string' || cursor === '') return { next: null, tail: false };
    const next = { method: 'POST' as const, url: page.request.url, body: { cursor } };
    return { next, tail: get(page.body, 'has_more') !== true };
  },
};
