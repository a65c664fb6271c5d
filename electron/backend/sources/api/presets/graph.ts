import { bodyCursorPaging, joinUrl, withParams } from '../paging.js';
import type { Preset } from '../types.js';

/**
 * Microsoft Graph audit logs: `GET /v1.0/auditLogs/signIns` (createdDateTime) or `/directoryAudits`
 * (activityDateTime), filtered from the last event seen, paged by the `@odata.nextLink` URL in the body.
 */
export const graphPreset: Preset = {
  id: 'graph',
  label: 'Microsoft Graph sign-ins / directory audits',
  format: 'entra',
  defaultBaseUrl: 'https://graph.microsoft.com',
  auth: { kind: 'bearer' },
  paging: 'next URL in body (@odata.nextLink)',
  checkpoint: '@odata.nextLink; when complete, $filter ge latest time',
  params: [{ name: 'endpoint', required: false, help: 'signIns (default) or directoryAudits' }],
  recordsKey: 'value',
  timeField: ['createdDateTime', 'activityDateTime'],
  pollsFromCursor: false,
  first(ctx) {
    const audits = ctx.params.endpoint === 'directoryAudits';
    const field = audits ? 'activityDateTime' : 'createdDateTime';
    return {
      method: 'GET',
      url: withParams(joinUrl(ctx.baseUrl, `v1.0/auditLogs/${audits ? 'directoryAudits' : 'signIns'}`), {
        $top: Math.min(ctx.pageSize, 1000), $filter: ctx.since ? `${field} ge ${ctx.since}` : null,
      }),
    };
  },
  // The key has a dot in it, so it is read directly rather than as a dotted path.
  next: (page) => bodyCursorPaging(page, (body) => (body as Record<string, unknown> | null)?.['@odata.nextLink'], '$skiptoken'),
};
