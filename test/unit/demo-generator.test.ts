import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../electron/backend/demo/generate.js';

const END = new Date('2026-06-01T00:00:00Z');

describe('demo generator', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = [...generateDemo({ events: 500, seed: 1, end: END })];
    const b = [...generateDemo({ events: 500, seed: 1, end: END })];
    const c = [...generateDemo({ events: 500, seed: 2, end: END })];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });
  it('covers the seeds\' event kinds, in time order, ending before `end`', () => {
    const events = [...generateDemo({ events: 5000, seed: 42, end: END })];
    const actions = new Set(events.map((e) => e.action));
    for (const a of ['LOGIN_SUCCESS', 'LOGIN_FAILURE', 'USER_ROLE_CHANGED', 'RulePublished', 'ProfilePublished', 'ApiKeyCreated', 'ApiKeyRevoked', 'AUDIT_EXPORT_STARTED', 'AUDIT_EXPORT_COMPLETED', 'SpecJobEnqueued']) {
      expect(actions, a).toContain(a);
    }
    const times = events.map((e) => Date.parse(e.timestamp));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(Math.max(...times)).toBeLessThanOrEqual(END.getTime());
    expect(events.filter((e) => e.actorType === 'api_key').length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });
});
