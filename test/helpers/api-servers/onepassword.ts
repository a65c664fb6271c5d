import { minute } from './base.js';
import { startVendorApi, type Rec, type VendorOptions } from './vendor.js';

/**
 * 1Password Events API: POST with a reset cursor `{limit, start_time}` first, then `{cursor}`; the answer is
 * `{cursor, has_more, items}`, and the cursor stays valid forever (a later POST with it returns what is new).
 */
export function onePasswordEvent(i: number): Rec {
  return {
    uuid: `op-${i}`, timestamp: new Date(minute(i)).toISOString(), actor_uuid: `ADM${i % 2}`,
    actor_details: { uuid: `ADM${i % 2}`, name: 'Admin', email: `admin${i % 2}@example.com` }, action: i % 2 ? 'grant' : 'create',
    object_type: 'uva', object_uuid: `V${i}`, session: { uuid: `S${i % 3}`, login_time: '2026-03-01T00:00:00Z', ip: `198.51.100.${i % 250}` },
  };
}

export function startOnePasswordApi(opts: VendorOptions) {
  return startVendorApi(opts, `Bearer ${opts.token}`, onePasswordEvent, (req, _origin, events) => {
    if (req.method !== 'POST' || req.url.pathname !== '/api/v2/auditevents') return { status: 404, json: { Error: { Message: 'Not Found' } } };
    const body = req.body ?? {};
    let state: { pos: number; limit: number };
    if (typeof body.cursor === 'string') state = JSON.parse(Buffer.from(body.cursor, 'base64').toString());
    else {
      const start = typeof body.start_time === 'string' ? Date.parse(body.start_time) : 0;
      const pos = events.findIndex((e) => Date.parse(e.timestamp as string) >= start);
      state = { pos: pos === -1 ? events.length : pos, limit: Number(body.limit ?? 100) };
    }
    const items = events.slice(state.pos, state.pos + state.limit);
    const pos = state.pos + items.length;
    const cursor = Buffer.from(JSON.stringify({ pos, limit: state.limit })).toString('base64');
    return { json: { cursor, has_more: pos < events.length, items } };
  });
}
