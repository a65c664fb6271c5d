import { describe, expect, it } from 'vitest';
import {
  fromScrollTop,
  revealRow,
  rowOffset,
  scrollGeometry,
  toScrollTop,
  visibleRows,
} from '../../renderer/src/features/table/scroll-math.js';

const ROW = 24;
const VIEWPORT = 600; // 25 rows

describe('virtual list geometry: plain below the cap, scaled above it', () => {
  it('keeps the natural height while it fits', () => {
    const g = scrollGeometry(1000, ROW, VIEWPORT, 10_000_000);
    expect(g).toEqual({ scaled: false, bodyHeight: 24_000, maxV: 23_400, maxS: 23_400 });
    expect(toScrollTop(5000, g)).toBe(5000);
    expect(fromScrollTop(5000, g)).toBe(5000);
  });

  it('caps the body height and maps the scrollbar proportionally (10M rows = 240M px)', () => {
    const g = scrollGeometry(10_000_000, ROW, VIEWPORT, 10_000_000);
    expect(g.scaled).toBe(true);
    expect(g.bodyHeight).toBe(10_000_000);
    expect(g.maxV).toBe(240_000_000 - VIEWPORT);
    expect(g.maxS).toBe(10_000_000 - VIEWPORT);
    expect(toScrollTop(0, g)).toBe(0);
    expect(toScrollTop(g.maxV, g)).toBeCloseTo(g.maxS, 6);
    expect(toScrollTop(g.maxV / 2, g)).toBeCloseTo(g.maxS / 2, 6);
    // Round trip of a middle position stays within one scrollbar pixel's worth of rows.
    const v = 123_456_789;
    expect(Math.abs(fromScrollTop(toScrollTop(v, g), g) - v)).toBeLessThan(g.maxV / g.maxS);
  });

  it('maps the bottom of the scrollbar (and anything past it, within half a pixel) exactly onto the last row', () => {
    const total = 10_000_000;
    const g = scrollGeometry(total, ROW, VIEWPORT, 10_000_000);
    for (const s of [g.maxS, g.maxS - 0.4, g.maxS + 3]) {
      const v = fromScrollTop(s, g);
      expect(v).toBe(g.maxV);
      expect(visibleRows(v, VIEWPORT, total, ROW).last).toBe(total - 1);
    }
    // One whole pixel above the bottom is no longer the bottom.
    expect(fromScrollTop(g.maxS - 1, g)).toBeLessThan(g.maxV);
  });

  it('clamps positions outside the range', () => {
    const g = scrollGeometry(2_000_000, ROW, VIEWPORT, 1_000_000);
    expect(fromScrollTop(-50, g)).toBe(0);
    expect(toScrollTop(-50, g)).toBe(0);
    expect(toScrollTop(g.maxV * 2, g)).toBeCloseTo(g.maxS, 6);
  });

  it('handles an empty list and a list shorter than the viewport', () => {
    const empty = scrollGeometry(0, ROW, VIEWPORT, 10_000_000);
    expect(empty).toEqual({ scaled: false, bodyHeight: 0, maxV: 0, maxS: 0 });
    expect(visibleRows(0, VIEWPORT, 0, ROW)).toEqual({ first: 0, last: -1 });
    const short = scrollGeometry(3, ROW, VIEWPORT, 10_000_000);
    expect(short.maxV).toBe(0);
    expect(visibleRows(0, VIEWPORT, 3, ROW)).toEqual({ first: 0, last: 2 });
  });
});

describe('visible rows and keeping the selection in view', () => {
  it('counts partly visible rows at both edges', () => {
    expect(visibleRows(0, VIEWPORT, 1000, ROW)).toEqual({ first: 0, last: 24 });
    expect(visibleRows(12, VIEWPORT, 1000, ROW)).toEqual({ first: 0, last: 25 });
    expect(visibleRows(24 * 975, VIEWPORT, 1000, ROW)).toEqual({ first: 975, last: 999 });
  });

  it('scrolls the least needed: up to a row above, down so a row below ends at the bottom edge', () => {
    const v = 24 * 100;
    expect(revealRow(110, v, VIEWPORT, ROW)).toBeNull();
    expect(revealRow(99, v, VIEWPORT, ROW)).toBe(24 * 99);
    expect(revealRow(125, v, VIEWPORT, ROW)).toBe(24 * 126 - VIEWPORT);
    // A row cut by the bottom edge counts as not visible.
    expect(revealRow(124, v + 1, VIEWPORT, ROW)).toBeNull();
    expect(revealRow(125, v + 1, VIEWPORT, ROW)).toBe(24 * 126 - VIEWPORT);
  });

  it('shows the top of the row when the viewport is shorter than a row', () => {
    expect(revealRow(5, 0, 10, ROW)).toBe(24 * 5);
  });

  it('draws rows relative to the scroll position, so the last of 10M rows ends at the bottom of a capped body', () => {
    const total = 10_000_000;
    const g = scrollGeometry(total, ROW, VIEWPORT, 10_000_000);
    const pos = { v: g.maxV, s: g.maxS };
    const top = rowOffset(total - 1, ROW, pos);
    expect(top + ROW).toBeCloseTo(g.bodyHeight, 6);
    expect(top + ROW - pos.s).toBeCloseTo(VIEWPORT, 6);
    // The first visible row sits at the top of the viewport.
    const { first } = visibleRows(pos.v, VIEWPORT, total, ROW);
    expect(rowOffset(first, ROW, pos) - pos.s).toBe(first * ROW - pos.v);
  });
});
