import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels } from '../../shared/contract/channels.js';

describe('contract', () => {
  it('names every channel domain:verb (kebab-case words) and gives it input and output schemas', () => {
    for (const name of CHANNEL_NAMES) {
      expect(name).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
      expect(channels[name].input.safeParse).toBeTypeOf('function');
    }
  });
  it('rejects an events:window request with a negative offset', () => {
    const r = channels['events:window'].input.safeParse({ query: '', order: 'desc', offset: -1, limit: 10 });
    expect(r.success).toBe(false);
  });
});
