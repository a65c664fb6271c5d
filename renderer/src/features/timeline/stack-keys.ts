import type { StackBy } from '../../../../shared/contract/timeline.js';

/**
 * Stacking order (bottom first) and names of each stacked value. The alarming value sits at the bottom, on the
 * baseline, where a spike is easiest to read. Colours come from timeline.css (`.seg-<value>`), matching the
 * table's outcome marks and severity badges.
 */
export const STACK_KEYS: Record<StackBy, readonly string[]> = {
  outcome: ['failure', 'unknown', 'success'],
  severity: ['critical', 'warning', 'info'],
};

export const STACK_LABELS: Record<string, string> = {
  failure: '✗ failure',
  unknown: '? unknown',
  success: '✓ success',
  critical: 'critical',
  warning: 'warning',
  info: 'info',
};

export interface Segment {
  key: string;
  count: number;
  /** Offset from the baseline and height, in pixels. */
  y0: number;
  h: number;
}

/** A bar of height `h` cut into its stacked values, bottom first; values absent from STACK_KEYS go on top. */
export function segments(by: Record<string, number> | undefined, stackBy: StackBy, h: number): Segment[] {
  if (!by) return [];
  const total = Object.values(by).reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  const keys = [...STACK_KEYS[stackBy], ...Object.keys(by).filter((k) => !STACK_KEYS[stackBy].includes(k)).sort()];
  const out: Segment[] = [];
  let y0 = 0;
  for (const key of keys) {
    const count = by[key] ?? 0;
    if (count === 0) continue;
    const sh = (count / total) * h;
    out.push({ key, count, y0, h: sh });
    y0 += sh;
  }
  return out;
}
