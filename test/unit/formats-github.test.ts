import { describe, expect, it } from 'vitest';
import { gitHubFormat } from '../../electron/backend/ingest/formats/github.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: 'github-audit.json', csvHeader: null };

// Shaped like the entries of GitHub's "Get the audit log for an organization" REST response.
const addMember = {
  '@timestamp': 1706774400123,
  _document_id: 'Xy1-AbCdEf',
  action: 'repo.add_member',
  actor: 'octocat',
  actor_id: 583231,
  actor_ip: '192.0.2.10',
  actor_location: { country_code: 'DE' },
  created_at: 1706774400456,
  operation_type: 'modify',
  org: 'acme',
  repo: 'acme/widgets',
  user: 'hubot',
  user_agent: 'Mozilla/5.0',
  programmatic_access_type: 'Personal access token (classic)',
  hashed_token: 'abc=',
};

function one(record: unknown): NormalizedFields {
  const r = gitHubFormat.normalize(record, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0];
}

describe('github format', () => {
  it('maps an audit event, with the affected user as target and no guessed outcome', () => {
    expect(one(addMember)).toMatchObject({
      time: '2024-02-01T08:00:00.123Z', receivedTime: '2024-02-01T08:00:00.456Z', vendorId: 'Xy1-AbCdEf',
      actor: 'octocat', actorType: 'user', action: 'repo.add_member', category: 'user_management',
      targetType: 'user', target: 'hubot', outcome: 'unknown', severity: 'info', sourceIp: '192.0.2.10',
      userAgent: 'Mozilla/5.0', location: 'DE', summary: 'octocat repo.add_member hubot in acme/widgets',
      attributes: { org: 'acme', repo: 'acme/widgets', operationType: 'modify', programmaticAccessType: 'Personal access token (classic)', hashedToken: 'abc=' },
    });
  });

  it('targets the repository for repository actions and recognises bots', () => {
    const e = one({ '@timestamp': 1706774400000, action: 'git.clone', actor: 'dependabot[bot]', repo: 'acme/widgets', org: 'acme' });
    expect(e).toMatchObject({ actorType: 'service', category: 'data_access', targetType: 'repository', target: 'acme/widgets', summary: 'dependabot[bot] git.clone acme/widgets' });
  });

  it('flags security controls being turned off as critical, credentials and privileges as warning', () => {
    expect(one({ ...addMember, action: 'org.disable_two_factor_requirement' })).toMatchObject({ category: 'configuration', severity: 'critical' });
    expect(one({ ...addMember, action: 'protected_branch.destroy' }).severity).toBe('critical');
    expect(one({ ...addMember, action: 'org.enable_two_factor_requirement' }).severity).toBe('warning');
    expect(one({ ...addMember, action: 'public_key.create' })).toMatchObject({ category: 'authorization', severity: 'warning' });
    expect(one({ ...addMember, action: 'business.add_admin' })).toMatchObject({ category: 'authorization', severity: 'warning' });
  });

  it('falls back to at_sign_timestamp and created_at, and rejects events without time', () => {
    const { '@timestamp': _t, ...noAt } = addMember;
    expect(one(noAt)).toMatchObject({ time: '2024-02-01T08:00:00.456Z', receivedTime: null });
    const exported = one({ action: 'repo.create', actor: 'octocat', at_sign_timestamp: '2024-02-01 08:00:00.123', created_at: '2024-02-01 08:00:00.123', repo: 'acme/x' });
    expect(exported.time).toBe('2024-02-01T08:00:00.123Z');
    expect(exported.notes).toEqual(['time had no zone; treated as UTC']);
    expect(gitHubFormat.normalize({ action: 'hook.create', actor: 'octocat', org: 'acme' }, ctx)).toEqual({
      ok: false, reason: 'no event time (looked for: @timestamp, at_sign_timestamp, created_at)',
    });
    expect(gitHubFormat.normalize({ ...addMember, '@timestamp': 'soon' }, ctx)).toEqual({ ok: false, reason: '@timestamp has no usable time: "soon"' });
  });

  it('detects GitHub events but not Slack-style object actors', () => {
    expect(gitHubFormat.detect([addMember], ctx)).toBe(0.9);
    expect(gitHubFormat.detect([{ action: 'user_login', actor: { type: 'user' }, date_create: 1 }], ctx)).toBe(0);
  });
});
