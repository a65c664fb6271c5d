import { describe, expect, it } from 'vitest';
import { slackFormat } from '../../electron/backend/ingest/formats/slack.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: 'slack-audit.json', csvHeader: null };

// Shaped like the entries of Slack's Audit Logs API reference.
const roleChange = {
  id: '0123a45b-6c7d-8900-e12f-3456789gh0i1',
  date_create: 1706774400,
  action: 'role_change_to_admin',
  actor: { type: 'user', user: { id: 'W123', name: 'Jane Ops', email: 'jane@example.com', team: 'T1' } },
  entity: { type: 'user', user: { id: 'W456', name: 'Sam', email: 'sam@example.com', team: 'T1' } },
  context: {
    location: { type: 'enterprise', id: 'E1', name: 'Acme Grid', domain: 'acme' },
    ua: 'Mozilla/5.0', ip_address: '198.51.100.23', session_id: '847288190092',
  },
  details: { previous_role: 'user', new_role: 'admin' },
};

function one(record: unknown): NormalizedFields {
  const r = slackFormat.normalize(record, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0];
}

describe('slack format', () => {
  it('maps a role change', () => {
    expect(one(roleChange)).toMatchObject({
      time: '2024-02-01T08:00:00.000Z', vendorId: '0123a45b-6c7d-8900-e12f-3456789gh0i1', actor: 'jane@example.com',
      actorType: 'user', action: 'role_change_to_admin', category: 'authorization', severity: 'warning',
      targetType: 'user', target: 'sam@example.com', outcome: 'unknown', sourceIp: '198.51.100.23',
      userAgent: 'Mozilla/5.0', sessionId: '847288190092',
      summary: 'jane@example.com role_change_to_admin user sam@example.com in Acme Grid',
      attributes: { previousRole: 'user', newRole: 'admin', workspace: 'Acme Grid', workspaceType: 'enterprise' },
    });
  });

  it('only states outcomes for logins', () => {
    expect(one({ ...roleChange, action: 'user_login', entity: roleChange.actor })).toMatchObject({ outcome: 'success', category: 'authentication' });
    expect(one({ ...roleChange, action: 'user_login_failed' })).toMatchObject({ outcome: 'failure', severity: 'warning' });
    expect(one({ ...roleChange, action: 'file_downloaded', entity: { type: 'file', file: { id: 'F1', name: 'plan.pdf' } } }))
      .toMatchObject({ outcome: 'unknown', category: 'data_access', target: 'plan.pdf', targetType: 'file' });
  });

  it('flags exports and app bots', () => {
    expect(one({ ...roleChange, action: 'manual_export_started' })).toMatchObject({ category: 'export', severity: 'warning' });
    expect(one({ ...roleChange, actor: { type: 'app', app: { id: 'A1', name: 'deploybot' } } })).toMatchObject({ actor: 'deploybot', actorType: 'service' });
  });

  it('rejects entries without a usable date_create', () => {
    const { date_create: _d, ...rest } = roleChange;
    expect(slackFormat.normalize(rest, ctx)).toEqual({ ok: false, reason: 'no date_create' });
    expect(slackFormat.normalize({ ...roleChange, date_create: 'soon' }, ctx)).toEqual({ ok: false, reason: 'date_create has no usable time: "soon"' });
  });

  it('detects Slack entries but not GitHub-style string actors', () => {
    expect(slackFormat.detect([roleChange], ctx)).toBe(0.9);
    expect(slackFormat.detect([{ action: 'repo.create', actor: 'octocat', created_at: 1 }], ctx)).toBe(0);
  });
});
