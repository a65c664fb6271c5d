import { minute, num } from './base.js';
import { startVendorApi, type Rec, type VendorOptions } from './vendor.js';

/**
 * Jira Cloud audit records: newest first, `offset`/`limit`, `from`/`to`, `{offset, limit, total, records}`. New
 * records land at the head of the list, which is what makes plain offset paging skip records.
 */
export function jiraRecord(i: number): Rec {
  return {
    id: 5000 + i, summary: i % 2 ? 'User added to group' : 'Project permission changed', remoteAddress: `192.0.2.${i % 250}`,
    authorAccountId: `acct-${i % 3}`, created: new Date(minute(i)).toISOString().replace('Z', '+0000'), category: 'group management',
    eventSource: '', objectItem: { id: `grp-${i}`, name: `group-${i}`, typeName: 'GROUP' },
  };
}

/** `maxOffset`: the server refuses deeper offsets (400), as APIs that cap offset paging do. */
export function startJiraApi(opts: VendorOptions & { user: string; maxOffset?: number }) {
  const basic = `Basic ${Buffer.from(`${opts.user}:${opts.token}`).toString('base64')}`;
  return startVendorApi(opts, basic, jiraRecord, (req, _origin, events) => {
    if (req.url.pathname !== '/rest/api/3/auditing/record') return { status: 404, json: { errorMessages: ['Not Found'] } };
    const q = req.url.searchParams;
    const time = (e: Rec) => Date.parse((e.created as string).replace('+0000', 'Z'));
    const from = q.get('from') ? Date.parse(q.get('from')!) : -Infinity;
    const to = q.get('to') ? Date.parse(q.get('to')!) : Infinity;
    const list = events.filter((e) => time(e) >= from && time(e) <= to).reverse();
    const offset = num(q.get('offset'), 0);
    const limit = num(q.get('limit'), 1000);
    if (opts.maxOffset !== undefined && offset > opts.maxOffset) {
      return { status: 400, json: { errorMessages: [`offset must be at most ${opts.maxOffset}`] } };
    }
    return { json: { offset, limit, total: list.length, records: list.slice(offset, offset + limit) } };
  });
}
