import { describe, expect, it } from 'vitest';
import { cloudflareFormat } from '../../electron/backend/ingest/formats/cloudflare.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: 'cf-audit.json', csvHeader: null };

// API v1 audit log object (aaa_audit-logs schema).
const v1 = {
  id: 'd5b0f326-1232-4452-8858-1089bd7168ef',
  action: { type: 'token_create', result: true },
  actor: { email: 'ops@example.com', id: 'f6b5de', ip: '198.41.129.166', type: 'user' },
  interface: 'UI',
  metadata: {},
  newValue: '',
  oldValue: '',
  owner: { id: 'acc1' },
  resource: { id: 'tok-9', type: 'API token' },
  when: '2024-02-01T08:00:00Z',
};

function one(record: unknown): NormalizedFields {
  const r = cloudflareFormat.normalize(record, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0];
}

describe('cloudflare format', () => {
  it('maps an API v1 entry', () => {
    expect(one(v1)).toMatchObject({
      time: '2024-02-01T08:00:00.000Z', vendorId: 'd5b0f326-1232-4452-8858-1089bd7168ef', actor: 'ops@example.com', actorType: 'user',
      action: 'token_create', category: 'authorization', severity: 'warning', outcome: 'success', targetType: 'API token',
      target: 'tok-9', sourceIp: '198.41.129.166', summary: 'ops@example.com token_create API token tok-9', attributes: { interface: 'UI' },
    });
    expect(one({ ...v1, action: { type: 'token_create', result: false } })).toMatchObject({ outcome: 'failure', summary: 'ops@example.com token_create API token tok-9 (failed)' });
  });

  it('maps the Logpush audit_logs dataset', () => {
    expect(one({ ActionResult: true, ActionType: 'rec_set', ActorEmail: 'dns@example.com', ActorID: 'a', ActorIP: '192.0.2.40', ActorType: 'user', ID: 'lp-1', Interface: 'API', ResourceID: 'rec-1', ResourceType: 'DNS_record', When: 1706774400000 }))
      .toMatchObject({ time: '2024-02-01T08:00:00.000Z', vendorId: 'lp-1', category: 'configuration', outcome: 'success', sourceIp: '192.0.2.40' });
  });

  it('maps the v2 shape, with API-token actors', () => {
    const e = one({
      id: 'v2-1', account: { id: 'acc', name: 'Acme' },
      action: { description: 'Delete Logpush job', result: 'success', time: '2024-02-01T09:00:00.5Z', type: 'delete' },
      actor: { id: 'u', context: 'api_token', email: 'ops@example.com', ip_address: '2001:db8::9', token_id: 't1', token_name: 'terraform', type: 'user' },
      raw: { cf_ray_id: 'ray', method: 'DELETE', status_code: 200, uri: '/logpush/jobs/1', user_agent: 'terraform/1.7' },
      resource: { id: 'job-1', product: 'logpush', type: 'logpush_job' }, zone: { id: 'z', name: 'example.com' },
    });
    expect(e).toMatchObject({
      actorType: 'api_key', outcome: 'success', category: 'configuration', severity: 'critical', userAgent: 'terraform/1.7',
      sourceIp: '2001:db8::9', attributes: { token: 'terraform', product: 'logpush', statusCode: '200' },
    });
  });

  it('rejects unusable times and detects only Cloudflare shapes', () => {
    expect(cloudflareFormat.normalize({ ...v1, when: 'x' }, ctx)).toEqual({ ok: false, reason: 'when has no usable time: "x"' });
    expect(cloudflareFormat.detect([v1], ctx)).toBe(0.9);
    expect(cloudflareFormat.detect([{ action: 'x', actor: 'y' }], ctx)).toBe(0);
  });
});
