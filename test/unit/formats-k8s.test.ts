import { describe, expect, it } from 'vitest';
import { k8sFormat } from '../../electron/backend/ingest/formats/k8s.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const ctx = { fileName: 'kube-apiserver-audit.log', csvHeader: null };

// Shaped like the audit.k8s.io/v1 Event in the Kubernetes auditing documentation.
const createConfigMap = {
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  level: 'Metadata',
  auditID: '7f0c-1',
  stage: 'ResponseComplete',
  requestURI: '/api/v1/namespaces/team-a/configmaps',
  verb: 'create',
  user: { username: 'jane@example.com', groups: ['devs', 'system:authenticated'] },
  sourceIPs: ['198.51.100.7', '10.0.0.1'],
  userAgent: 'kubectl/v1.29.0',
  objectRef: { resource: 'configmaps', namespace: 'team-a', name: 'app-config', apiVersion: 'v1' },
  responseStatus: { metadata: {}, code: 201 },
  requestReceivedTimestamp: '2024-02-01T08:00:00.123456Z',
  stageTimestamp: '2024-02-01T08:00:00.130000Z',
  annotations: { 'authorization.k8s.io/decision': 'allow' },
};

function one(record: unknown): NormalizedFields {
  const r = k8sFormat.normalize(record, ctx);
  if (!r.ok) throw new Error(r.reason);
  return r.events[0];
}

describe('k8s format', () => {
  it('maps a completed request', () => {
    expect(one(createConfigMap)).toMatchObject({
      time: '2024-02-01T08:00:00.123Z', vendorId: '7f0c-1:ResponseComplete', actor: 'jane@example.com',
      actorType: 'user', action: 'create', category: 'resource_change', targetType: 'configmaps',
      target: 'team-a/app-config', outcome: 'success', severity: 'info', sourceIp: '198.51.100.7',
      userAgent: 'kubectl/v1.29.0', summary: 'jane@example.com create configmaps team-a/app-config -> 201',
      attributes: {
        auditID: '7f0c-1', stage: 'ResponseComplete', responseCode: '201', sourceIPs: '198.51.100.7, 10.0.0.1',
        stageTimestamp: '2024-02-01T08:00:00.130000Z', authorizationDecision: 'allow', groups: 'devs, system:authenticated',
      },
    });
  });

  it('reports forbidden impersonated requests as warning failures', () => {
    const e = one({
      ...createConfigMap, verb: 'list', user: { username: 'system:admin' }, impersonatedUser: { username: 'bob' },
      objectRef: { resource: 'pods', namespace: 'default', apiVersion: 'v1' },
      responseStatus: { status: 'Failure', reason: 'Forbidden', code: 403 },
    });
    expect(e).toMatchObject({
      outcome: 'failure', severity: 'warning', category: 'data_access', actorType: 'user', target: 'default',
      summary: 'system:admin (as bob) list pods in default -> 403 Forbidden',
    });
    expect(e.attributes?.impersonatedUser).toBe('bob');
  });

  it('keeps earlier stages without a status unknown and flags exec, secrets and RBAC', () => {
    const started = one({ ...createConfigMap, stage: 'RequestReceived', responseStatus: undefined });
    expect(started).toMatchObject({ outcome: 'unknown', vendorId: '7f0c-1:RequestReceived' });
    expect(one({ ...createConfigMap, objectRef: { resource: 'pods', subresource: 'exec', namespace: 'a', name: 'p' }, responseStatus: { code: 101 } }))
      .toMatchObject({ targetType: 'pods/exec', outcome: 'success', severity: 'warning' });
    expect(one({ ...createConfigMap, verb: 'get', objectRef: { resource: 'secrets', namespace: 'a', name: 's' } }))
      .toMatchObject({ category: 'data_access', severity: 'warning' });
    expect(one({ ...createConfigMap, objectRef: { resource: 'clusterrolebindings', apiGroup: 'rbac.authorization.k8s.io', name: 'x' } }))
      .toMatchObject({ category: 'authorization', severity: 'warning', targetType: 'clusterrolebindings.rbac.authorization.k8s.io' });
    expect(one({ ...createConfigMap, user: { username: 'system:serviceaccount:kube-system:replicaset-controller' } }).actorType).toBe('service');
    expect(one({ ...createConfigMap, user: { username: 'system:kube-scheduler' } }).actorType).toBe('system');
  });

  it('reads the older timestamp field', () => {
    const { requestReceivedTimestamp: _r, stageTimestamp: _s, ...old } = createConfigMap;
    expect(one({ ...old, apiVersion: 'audit.k8s.io/v1beta1', timestamp: '2017-09-11T19:55:05Z' }).time).toBe('2017-09-11T19:55:05.000Z');
  });

  it('rejects broken or partial events with a reason', () => {
    expect(k8sFormat.normalize({ kind: 0 }, ctx)).toEqual({ ok: false, reason: 'not a Kubernetes audit Event (kind is 0)' });
    expect(k8sFormat.normalize({ ...createConfigMap, auditID: undefined }, ctx)).toEqual({ ok: false, reason: 'audit Event without auditID' });
    expect(k8sFormat.normalize({ ...createConfigMap, verb: '' }, ctx)).toEqual({ ok: false, reason: 'audit Event without verb' });
    const { requestReceivedTimestamp: _r, stageTimestamp: _s, ...timeless } = createConfigMap;
    expect(k8sFormat.normalize(timeless, ctx)).toEqual({ ok: false, reason: 'audit Event without requestReceivedTimestamp, timestamp or stageTimestamp' });
  });

  it('expands EventList batches from the webhook backend and detects both shapes', () => {
    const list = { kind: 'EventList', apiVersion: 'audit.k8s.io/v1', items: [createConfigMap, { kind: 0 }] };
    const r = k8sFormat.normalize(list, ctx);
    expect(r.ok && r.events).toHaveLength(1);
    expect(r.ok && r.events[0].notes?.[0]).toBe('1 of 2 items elements rejected: items[1]: not a Kubernetes audit Event (kind is 0)');
    expect(k8sFormat.detect([createConfigMap], ctx)).toBe(0.95);
    expect(k8sFormat.detect([list], ctx)).toBe(0.95);
    expect(k8sFormat.detect([{ kind: 0 }], ctx)).toBe(0);
  });
});
