import { linkHeader, minute, num } from './base.js';
import { startVendorApi, type Rec, type VendorOptions } from './vendor.js';

/**
 * Okta System Log in polling mode: ascending, `since`, `after` cursor; EVERY page carries a next link, even an
 * empty one at the end (the cursor never ends). Auth is `SSWS <token>`.
 */
export function oktaEvent(i: number): Rec {
  return {
    uuid: `okta-${i}`, published: new Date(minute(i)).toISOString(), eventType: i % 3 ? 'user.session.start' : 'user.account.lock',
    version: '0', severity: 'INFO', displayMessage: 'User login to Okta',
    actor: { id: `00u${i % 4}`, type: 'User', alternateId: `user${i % 4}@example.com`, displayName: `User ${i % 4}` },
    client: { ipAddress: `198.51.100.${i % 250}`, userAgent: { rawUserAgent: 'Mozilla/5.0' } },
    outcome: { result: i % 4 ? 'SUCCESS' : 'FAILURE' }, target: [], transaction: { id: `tx-${i}` },
    authenticationContext: { externalSessionId: `s-${i % 3}` },
  };
}

export function startOktaApi(opts: VendorOptions) {
  return startVendorApi(opts, `SSWS ${opts.token}`, oktaEvent, (req, origin, events) => {
    if (req.url.pathname !== '/api/v1/logs') return { status: 404, json: { errorCode: 'E0000022', errorSummary: 'Not found' } };
    const q = req.url.searchParams;
    const since = q.get('since');
    const list = events.filter((e) => !since || Date.parse(e.published as string) >= Date.parse(since));
    const after = q.get('after');
    const start = after ? list.findIndex((e) => e.uuid === after) + 1 : 0;
    const page = list.slice(start, start + num(q.get('limit'), 100));
    const next = new URL(req.url.pathname + req.url.search, origin);
    const cursor = page.at(-1)?.uuid ?? after;
    if (cursor) next.searchParams.set('after', String(cursor));
    return { json: page, headers: linkHeader(next.toString()) };
  });
}
