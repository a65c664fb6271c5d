import { linkHeader, minute, num } from './base.js';
import { startVendorApi, type Rec, type VendorOptions } from './vendor.js';

/** GitHub org/enterprise audit log: array body, `after` cursor in the Link header, `phrase=created:>=`, order. */
export function gitHubEvent(i: number): Rec {
  return {
    '@timestamp': minute(i), _document_id: `doc-${i}`, action: i % 2 ? 'repo.create' : 'org.add_member', actor: `user${i % 5}`,
    actor_ip: `192.0.2.${i % 250}`, created_at: minute(i), org: 'acme', repo: `acme/repo-${i}`, user: `member${i}`,
  };
}

export function startGitHubApi(opts: VendorOptions) {
  return startVendorApi(opts, `Bearer ${opts.token}`, gitHubEvent, (req, origin, events) => {
    if (!/^\/(orgs|enterprises)\/[^/]+\/audit-log$/.test(req.url.pathname)) return { status: 404, json: { message: 'Not Found' } };
    const q = req.url.searchParams;
    const since = /created:>=(\S+)/.exec(q.get('phrase') ?? '')?.[1];
    let list = events.filter((e) => !since || (e['@timestamp'] as number) >= Date.parse(since));
    if (q.get('order') !== 'asc') list = [...list].reverse();
    const perPage = Math.min(num(q.get('per_page'), 30), 100);
    const after = q.get('after');
    const start = after ? list.findIndex((e) => e._document_id === after) + 1 : 0;
    const page = list.slice(start, start + perPage);
    const more = start + perPage < list.length;
    const next = new URL(req.url.pathname + req.url.search, origin);
    next.searchParams.set('after', String(page.at(-1)?._document_id ?? ''));
    return { json: page, headers: linkHeader(more ? next.toString() : null) };
  });
}
