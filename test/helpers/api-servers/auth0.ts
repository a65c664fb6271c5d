import { linkHeader, minute, num } from './base.js';
import { startVendorApi, type Rec, type VendorOptions } from './vendor.js';

/**
 * Auth0 logs in checkpoint mode: `from=<log_id>&take=N` returns logs with a greater log_id, ordered by log_id; the
 * Link header's next URL carries the last log_id; an empty result repeats the same URL. Search-mode parameters
 * (q, page, per_page) are refused, so a puller that used them would fail here.
 */
export function auth0Log(i: number): Rec {
  return {
    log_id: `900202603010000${String(i).padStart(8, '0')}`, date: new Date(minute(i)).toISOString(), type: i % 3 ? 's' : 'fp',
    description: i % 3 ? 'Successful login' : 'Wrong email or password.', connection: 'Username-Password-Authentication',
    client_id: 'portal', client_name: 'Customer Portal', ip: `203.0.113.${i % 250}`, user_agent: 'Chrome 120.0.0 / Mac OS X',
    user_id: `auth0|${i % 4}`, user_name: `user${i % 4}@example.com`,
  };
}

export function startAuth0Api(opts: VendorOptions) {
  return startVendorApi(opts, `Bearer ${opts.token}`, auth0Log, (req, origin, events) => {
    if (req.url.pathname !== '/api/v2/logs') return { status: 404, json: { statusCode: 404, message: 'Not Found' } };
    const q = req.url.searchParams;
    if (q.has('q') || q.has('page') || q.has('per_page')) return { status: 400, json: { message: 'search mode is not served here' } };
    const from = q.get('from') ?? '';
    const page = events.filter((e) => (e.log_id as string) > from).slice(0, Math.min(num(q.get('take'), 50), 100));
    const next = new URL(req.url.pathname, origin);
    next.searchParams.set('from', String(page.at(-1)?.log_id ?? from));
    next.searchParams.set('take', q.get('take') ?? '50');
    return { json: page, headers: linkHeader(next.toString()) };
  });
}
