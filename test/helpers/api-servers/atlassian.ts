import { minute, num } from './base.js';
import { startVendorApi, type Rec, type VendorOptions } from './vendor.js';

/** Atlassian organization events: `{data, meta: {next, page_size}, links: {self, next}}`, `from` in epoch ms. */
export function atlassianEvent(i: number): Rec {
  return {
    id: `ev-${i}`, type: 'events',
    attributes: {
      time: new Date(minute(i)).toISOString(), action: i % 2 ? 'api_token_created' : 'user_added_to_group',
      actor: { id: `acc-${i % 3}`, name: `Admin ${i % 3}`, email: `admin${i % 3}@example.com`, links: {} },
      context: [{ id: `tok-${i}`, type: 'api-tokens', attributes: { name: `token-${i}` } }],
      location: { ip: `198.51.100.${i % 250}`, countryName: 'Germany', city: 'Berlin' },
    },
    message: { content: `event ${i}`, format: 'simple' },
  };
}

export function startAtlassianApi(opts: VendorOptions) {
  return startVendorApi(opts, `Bearer ${opts.token}`, atlassianEvent, (req, origin, events) => {
    if (!/^\/admin\/v1\/orgs\/[^/]+\/events$/.test(req.url.pathname)) return { status: 404, json: { errors: [{ title: 'Not Found' }] } };
    const q = req.url.searchParams;
    const from = q.get('from') ? Number(q.get('from')) : -Infinity;
    const list = events.filter((e) => Date.parse((e.attributes as Rec).time as string) >= from).reverse();
    const start = q.get('cursor') ? Number(q.get('cursor')!.slice(2)) : 0;
    const limit = num(q.get('limit'), 100);
    const data = list.slice(start, start + limit);
    const next = start + limit < list.length ? `c-${start + limit}` : undefined;
    return { json: { data, meta: { next, page_size: limit }, links: { self: `${origin}${req.url.pathname}`, next } } };
  });
}
