import { describe, expect, it } from 'vitest';
import { describeLocation } from '../../shared/format/location.js';

describe('describeLocation (seed 003: city/region and IP, or Unknown)', () => {
  it('joins the place and the address', () => {
    expect(describeLocation('Portland, Oregon, US', '198.51.100.7')).toBe('Portland, Oregon, US · 198.51.100.7');
  });
  it('says Unknown when no place is known, keeping the address', () => {
    expect(describeLocation(null, '198.51.100.7')).toBe('Unknown · 198.51.100.7');
    expect(describeLocation('  ', null)).toBe('Unknown');
  });
  it('shows a place without an address as is', () => {
    expect(describeLocation('GitHub Actions', undefined)).toBe('GitHub Actions');
  });
});
