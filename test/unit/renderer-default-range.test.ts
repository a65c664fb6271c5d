import { describe, expect, it } from 'vitest';
import { defaultDays, defaultFrom } from '../../renderer/src/features/filters/default-range.js';

describe('default view range of a new case', () => {
  it('is 30 days, or 7 when every format in the case is the seed-004 write-back log', () => {
    expect(defaultDays(['entity-csv'])).toBe(30);
    expect(defaultDays(['writeback'])).toBe(7);
    expect(defaultDays(['writeback', 'okta'])).toBe(30);
    expect(defaultDays([])).toBe(30);
  });
  it('counts back from the last event, from the start of that UTC day', () => {
    expect(defaultFrom('2025-01-01T00:00:00.000Z', '2026-03-31T15:20:00.000Z', 30)).toBe('2026-03-01');
    expect(defaultFrom('2026-03-01T00:00:00.000Z', '2026-03-10T08:00:00.000Z', 7)).toBe('2026-03-03');
  });
  it('applies nothing when the whole case fits in the range', () => {
    expect(defaultFrom('2026-03-05T00:00:00.000Z', '2026-03-31T15:20:00.000Z', 30)).toBeNull();
    expect(defaultFrom('2026-03-01T00:00:00.000Z', '2026-03-31T00:00:00.000Z', 30)).toBeNull();
  });
});
