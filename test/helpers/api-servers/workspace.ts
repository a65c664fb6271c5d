import { minute, num } from './base.js';
import { startVendorApi, type Rec, type VendorOptions } from './vendor.js';

/** Google Workspace Reports activities.list: newest first, `startTime`/`endTime`, `maxResults`, `nextPageToken`. */
export function workspaceActivity(i: number): Rec {
  return {
    kind: 'admin#reports#activity', etag: `"e${i}"`,
    id: { time: new Date(minute(i)).toISOString(), uniqueQualifier: `${1000 + i}`, applicationName: 'admin', customerId: 'C01' },
    actor: { callerType: 'USER', email: `admin${i % 2}@example.com`, profileId: `10${i % 2}` }, ipAddress: `198.51.100.${i % 250}`,
    events: [{ type: 'USER_SETTINGS', name: i % 2 ? 'CHANGE_PASSWORD' : 'SUSPEND_USER', parameters: [{ name: 'USER_EMAIL', value: `u${i}@example.com` }] }],
  };
}

export function startWorkspaceApi(opts: VendorOptions) {
  return startVendorApi(opts, `Bearer ${opts.token}`, workspaceActivity, (req, _origin, events) => {
    if (!/^\/admin\/reports\/v1\/activity\/users\/all\/applications\/[^/]+$/.test(req.url.pathname)) {
      return { status: 404, json: { error: { code: 404, message: 'Not Found' } } };
    }
    const q = req.url.searchParams;
    const start = q.get('startTime') ? Date.parse(q.get('startTime')!) : -Infinity;
    const end = q.get('endTime') ? Date.parse(q.get('endTime')!) : Infinity;
    const list = events.filter((e) => { const t = Date.parse((e.id as Rec).time as string); return t >= start && t <= end; }).reverse();
    const offset = q.get('pageToken') ? Number(Buffer.from(q.get('pageToken')!, 'base64url').toString()) : 0;
    const max = num(q.get('maxResults'), 1000);
    const items = list.slice(offset, offset + max);
    const more = offset + max < list.length;
    return { json: { kind: 'admin#reports#activities', etag: '"x"', items, ...(more ? { nextPageToken: Buffer.from(String(offset + max)).toString('base64url') } : {}) } };
  });
}
