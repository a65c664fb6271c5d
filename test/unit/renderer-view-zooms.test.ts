import { describe, expect, it } from 'vitest';
import { MAX_ZOOMS, popView, pushView, withoutTimeTerms, withQuery, withZoomIn, withZoomOut, type View } from '../../renderer/src/features/views/view-stack.js';

const a: View = { query: 'action:LOGIN_FAILURE', order: 'desc', panel: null, title: 'a' };
const b: View = { query: 'actor:bob', order: 'desc', panel: null, title: 'b' };
const top = (s: View[]) => s[s.length - 1];

/** What the timeline does on a zoom: the step in the view's history, then the zoomed query. */
const zoom = (s: View[], zoomed: string) => withQuery(withZoomIn(s, top(s).query), zoomed);
/** What Zoom out does: the query from before the last zoom, then the step spent. */
const zoomOut = (s: View[]) => withZoomOut(withQuery(s, top(s).zooms![top(s).zooms!.length - 1]));

describe('timeline zoom history per view', () => {
  it('each view keeps its own steps; Back returns to the view left with its own history', () => {
    let s = zoom([a], 'action:LOGIN_FAILURE time>=2026-10-01T00:00:00.000Z time<2026-10-02T00:00:00.000Z');
    s = zoom(s, 'action:LOGIN_FAILURE time>=2026-10-01T10:00:00.000Z time<2026-10-01T11:00:00.000Z');
    expect(top(s).zooms).toEqual(['action:LOGIN_FAILURE', 'action:LOGIN_FAILURE time>=2026-10-01T00:00:00.000Z time<2026-10-02T00:00:00.000Z']);

    s = pushView(s, 'desc', b);
    expect(top(s).zooms).toBeUndefined(); // a new view starts clean
    s = zoom(s, 'actor:bob time>=2026-10-03T00:00:00.000Z time<2026-10-04T00:00:00.000Z');
    expect(top(s).zooms).toEqual(['actor:bob']);

    s = popView(s); // Back to a: its two steps, not b's
    expect(top(s).zooms).toHaveLength(2);
    s = zoomOut(s);
    expect(top(s).query).toBe('action:LOGIN_FAILURE time>=2026-10-01T00:00:00.000Z time<2026-10-02T00:00:00.000Z');
    s = zoomOut(s);
    expect(top(s)).toMatchObject({ query: 'action:LOGIN_FAILURE', zooms: [] });

    s = pushView(s, 'desc', b); // pivoting again to b starts clean
    expect(top(s).zooms).toBeUndefined();
  });

  it('typing a query keeps the view\'s zoom history; it is capped at MAX_ZOOMS steps', () => {
    let s: View[] = [a];
    for (let i = 0; i < MAX_ZOOMS + 3; i++) s = withZoomIn(s, `q${i}`);
    expect(top(s).zooms).toHaveLength(MAX_ZOOMS);
    expect(top(s).zooms![0]).toBe('q3');
    expect(top(withQuery(s, 'outcome:failure')).zooms).toHaveLength(MAX_ZOOMS);
    expect(top(withZoomOut([a])).zooms).toEqual([]);
  });
});

describe('a sessions view under a new time range', () => {
  const sessions: View = { ...b, panel: { kind: 'sessions', actor: 'bob', gapMinutes: 30, inRange: true } };

  it('keeps the sessions panel when only the time terms change (a zoom, a preset)', () => {
    const zoomed = withQuery([a, sessions], 'actor:bob time>=2026-10-03T00:00:00.000Z time<2026-10-04T00:00:00.000Z');
    expect(top(zoomed).panel).toEqual(sessions.panel);
    expect(top(withQuery(zoomed, 'actor:bob time>-24h')).panel).toEqual(sessions.panel);
    expect(top(withQuery(zoomed, 'actor:bob')).panel).toEqual(sessions.panel);
  });

  it('leaves the panel when the query changes otherwise, and other panels on any change', () => {
    expect(top(withQuery([a, sessions], 'actor:alice')).panel).toBeNull();
    const context: View = { ...b, panel: { kind: 'context', id: 'e1', time: '2026-10-03T00:00:00.000Z', minutes: 5 } };
    expect(top(withQuery([a, context], 'actor:bob time>-1h')).panel).toBeNull();
  });

  it('strips only time terms', () => {
    expect(withoutTimeTerms('actor:bob time>=2026-10-03 time<2026-10-04 outcome:failure')).toBe('actor:bob outcome:failure');
    expect(withoutTimeTerms('time:2026-10 actor:bob time>-24h')).toBe('actor:bob');
    expect(withoutTimeTerms('timeline actor:bob')).toBe('timeline actor:bob');
  });
});
