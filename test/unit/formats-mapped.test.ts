import { describe, expect, it } from 'vitest';
import { mappedFormat } from '../../electron/backend/ingest/formats/mapped.js';
import { MappingProfileSchema } from '../../shared/model/mapping.js';

const ctx = { fileName: 'x.csv', csvHeader: ['ts_utc', 'principal_name', 'verb_name', 'client_addr', 'ok'] };

describe('mapped format (analyst-defined field mapping)', () => {
  const profile = MappingProfileSchema.parse({
    name: 'crm',
    fields: { time: 'ts_utc', actor: 'principal_name', action: 'verb_name', sourceIp: 'client_addr', outcome: 'ok', target: 'obj.name' },
  });
  const module = mappedFormat(profile, 'csv');

  it('reads each mapped field, including dotted paths into nested JSON', () => {
    const r = module.normalize({ ts_utc: '2026-02-03 04:05:06', principal_name: 'alice@example.com', verb_name: 'LOGIN_FAILURE', client_addr: '198.51.100.2', ok: 'false', obj: { name: 'crm-prod' } }, ctx);
    if (!r.ok) throw new Error(r.reason);
    expect(r.events[0]).toMatchObject({
      time: '2026-02-03T04:05:06.000Z', actor: 'alice@example.com', actorType: 'user', action: 'LOGIN_FAILURE',
      sourceIp: '198.51.100.2', outcome: 'failure', target: 'crm-prod', category: 'authentication',
    });
    expect(r.events[0].notes?.[0]).toMatch(/treated as UTC/);
  });

  it('rejects a record whose mapped time is missing or unusable, naming the field', () => {
    expect(module.normalize({ principal_name: 'bob' }, ctx)).toEqual({ ok: false, reason: 'mapped time field "ts_utc" is missing' });
    const bad = module.normalize({ ts_utc: 'yesterday' }, ctx);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toContain('has no usable time');
  });

  it('requires a time field and refuses unknown field names in a profile', () => {
    expect(MappingProfileSchema.safeParse({ fields: { actor: 'a' } }).success).toBe(false);
    expect(MappingProfileSchema.safeParse({ fields: { time: 't', acter: 'a' } }).success).toBe(false);
  });
});
