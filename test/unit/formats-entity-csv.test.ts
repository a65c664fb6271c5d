import { describe, expect, it } from 'vitest';
import { ENTITY_CSV_COLUMNS, entityCsvFormat } from '../../electron/backend/ingest/formats/entity-csv.js';
import type { NormalizedFields } from '../../electron/backend/ingest/formats/types.js';

const csvCtx = { fileName: 'audit-log.csv', csvHeader: [...ENTITY_CSV_COLUMNS] };
const jsonCtx = { fileName: 'audit-log.json', csvHeader: null };

function row(over: Partial<Record<(typeof ENTITY_CSV_COLUMNS)[number], string>>): Record<string, string> {
  const base = Object.fromEntries(ENTITY_CSV_COLUMNS.map((c) => [c, '']));
  return { ...base, ...over };
}

function one(record: unknown): NormalizedFields {
  const r = entityCsvFormat.normalize(record, csvCtx);
  if (!r.ok) throw new Error(r.reason);
  expect(r.events).toHaveLength(1);
  return r.events[0];
}

describe('entity-csv format', () => {
  it('maps a profile publish completely', () => {
    const e = one(row({
      occurredAt: '2024-03-05T09:15:42Z', actor: 'alice@example.com', entityType: 'Profile',
      entitySlug: 'payments-strict', entityVersion: '3', action: 'ProfilePublished', clientIp: '203.0.113.9',
      payload: '{"previousVersion":2,"ruleCount":14}',
    }));
    expect(e).toEqual({
      time: '2024-03-05T09:15:42.000Z', ts: Date.UTC(2024, 2, 5, 9, 15, 42), receivedTime: null, vendorId: null,
      actor: 'alice@example.com', actorType: 'user', action: 'ProfilePublished', category: 'configuration',
      targetType: 'Profile', target: 'payments-strict', outcome: 'unknown', severity: 'info',
      sourceIp: '203.0.113.9', userAgent: null, location: null, sessionId: null,
      summary: 'alice@example.com published profile payments-strict v3',
      attributes: {
        entityType: 'Profile', entitySlug: 'payments-strict', entityVersion: '3',
        'payload.previousVersion': '2', 'payload.ruleCount': '14',
      },
    });
  });

  it('reads API-key actors and API-key targets as credentials', () => {
    const revoked = one(row({
      occurredAt: '2024-03-05 10:00', actor: 'bob', entityType: 'API key', entitySlug: 'ci-token',
      action: 'ApiKeyRevoked', payload: '{}',
    }));
    expect(revoked).toMatchObject({
      actor: 'bob', actorType: 'user', category: 'authorization', severity: 'warning', targetType: 'API key',
      target: 'ci-token', summary: 'API key ci-token revoked by bob', time: '2024-03-05T10:00:00.000Z',
    });
    // occurredAt is documented as UTC: no zone note, but the coarse precision is worth saying.
    expect(revoked.notes).toEqual(['occurredAt has minute precision']);

    const job = one(row({
      occurredAt: '2024-03-05T10:01:02Z', actor: 'API key: ci-token', entityType: 'Spec job',
      entitySlug: 'checkout-api', action: 'SpecJobEnqueued', engineVersion: '1.4.2',
    }));
    expect(job).toMatchObject({
      actor: 'ci-token', actorType: 'api_key', category: 'resource_change', severity: 'info',
      summary: 'API key ci-token enqueued spec job checkout-api on engine 1.4.2',
      attributes: { entityType: 'Spec job', entitySlug: 'checkout-api', engineVersion: '1.4.2' },
    });
    expect(job.notes).toBeUndefined();
  });

  it('categorises rules and engine versions as configuration', () => {
    const rule = one(row({ occurredAt: '2024-03-05T10:00:00Z', actor: 'u_42', entityType: 'Rule', entitySlug: 'no-todo', entityVersion: '7', action: 'RuleCreated' }));
    expect(rule).toMatchObject({ category: 'configuration', summary: 'u_42 created rule no-todo v7' });
    const engine = one(row({ occurredAt: '2024-03-05T10:00:00Z', actor: 'system', entityType: 'Engine version', entitySlug: '1.5.0', action: 'EngineVersionDeprecated', engineVersion: '1.5.0' }));
    expect(engine).toMatchObject({ category: 'configuration', actorType: 'system', summary: 'system deprecated engine version 1.5.0' });
  });

  it('takes the outcome only from the payload, and keeps a non-JSON payload as text', () => {
    const failed = one(row({ occurredAt: '2024-03-05T10:00:00Z', actor: 'a', action: 'SpecJobCancelled', payload: '{"result":"failed","error":"timeout"}' }));
    expect(failed.outcome).toBe('failure');
    const text = one(row({ occurredAt: '2024-03-05T10:00:00Z', actor: 'a', action: 'RuleArchived', payload: 'archived by policy' }));
    expect(text.outcome).toBe('unknown');
    expect(text.attributes?.payload).toBe('archived by policy');
    expect(text.notes).toEqual(['payload is not valid JSON; kept as text']);
  });

  it('accepts the JSON form with an object payload', () => {
    const e = entityCsvFormat.normalize({ ...row({ occurredAt: '2024-03-05T10:00:00+01:00', actor: 'a', action: 'RulePublished', entitySlug: 'r' }), payload: { success: true } }, jsonCtx);
    expect(e.ok && e.events[0]).toMatchObject({ time: '2024-03-05T09:00:00.000Z', outcome: 'success', target: 'r' });
  });

  it('rejects rows without a usable occurredAt', () => {
    expect(entityCsvFormat.normalize(row({ actor: 'a' }), csvCtx)).toEqual({ ok: false, reason: 'occurredAt is empty' });
    expect(entityCsvFormat.normalize(row({ occurredAt: 'soon' }), csvCtx)).toEqual({ ok: false, reason: 'occurredAt has no usable time: "soon"' });
  });

  it('detects its header (0.95) and its JSON rows (0.9)', () => {
    expect(entityCsvFormat.detect([], csvCtx)).toBe(0.95);
    expect(entityCsvFormat.detect([], { fileName: 'x.csv', csvHeader: ['\uFEFFoccurredAt', ...ENTITY_CSV_COLUMNS.slice(1)] })).toBe(0.95);
    expect(entityCsvFormat.detect([], { fileName: 'x.csv', csvHeader: ['occurredAt', 'actor', 'action'] })).toBe(0);
    expect(entityCsvFormat.detect([row({}), row({})], jsonCtx)).toBe(0.9);
    expect(entityCsvFormat.detect([{ occurredAt: 'x', actor: 'y' }], jsonCtx)).toBe(0);
  });
});
