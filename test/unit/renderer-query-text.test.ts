import { describe, expect, it } from 'vitest';
import { currentTimePreset, withTimePreset } from '../../renderer/src/features/query/query-text.js';

const CLAUSES = ['time>-1h', 'time>-24h', 'time>-7d'];

describe('time presets in the query text', () => {
  it('replaces any earlier time bounds with the preset, keeping the rest of the query', () => {
    expect(withTimePreset('actor:bob time>=2026-01-01 time<2026-02-01', 'time>-24h')).toBe('actor:bob time>-24h');
    expect(withTimePreset('actor:bob time>-7d', 'time>-1h')).toBe('actor:bob time>-1h');
    expect(withTimePreset('', 'time>-7d')).toBe('time>-7d');
  });
  it('narrows a top-level OR as a whole', () => {
    expect(withTimePreset('actor:a OR actor:b', 'time>-1h')).toBe('(actor:a OR actor:b) time>-1h');
  });
  it('removes time bounds for "any time"', () => {
    expect(withTimePreset('outcome:failure time>-24h', null)).toBe('outcome:failure');
  });
  it('recognises which preset a query carries, or a custom range', () => {
    expect(currentTimePreset('outcome:failure time>-24h', CLAUSES)).toBe('time>-24h');
    expect(currentTimePreset('outcome:failure', CLAUSES)).toBeNull();
    expect(currentTimePreset('time>=2026-01-01 time<2026-02-01', CLAUSES)).toBe('custom');
  });
});
