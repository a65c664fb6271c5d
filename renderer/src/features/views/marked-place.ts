import type { Ranges } from '../table/row-ranges.js';

/**
 * The table's multi-selection as a view remembers it, so Back marks the same events again. Pure, so it is
 * unit-tested.
 *
 * Marks are kept by event id: if the case changed meanwhile (an import added newer events above them, a purge took
 * some away) the same events are marked where they are now, and gone ones are dropped. A selection of up to
 * EXACT_LIMIT rows is remembered row by row; a larger one (Shift+End over a million rows) by its ranges, each with
 * the ids of its first and last row, so it stays a few numbers.
 */

export const EXACT_LIMIT = 2000;

/** A run of marked rows as they were: indexes and, where the row was loaded, the event ids at both ends. */
export interface MarkedSpan {
  from: number;
  to: number;
  fromId: string | null;
  toId: string | null;
}

export interface MarkedPlace {
  spans: MarkedSpan[];
  /** Where Shift+click / Shift+arrows extend from, and its event id. */
  anchor: number | null;
  anchorId: string | null;
}

/** What to remember of a selection; null when nothing is marked. */
export function markedPlace(marked: Ranges, anchor: number | null, idAt: (i: number) => string | undefined): MarkedPlace | null {
  if (marked.length === 0) return null;
  const rows = marked.reduce((n, [a, b]) => n + b - a + 1, 0);
  const id = (i: number) => idAt(i) ?? null;
  const exact = rows <= EXACT_LIMIT && marked.every(([a, b]) => {
    for (let i = a; i <= b; i++) if (idAt(i) === undefined) return false;
    return true;
  });
  const spans: MarkedSpan[] = [];
  for (const [a, b] of marked) {
    if (exact) for (let i = a; i <= b; i++) spans.push({ from: i, to: i, fromId: id(i), toId: id(i) });
    else spans.push({ from: a, to: b, fromId: id(a), toId: id(b) });
  }
  return { spans, anchor, anchorId: anchor === null ? null : id(anchor) };
}

type Located = { at: number } | 'pending' | 'gone';

/** Where the row with `id` is now, looked for near `expected` among the loaded rows. */
function locate(expected: number, id: string | null, idAt: (i: number) => string | undefined, total: number, radius: number): Located {
  if (expected >= total && id === null) return 'gone';
  if (id === null) return { at: expected };
  const here = idAt(expected);
  if (here === id) return { at: expected };
  if (here === undefined && expected < total) return 'pending';
  let unknown = false;
  for (let d = 1; d <= radius; d++) {
    for (const i of [expected - d, expected + d]) {
      if (i < 0 || i >= total) continue;
      const v = idAt(i);
      if (v === id) return { at: i };
      if (v === undefined) unknown = true;
    }
  }
  return unknown ? 'pending' : 'gone';
}

export interface RestoredMarks {
  marked: Ranges;
  anchor: number | null;
  /** False while some marked row's window has not loaded: the marks may still move when it does. */
  settled: boolean;
}

/**
 * The marks to show now for a remembered selection. A row not loaded yet keeps its old index until it loads; a
 * single row whose event is gone is dropped; a range keeps an end whose event is gone at its old index. Marks past
 * the end of a list whose length is not final yet wait, as unloaded rows do.
 */
export function restoreMarks(
  place: MarkedPlace,
  idAt: (i: number) => string | undefined,
  list: { total: number; final: boolean },
  radius: number,
): RestoredMarks {
  const { total } = list;
  const beyondSeen = !list.final && place.spans.some((s) => Math.max(s.from, s.to) >= total);
  if (total <= 0 || beyondSeen) return { marked: merge(place.spans.map((s) => [s.from, s.to])), anchor: place.anchor, settled: false };
  let settled = true;
  const out: [number, number][] = [];
  for (const s of place.spans) {
    const a = locate(s.from, s.fromId, idAt, total, radius);
    const b = s.to === s.from && s.toId === s.fromId ? a : locate(s.to, s.toId, idAt, total, radius);
    if (a === 'pending' || b === 'pending') settled = false;
    if (s.from === s.to && a === 'gone') continue;
    const from = typeof a === 'object' ? a.at : s.from;
    const to = typeof b === 'object' ? b.at : s.to;
    const lo = Math.max(0, Math.min(from, to));
    const hi = Math.min(total - 1, Math.max(from, to));
    if (lo <= hi) out.push([lo, hi]);
  }
  const anchorAt = place.anchor === null ? null : locate(place.anchor, place.anchorId, idAt, total, radius);
  const anchor = place.anchor === null ? null : Math.min(typeof anchorAt === 'object' && anchorAt ? anchorAt.at : place.anchor, total - 1);
  return { marked: merge(out), anchor, settled };
}

/** Sorted, disjoint, merged ranges (adjacent ones joined), as the table keeps them. */
export function merge(ranges: [number, number][]): Ranges {
  const out: [number, number][] = [];
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
