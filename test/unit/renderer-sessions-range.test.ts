import { describe, expect, it } from 'vitest';
import { queryTimeRange, sessionsBounds, timeTerms } from '../../renderer/src/features/sessions/time-range.js';
import { SessionsInputSchema } from '../../shared/contract/workbench.js';

const NOW = new Date('2026-11-05T00:00:00.000Z');
const ms = (iso: string) => Date.parse(iso);

describe('the current time range of a query', () => {
  it('is the timeline zoom\'s half-open range', () => {
    expect(queryTimeRange('actor:bob time>=2026-10-01T10:00:00.000Z time<2026-10-01T11:00:00.000Z', NOW)).toEqual({
      from: ms('2026-10-01T10:00:00.000Z'),
      to: ms('2026-10-01T11:00:00.000Z'),
    });
  });

  it('reads presets, whole periods and one-sided bounds', () => {
    // `>` an instant: strictly after it.
    expect(queryTimeRange('time>-24h', NOW)).toEqual({ from: ms('2026-11-04T00:00:00.000Z') + 1, to: null });
    expect(queryTimeRange('time>=-24h', NOW)).toEqual({ from: ms('2026-11-04T00:00:00.000Z'), to: null });
    expect(queryTimeRange('actor:bob time:2026-10', NOW)).toEqual({ from: ms('2026-10-01T00:00:00.000Z'), to: ms('2026-11-01T00:00:00.000Z') });
    expect(queryTimeRange('time<=2026-10-31', NOW)).toEqual({ from: null, to: ms('2026-11-01T00:00:00.000Z') });
  });

  it('intersects several bounds', () => {
    expect(queryTimeRange('time>=2026-10-01 time>=2026-10-05 time<2026-10-20 time<2026-10-10', NOW)).toEqual({
      from: ms('2026-10-05T00:00:00.000Z'),
      to: ms('2026-10-10T00:00:00.000Z'),
    });
  });

  it('ignores time terms that do not bound the whole result (under OR or NOT), and bad queries', () => {
    expect(queryTimeRange('actor:bob', NOW)).toBeNull();
    expect(queryTimeRange('', NOW)).toBeNull();
    expect(queryTimeRange('time>-1h OR actor:bob', NOW)).toBeNull();
    expect(queryTimeRange('-time>-1h', NOW)).toBeNull();
    expect(queryTimeRange('(time>=-1h OR actor:bob) outcome:failure', NOW)).toBeNull();
    // Parentheses around an AND still bound everything.
    expect(queryTimeRange('(time>=-1h actor:bob) outcome:failure', NOW)).toEqual({ from: ms('2026-11-04T23:00:00.000Z'), to: null });
    expect(queryTimeRange('actor:"unclosed', NOW)).toBeNull();
  });
});

describe('carrying and applying the range', () => {
  it('the time terms carried into a sessions view, as written', () => {
    expect(timeTerms('action:LOGIN_FAILURE time>-24h actor:bob')).toBe('time>-24h');
    expect(timeTerms('time>=2026-10-01T10:00:00.000Z x time<2026-10-01T11:00:00.000Z')).toBe('time>=2026-10-01T10:00:00.000Z time<2026-10-01T11:00:00.000Z');
    expect(timeTerms('time>="2026-10-01 10:00"')).toBe('time>="2026-10-01 10:00"');
    expect(timeTerms('actor:bob OR time>-1h')).toBe('');
  });

  it('becomes inclusive ISO bounds the actor:sessions channel accepts', () => {
    const bounds = sessionsBounds({ from: ms('2026-10-01T10:00:00.000Z'), to: ms('2026-10-01T11:00:00.000Z') });
    expect(bounds).toEqual({ from: '2026-10-01T10:00:00.000Z', to: '2026-10-01T10:59:59.999Z' });
    expect(SessionsInputSchema.parse({ actor: 'bob', ...bounds })).toMatchObject(bounds);
    expect(sessionsBounds({ from: null, to: ms('2026-10-02T00:00:00.000Z') })).toEqual({ to: '2026-10-01T23:59:59.999Z' });
    expect(sessionsBounds({ from: ms('2026-10-02T00:00:00.000Z'), to: null })).toEqual({ from: '2026-10-02T00:00:00.000Z' });
  });
});
