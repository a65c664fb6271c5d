/**
 * Pure maths of the virtual list (no DOM): where rows sit, and how the scroll range is scaled once the list is taller
 * than a browser lets an element be (about 33.5M px in Chromium, 17.9M in Firefox).
 *
 * Two coordinates: `v`, the virtual position (pixels from the top of the whole, unscaled list), and `s`, the
 * element's scrollTop. In the plain case they are equal; in the scaled case `s` maps proportionally onto `v` and the
 * last scroll position maps exactly onto the last row.
 */

export interface ScrollGeometry {
  /** The list is taller than the cap: scrollTop is a scaled image of the virtual position. */
  scaled: boolean;
  /** Height of the scrollable body (the spacer element). */
  bodyHeight: number;
  /** Largest virtual position (the last row's bottom at the viewport's bottom). */
  maxV: number;
  /** Largest scrollTop. */
  maxS: number;
}

export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

export function scrollGeometry(total: number, rowHeight: number, viewport: number, maxPx: number): ScrollGeometry {
  const natural = Math.max(0, total) * rowHeight;
  const scaled = natural > maxPx;
  const bodyHeight = scaled ? maxPx : natural;
  return { scaled, bodyHeight, maxV: Math.max(0, natural - viewport), maxS: Math.max(0, bodyHeight - viewport) };
}

/** scrollTop that shows virtual position v. */
export function toScrollTop(v: number, g: ScrollGeometry): number {
  if (!g.scaled) return v;
  return g.maxV > 0 ? (clamp(v, 0, g.maxV) * g.maxS) / g.maxV : 0;
}

/** Virtual position for a scrollTop the user (or the browser) set. The bottom maps exactly onto maxV. */
export function fromScrollTop(s: number, g: ScrollGeometry): number {
  if (!g.scaled) return clamp(s, 0, g.maxV);
  if (s >= g.maxS - 0.5) return g.maxV;
  return g.maxS > 0 ? clamp((s * g.maxV) / g.maxS, 0, g.maxV) : 0;
}

/** First and last (inclusive) rows at least partly visible; last < first when there are no rows. */
export function visibleRows(v: number, viewport: number, total: number, rowHeight: number): { first: number; last: number } {
  if (total <= 0) return { first: 0, last: -1 };
  const first = clamp(Math.floor(v / rowHeight), 0, total - 1);
  const last = clamp(Math.ceil((v + viewport) / rowHeight) - 1, first, total - 1);
  return { first, last };
}

/**
 * The virtual position that shows row i fully while moving the least, or null when it is already fully visible.
 * A viewport shorter than a row shows the row's top.
 */
export function revealRow(i: number, v: number, viewport: number, rowHeight: number): number | null {
  const top = i * rowHeight;
  const h = Math.max(rowHeight, viewport);
  if (top < v) return top;
  if (top + rowHeight > v + h) return top + rowHeight - h;
  return null;
}

/** Where row i is drawn inside the body: relative to the current scroll position, so scaled lists stay exact. */
export function rowOffset(i: number, rowHeight: number, pos: { v: number; s: number }): number {
  return pos.s + i * rowHeight - pos.v;
}
