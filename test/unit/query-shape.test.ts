import { describe, expect, it } from 'vitest';
import { queryShape } from '../../electron/backend/store/query-shape.js';
import { parseQuery } from '../../shared/query/parse.js';

const shapeOf = (text: string) => queryShape(parseQuery(text, { now: new Date('2026-02-01T12:00:00Z') }));
const ms = (iso: string) => Date.parse(iso);

describe('queryShape: which results an index can count per bucket', () => {
  it('the whole case and time ranges, with several bounds intersected', () => {
    expect(shapeOf('')).toEqual({ from: null, to: null });
    expect(shapeOf('time>=2026-01-10')).toEqual({ from: ms('2026-01-10T00:00:00Z'), to: null });
    expect(shapeOf('time>=2026-01-10 time<2026-01-20 time>=2026-01-12 time<2026-01-25')).toEqual({
      from: ms('2026-01-12T00:00:00Z'), to: ms('2026-01-20T00:00:00Z'),
    });
    expect(shapeOf('time>-24h')).toEqual({ from: ms('2026-01-31T12:00:00Z') + 1, to: null });
  });

  it('one value of an indexed enum (outcome, severity, category), alone or within a range', () => {
    expect(shapeOf('severity:info')).toEqual({ from: null, to: null, equals: { column: 'severity', value: 'info' } });
    expect(shapeOf('Outcome:SUCCESS time<2026-01-20')).toEqual({
      from: null, to: ms('2026-01-20T00:00:00Z'), equals: { column: 'outcome', value: 'success' },
    });
    expect(shapeOf('category:authentication')?.equals).toEqual({ column: 'category', value: 'authentication' });
  });

  it("all but one value of an indexed enum (a facet's alt-click)", () => {
    expect(shapeOf('-severity:critical')).toEqual({ from: null, to: null, equals: { column: 'severity', value: 'critical', negated: true } });
    expect(shapeOf('NOT outcome:failure time>=2026-01-10')).toEqual({
      from: ms('2026-01-10T00:00:00Z'), to: null, equals: { column: 'outcome', value: 'failure', negated: true },
    });
  });

  it('anything else is read row by row', () => {
    for (const text of [
      'actor:alice', '"role"', 'severity:info outcome:success', 'severity:info OR severity:warning', '-severity:info -outcome:failure',
      '-(severity:info time>=2026-01-10)', '-time>=2026-01-10', '-actor:alice', 'NOT NOT severity:info',
      'outcome:succ*', 'actorType:user', 'has:actor', 'action:/^LOGIN/', 'tag:x', 'time>=2026-01-10 is:starred',
    ]) {
      expect(shapeOf(text), text).toBeNull();
    }
  });
});
