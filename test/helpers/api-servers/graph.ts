import { minute, num } from './base.js';
import { startVendorApi, type Rec, type VendorOptions } from './vendor.js';

/** Microsoft Graph auditLogs/signIns: `$top`, `$filter=createdDateTime ge T`, `@odata.nextLink` with a $skiptoken. */
export function graphSignIn(i: number): Rec {
  return {
    id: `si-${i}`, createdDateTime: new Date(minute(i)).toISOString(), userDisplayName: `User ${i % 3}`,
    userPrincipalName: `user${i % 3}@contoso.com`, userId: `u${i % 3}`, appId: 'app-1', appDisplayName: 'Office 365',
    ipAddress: `203.0.113.${i % 250}`, clientAppUsed: 'Browser', status: { errorCode: i % 4 ? 0 : 50126, failureReason: i % 4 ? null : 'Invalid password' },
    location: { city: 'Paris', countryOrRegion: 'FR' },
  };
}

export function startGraphApi(opts: VendorOptions) {
  return startVendorApi(opts, `Bearer ${opts.token}`, graphSignIn, (req, origin, events) => {
    if (req.url.pathname !== '/v1.0/auditLogs/signIns') return { status: 404, json: { error: { code: 'ResourceNotFound', message: 'not found' } } };
    const q = req.url.searchParams;
    const ge = /createdDateTime ge (\S+)/.exec(q.get('$filter') ?? '')?.[1];
    const list = events.filter((e) => !ge || Date.parse(e.createdDateTime as string) >= Date.parse(ge)).reverse();
    const skip = num(q.get('$skiptoken'), 0);
    const top = num(q.get('$top'), 100);
    const value = list.slice(skip, skip + top);
    const next = new URL(req.url.pathname + req.url.search, origin);
    next.searchParams.set('$skiptoken', String(skip + top));
    return {
      json: {
        '@odata.context': `${origin}/v1.0/$metadata#auditLogs/signIns`, value,
        ...(skip + top < list.length ? { '@odata.nextLink': next.toString() } : {}),
      },
    };
  });
}
