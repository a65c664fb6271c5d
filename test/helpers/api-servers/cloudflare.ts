import { minute, num } from './base.js';
import { startVendorApi, type Rec, type VendorOptions } from './vendor.js';

/** Cloudflare account audit logs (v4 envelope): `page`/`per_page`, `since`/`before`, `direction`, `result_info`. */
export function cloudflareLog(i: number): Rec {
  return {
    id: `cf-${i}`, action: { type: i % 2 ? 'token_create' : 'login', result: i % 5 !== 0 },
    actor: { email: `ops${i % 3}@example.com`, id: `a${i % 3}`, ip: `198.41.129.${i % 250}`, type: 'user' }, interface: 'UI',
    metadata: {}, newValue: '', oldValue: '', owner: { id: 'acc1' }, resource: { id: `res-${i}`, type: 'API token' },
    when: new Date(minute(i)).toISOString(),
  };
}

export function startCloudflareApi(opts: VendorOptions) {
  return startVendorApi(opts, `Bearer ${opts.token}`, cloudflareLog, (req, _origin, events) => {
    if (!/^\/client\/v4\/accounts\/[^/]+\/audit_logs$/.test(req.url.pathname)) {
      return { status: 404, json: { success: false, errors: [{ code: 7003, message: 'Could not route' }], result: null } };
    }
    const q = req.url.searchParams;
    const since = q.get('since') ? Date.parse(q.get('since')!) : -Infinity;
    const before = q.get('before') ? Date.parse(q.get('before')!) : Infinity;
    let list = events.filter((e) => Date.parse(e.when as string) >= since && Date.parse(e.when as string) < before);
    if (q.get('direction') !== 'asc') list = [...list].reverse();
    const page = num(q.get('page'), 1);
    const perPage = num(q.get('per_page'), 100);
    const result = list.slice((page - 1) * perPage, page * perPage);
    return {
      json: { success: true, errors: [], messages: [], result, result_info: { page, per_page: perPage, count: result.length, total_count: list.length } },
    };
  });
}
