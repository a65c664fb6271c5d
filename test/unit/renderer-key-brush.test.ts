import { describe, expect, it } from 'vitest';
import { brushMoveOf, brushRange, moveBrush, NO_BRUSH } from '../../renderer/src/features/timeline/key-brush.js';

describe('timeline keyboard brush', () => {
  it('the first arrow lands on the newest bar (left/End) or the oldest (right/Home); moves stop at the ends', () => {
    expect(moveBrush(NO_BRUSH, 'left', false, 40)).toEqual({ cursor: 39, anchor: null });
    expect(moveBrush(NO_BRUSH, 'right', false, 40)).toEqual({ cursor: 0, anchor: null });
    expect(moveBrush({ cursor: 0, anchor: null }, 'left', false, 40).cursor).toBe(0);
    expect(moveBrush({ cursor: 39, anchor: null }, 'right', false, 40).cursor).toBe(39);
    expect(moveBrush({ cursor: 5, anchor: null }, 'pageRight', false, 40).cursor).toBe(15);
    expect(moveBrush({ cursor: 5, anchor: null }, 'pageLeft', false, 40).cursor).toBe(0);
    expect(moveBrush({ cursor: 5, anchor: null }, 'end', false, 40).cursor).toBe(39);
    expect(moveBrush({ cursor: 5, anchor: null }, 'left', false, 0)).toEqual(NO_BRUSH);
  });

  it('Shift extends from where the cursor was; a plain move drops the selection', () => {
    let s = moveBrush({ cursor: 20, anchor: null }, 'left', true, 40);
    expect(s).toEqual({ cursor: 19, anchor: 20 });
    s = moveBrush(s, 'left', true, 40);
    expect(brushRange(s, 40)).toEqual({ from: 18, to: 20 });
    s = moveBrush(s, 'right', true, 40);
    s = moveBrush(s, 'right', true, 40);
    s = moveBrush(s, 'right', true, 40);
    expect(brushRange(s, 40)).toEqual({ from: 20, to: 21 }); // crossing the anchor flips the range
    expect(moveBrush(s, 'right', false, 40)).toEqual({ cursor: 22, anchor: null });
  });

  it('Enter zooms to the selection, else the cursor bar; a histogram with fewer bars clamps both', () => {
    expect(brushRange(NO_BRUSH, 40)).toBeNull();
    expect(brushRange({ cursor: 7, anchor: null }, 40)).toEqual({ from: 7, to: 7 });
    expect(brushRange({ cursor: 30, anchor: 35 }, 10)).toEqual({ from: 9, to: 9 });
    expect(brushRange({ cursor: 3, anchor: 35 }, 10)).toEqual({ from: 3, to: 9 });
  });

  it('maps the keys it owns and no others', () => {
    expect(['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'].map(brushMoveOf)).toEqual(['left', 'right', 'home', 'end', 'pageLeft', 'pageRight']);
    expect(brushMoveOf('ArrowUp')).toBeNull();
    expect(brushMoveOf('-')).toBeNull();
  });
});
