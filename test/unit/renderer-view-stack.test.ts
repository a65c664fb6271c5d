import { describe, expect, it } from 'vitest';
import { contextQuery, MAX_VIEWS, popView, pushView, viewTitle, withPanel, withQuery, type View } from '../../renderer/src/features/views/view-stack.js';
import { sessionQuery } from '../../renderer/src/features/sessions/session-query.js';
import { parseQuery } from '../../shared/query/parse.js';

const start: View = { query: 'actor:mallory@example.com outcome:failure', order: 'desc', panel: null, title: 'start' };
const context: View = {
  query: contextQuery('2026-03-01T12:00:00.000Z', 5),
  order: 'asc',
  panel: { kind: 'context', id: 'e1', time: '2026-03-01T12:00:00.000Z', minutes: 5 },
  title: '',
};

describe('view stack', () => {
  it('push keeps the view left behind (with the order it had); Back returns to it; the first view stays', () => {
    const pushed = pushView([start], 'asc', context);
    expect(pushed).toHaveLength(2);
    expect(pushed[0]).toEqual({ ...start, order: 'asc' });
    const back = popView(pushed);
    expect(back).toEqual([{ ...start, order: 'asc' }]);
    expect(popView(back)).toEqual(back);
  });

  it('typing a query changes the current view in place and leaves a panel view as a plain one', () => {
    const s = withQuery(pushView([start], 'desc', context), 'action:LOGIN*');
    expect(s).toHaveLength(2);
    expect(s[1]).toMatchObject({ query: 'action:LOGIN*', panel: null, title: 'action:LOGIN*' });
    expect(withQuery(s, 'action:LOGIN*')).toEqual(s);
  });

  it('changing a panel (the context N) does not add a step', () => {
    const time = '2026-03-01T12:00:00.000Z';
    const s = withPanel(pushView([start], 'desc', context), { kind: 'context', id: 'e1', time, minutes: 15 }, contextQuery(time, 15));
    expect(s).toHaveLength(2);
    expect(s[1].panel).toMatchObject({ minutes: 15 });
    expect(s[1].query).toBe('time>=2026-03-01T11:45:00.000Z time<=2026-03-01T12:15:00.000Z');
  });

  it('keeps at most MAX_VIEWS steps, dropping the oldest', () => {
    let s: View[] = [start];
    for (let i = 0; i < MAX_VIEWS + 5; i++) s = pushView(s, 'desc', { ...start, query: `n:${i}` });
    expect(s).toHaveLength(MAX_VIEWS);
    expect(s[s.length - 1].query).toBe(`n:${MAX_VIEWS + 4}`);
  });

  it('titles say what Back returns to', () => {
    expect(viewTitle(context)).toBe('events around 2026-03-01 12:00:00Z');
    expect(viewTitle({ ...start, panel: { kind: 'sessions', actor: 'bob', gapMinutes: 30 } })).toBe('sessions of bob');
  });
});

describe('queries built by the workbench', () => {
  it('context and session queries parse and bound exactly the window', () => {
    const ast = parseQuery(contextQuery('2026-03-01T12:00:00.000Z', 5));
    expect(ast).toMatchObject({ kind: 'and', children: [{ kind: 'time', from: Date.parse('2026-03-01T11:55:00.000Z') }, { kind: 'time', to: Date.parse('2026-03-01T12:05:00.000Z') + 1 }] });
    const session = { sessionId: 'abc def', start: '2026-03-01T12:00:00.000Z', end: '2026-03-01T12:30:00.000Z' };
    const vendor = sessionQuery('Mallory "M"', session as Parameters<typeof sessionQuery>[1]);
    expect(vendor).toBe('actor:"Mallory \\"M\\"" session:"abc def" time>=2026-03-01T12:00:00.000Z time<=2026-03-01T12:30:00.000Z');
    expect(() => parseQuery(vendor)).not.toThrow();
    const gap = sessionQuery('bob', { ...session, sessionId: null } as Parameters<typeof sessionQuery>[1]);
    expect(parseQuery(gap)).toMatchObject({ children: expect.arrayContaining([{ kind: 'not', child: { kind: 'has', field: 'session' } }]) });
  });
});
