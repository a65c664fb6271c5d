import { minute, num } from './base.js';
import { startVendorApi, type Rec, type VendorOptions } from './vendor.js';

/** Slack Audit Logs: newest first, `oldest` (epoch s), `{entries, response_metadata: {next_cursor}}` ('' at the end). */
export function slackEntry(i: number): Rec {
  return {
    id: `slack-${i}`, date_create: Math.floor(minute(i) / 1000), action: i % 2 ? 'user_login' : 'role_change_to_admin',
    actor: { type: 'user', user: { id: `W${i % 3}`, name: `User ${i % 3}`, email: `u${i % 3}@example.com` } },
    entity: { type: 'user', user: { id: `W9${i}`, name: `Target ${i}`, email: `t${i}@example.com` } },
    context: { location: { type: 'workspace', id: 'T1', name: 'Acme', domain: 'acme' }, ua: 'Mozilla/5.0', ip_address: `203.0.113.${i % 250}` },
  };
}

export function startSlackApi(opts: VendorOptions) {
  return startVendorApi(opts, `Bearer ${opts.token}`, slackEntry, (req, _origin, events) => {
    if (req.url.pathname !== '/audit/v1/logs') return { status: 404, json: { ok: false, error: 'unknown_method' } };
    const q = req.url.searchParams;
    const oldest = q.get('oldest');
    const list = events.filter((e) => !oldest || (e.date_create as number) >= Number(oldest)).reverse();
    const start = q.get('cursor') ? Number(Buffer.from(q.get('cursor')!, 'base64').toString()) : 0;
    const limit = num(q.get('limit'), 100);
    const page = list.slice(start, start + limit);
    const more = start + limit < list.length;
    return { json: { entries: page, response_metadata: { next_cursor: more ? Buffer.from(String(start + limit)).toString('base64') : '' } } };
  });
}
