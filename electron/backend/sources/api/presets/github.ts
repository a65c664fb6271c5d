import { joinUrl, linkPaging, withParams } from '../paging.js';
import type { Preset } from '../types.js';
import { extraParams, requireParam } from './params.js';

/**
 * GitHub audit log (REST): `GET /orgs/{org}/audit-log` or `/enterprises/{enterprise}/audit-log`, cursor paging by
 * the Link header (`after`/`before`), at most 100 per page. Oldest first (`order=asc`); a later pull asks only for
 * `created:>=<latest event seen>` (the overlap is dropped by the _document_id dedup).
 */
export const gitHubPreset: Preset = {
  id: 'github',
  label: 'GitHub audit log (organization or enterprise)',
  format: 'github',
  defaultBaseUrl: 'https://api.github.com',
  auth: { kind: 'bearer' },
  paging: 'Link header (rel="next", after cursor)',
  checkpoint: 'next Link URL; when complete, created:>= latest @timestamp',
  params: [
    { name: 'org', required: false, help: 'organization login (or give enterprise)' },
    { name: 'enterprise', required: false, help: 'enterprise slug (enterprise audit log)' },
    { name: 'include', required: false, help: 'web, git or all (default all)' },
  ],
  recordsKey: null,
  timeField: '@timestamp',
  pollsFromCursor: false,
  first(ctx) {
    const scope = ctx.params.enterprise
      ? `enterprises/${requireParam(ctx, 'enterprise', 'github')}`
      : `orgs/${requireParam(ctx, 'org', 'github')}`;
    // GitHub's search qualifiers take seconds, not milliseconds: round down (the overlap is deduplicated).
    const since = ctx.since ? ctx.since.replace(/\.\d+Z$/, 'Z') : null;
    const phrase = [ctx.params.phrase, since ? `created:>=${since}` : null].filter(Boolean).join(' ');
    return {
      method: 'GET',
      url: withParams(joinUrl(ctx.baseUrl, `${scope}/audit-log`), {
        ...extraParams(ctx, ['org', 'enterprise', 'phrase', 'include']),
        include: ctx.params.include ?? 'all', order: 'asc', per_page: Math.min(ctx.pageSize, 100), phrase,
      }),
    };
  },
  next: (page) => linkPaging(page),
};
