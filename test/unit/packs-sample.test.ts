import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../electron/backend/packs/report-html.js';
import { samplePositions } from '../../electron/backend/packs/sample.js';
import { dosDateTime } from '../../electron/backend/packs/zip-writer.js';

describe('pack sampling', () => {
  it('draws exactly n distinct positions below the population size, the same for the same seed', () => {
    const a = samplePositions(1000, 25, 4711, 'auth-failures');
    expect(a.size).toBe(25);
    expect([...a].every((p) => Number.isInteger(p) && p >= 0 && p < 1000)).toBe(true);
    expect([...samplePositions(1000, 25, 4711, 'auth-failures')]).toEqual([...a]);
    expect([...samplePositions(1000, 25, 4712, 'auth-failures')].sort()).not.toEqual([...a].sort());
    // Each population has its own stream: the same seed does not draw the same positions for another population.
    expect([...samplePositions(1000, 25, 4711, 'critical')].sort()).not.toEqual([...a].sort());
  });

  it('takes the whole population when n is not smaller, and is roughly uniform otherwise', () => {
    expect([...samplePositions(5, 10, 1, 'p')]).toEqual([0, 1, 2, 3, 4]);
    const hits = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 2000; seed++) for (const p of samplePositions(10, 1, seed, 'p')) hits[p]++;
    for (const h of hits) expect(h).toBeGreaterThan(120); // expected 200 each; a biased draw would starve some
  });
});

describe('pack writers', () => {
  it('writes MS-DOS zip times from the UTC wall clock, clamped to the format range', () => {
    expect(dosDateTime('2026-07-01T00:00:00.000Z')).toEqual({ date: (46 << 9) | (7 << 5) | 1, time: 0 });
    expect(dosDateTime('2026-12-31T23:59:59.999Z')).toEqual({ date: (46 << 9) | (12 << 5) | 31, time: (23 << 11) | (59 << 5) | 29 });
    expect(dosDateTime('1970-01-01T00:00:00Z').date >> 9).toBe(0);
  });

  it('escapes every character that could open markup or an attribute in the report', () => {
    expect(escapeHtml(`<script>"x" & 'y' \`z\`</script>`)).toBe('&#60;script&#62;&#34;x&#34; &#38; &#39;y&#39; &#96;z&#96;&#60;/script&#62;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml({ a: '<b>' })).toBe('{&#34;a&#34;:&#34;&#60;b&#62;&#34;}');
  });
});
