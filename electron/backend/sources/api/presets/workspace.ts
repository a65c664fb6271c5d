import { bodyCursorPaging, joinUrl, withParams } from '../paging.js';
import type { Preset } from '../types.js';
import { extraParams } from './params.js';

/**
 * Google Workspace Reports API: `GET /admin/reports/v1/activity/users/all/applications/{application}`, paged by
 * `nextPageToken` -> `pageToken`, at most 1,000 per page, newest first. The window is closed at the pull's start
 * (`endTime`); the next pull starts at the latest id.time seen.
 */
export const workspacePreset: Preset = {
  id: 'workspace',
  label: 'Google Workspace Reports (activities)',
  format: 'workspace',
  defaultBaseUrl: 'https://admin.googleapis.com',
  auth: { kind: 'bearer' },
  paging: 'next token in body (nextPageToken -> pageToken)',
  checkpoint: 'next page URL; when complete, startTime = latest id.time',
  params: [{ name: 'application', required: false, help: 'admin (default), login, drive, token, saml...' }],
  recordsKey: 'items',
  timeField: 'id.time',
  pollsFromCursor: false,
  first(ctx) {
    const app = encodeURIComponent(ctx.params.application ?? 'admin');
    return {
      method: 'GET',
      url: withParams(joinUrl(ctx.baseUrl, `admin/reports/v1/activity/users/all/applications/${app}`), {
        ...extraParams(ctx, ['application']), maxResults: Math.min(ctx.pageSize, 1000), startTime: ctx.since,
        endTime: ctx.now.toISOString(),
      }),
    };
  },
  next: (page) => bodyCursorPaging(page, 'nextPageToken', 'pageToken'),
};
