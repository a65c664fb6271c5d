import { describe, expect, it } from 'vitest';
import { FieldIndex } from '../../electron/backend/ingest/formats/field-finder.js';

const ACTOR = ['actor', 'user', 'actorEmail'];
const IP = ['ip', 'clientIp'];

describe('field finder (shapes remembered between records)', () => {
  it('finds top-level and nested fields by folded name', () => {
    const idx = new FieldIndex({ Client_IP: '10.0.0.1', actor: { email: 'a@x.io' } });
    expect(idx.find(IP)).toEqual({ key: 'Client_IP', value: '10.0.0.1' });
    expect(idx.find(ACTOR, (v) => typeof v === 'string')).toEqual({ key: 'actor.email', value: 'a@x.io' });
  });

  it('never reuses the previous shape for records whose keys or nesting differ', () => {
    // Each record right after one with the same top-level keys but other nesting, or other nested keys.
    const records: Record<string, unknown>[] = [
      { actor: { email: 'a@x.io' }, ip: '1.1.1.1' },
      { actor: 'b@x.io', ip: '2.2.2.2' },
      { actor: { email: 'c@x.io' }, ip: '3.3.3.3' },
      { actor: { mail: 'd@x.io', email: 'e@x.io' }, ip: '4.4.4.4' },
      { actor: { email: 'f@x.io' } },
      { ip: '6.6.6.6', actor: { email: 'g@x.io' } },
      { actor: { email: 'h@x.io' }, ip: '7.7.7.7', clientIp: '8.8.8.8' },
    ];
    const found = records.map((r) => {
      const idx = new FieldIndex(r);
      return [idx.find(ACTOR, (v) => typeof v === 'string')?.value ?? null, idx.find(IP)?.value ?? null, idx.findAll(IP).length];
    });
    expect(found).toEqual([
      ['a@x.io', '1.1.1.1', 1],
      ['b@x.io', '2.2.2.2', 1],
      ['c@x.io', '3.3.3.3', 1],
      ['e@x.io', '4.4.4.4', 1],
      ['f@x.io', null, 0],
      ['g@x.io', '6.6.6.6', 1],
      ['h@x.io', '7.7.7.7', 2],
    ]);
  });
});
