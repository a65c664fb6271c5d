import { describe, expect, it } from 'vitest';
import { atlassianFormat } from '../../electron/backend/ingest/formats/atlassian.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: 'org-events.json', csvHeader: null };

// Shaped like an event of the Atlassian Admin API "Query audit log events" response.
const orgEvent = {
  id: 'ev-1',
  type: 'events',
  attributes: {
    time: '2024-02-01T08:00:00.250Z',
    action: 'api_token_created',
    actor: { id: 'acc-1', name: 'Riley', email: 'riley@example.com', links: {} },
    context: [{ id: 'tok-1', type: 'api-tokens', attributes: { name: 'ci-token' } }],
    container: [{ id: 'site-1', type: 'sites', attributes: { siteName: 'acme', siteHostName: 'https://acme.atlassian.net' } }],
    location: { ip: '198.51.100.12', geo: '', countryName: 'Germany', regionName: 'Berlin', city: 'Berlin' },
  },
  message: { content: 'Created API token ci-token', format: 'simple' },
};
const jiraRecord = {
  id: 1234, summary: 'User added to group', remoteAddress: '192.0.2.33', authorAccountId: '5b10ac8d82e05b22cc7d4ef5',
  created: '2024-02-01T09:00:00.000+0000', category: 'group management', eventSource: '',
  objectItem: { id: 'jira-admins', name: 'jira-administrators', typeName: 'GROUP' },
};

function one(record: unknown): NormalizedFields {
  const r = atlassianFormat.normalize(record, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0];
}

describe('atlassian format', () => {
  it('maps an organization audit event', () => {
    expect(one(orgEvent)).toMatchObject({
      time: '2024-02-01T08:00:00.250Z', vendorId: 'ev-1', actor: 'riley@example.com', actorType: 'user',
      action: 'api_token_created', category: 'authorization', severity: 'warning', outcome: 'unknown',
      targetType: 'api-tokens', target: 'ci-token', sourceIp: '198.51.100.12', location: 'Berlin, Berlin, Germany',
      summary: 'riley@example.com: Created API token ci-token', attributes: { site: 'acme' },
    });
  });

  it('flags logging in as another user as critical', () => {
    expect(one({ ...orgEvent, attributes: { ...orgEvent.attributes, action: 'user_logged_in_as_user' } }).severity).toBe('critical');
  });

  it('expands an API page and maps Jira audit records', () => {
    const r = atlassianFormat.normalize({ data: [orgEvent, orgEvent], links: {}, meta: { next: null } }, ctx);
    expect(r.ok && r.events).toHaveLength(2);
    expect(one(jiraRecord)).toMatchObject({
      time: '2024-02-01T09:00:00.000Z', vendorId: '1234', actor: '5b10ac8d82e05b22cc7d4ef5', action: 'User added to group',
      category: 'user_management', target: 'jira-administrators', targetType: 'GROUP', sourceIp: '192.0.2.33',
    });
  });

  it('rejects records without a usable time and detects Atlassian shapes only', () => {
    expect(atlassianFormat.normalize({ ...orgEvent, attributes: { ...orgEvent.attributes, time: 'x' } }, ctx))
      .toEqual({ ok: false, reason: 'attributes.time has no usable time: "x"' });
    expect(atlassianFormat.detect([orgEvent, jiraRecord], ctx)).toBe(0.9);
    expect(atlassianFormat.detect([{ attributes: { foo: 1 } }], ctx)).toBe(0);
  });
});
