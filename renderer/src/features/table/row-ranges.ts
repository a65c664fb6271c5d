/**
 * A multi-selection of row indexes as sorted, disjoint, inclusive ranges: Shift+End over a million rows stays two
 * numbers, not a million-entry set.
 */
export type Ranges = readonly (readonly [number, number])[];

export function span(a: number, b: number): Ranges {
  return [[Math.min(a, b), Math.max(a, b)]];
}

export function contains(ranges: Ranges, i: number): boolean {
  return ranges.some(([from, to]) => i >= from && i <= to);
}

export function count(ranges: Ranges): number {
  return ranges.reduce((n, [from, to]) => n + to - from + 1, 0);
}

/** Adds or removes one index, keeping ranges sorted, disjoint and merged. */
export function toggle(ranges: Ranges, i: number): Ranges {
  if (contains(ranges, i)) {
    return ranges.flatMap(([from, to]): [number, number][] =>
      i < from || i > to ? [[from, to]] : ([[from, i - 1], [i + 1, to]] as [number, number][]).filter(([f, t]) => f <= t),
    );
  }
  const out: [number, number][] = [];
  for (const [from, to] of [...ranges, [i, i] as const].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** The selected indexes in order, at most `limit` of them. */
export function indexes(ranges: Ranges, limit: number): number[] {
  const out: number[] = [];
  for (const [from, to] of ranges) {
    for (let i = from; i <= to && out.length < limit; i++) out.push(i);
  }
  return out;
}
