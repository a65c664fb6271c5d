import { useState, type KeyboardEvent } from 'react';
import { countOf } from '../../lib/format.js';
import { formatTime, type ZoneMode } from '../../lib/time.js';
import { brushMoveOf, brushRange, moveBrush, NO_BRUSH, type KeyBrushState } from './key-brush.js';

interface BarLike {
  start: number;
  end: number;
  count: number;
}

export interface KeyBrush {
  /** The cursor's bar index and the selected bars (from..to), for drawing. */
  cursor: number | null;
  range: { from: number; to: number } | null;
  selecting: boolean;
  /** What a screen reader hears after each key: the bar or the selection, its time and count. */
  announcement: string;
  /** Handles the brush's keys; true when the key was used. */
  onKey: (e: KeyboardEvent) => boolean;
}

/**
 * Brushing without a mouse: arrows move a cursor over the bars, Shift+arrows select, Enter zooms to the selection
 * (or the cursor's bar), Esc drops the selection. A new histogram (`resetKey`) starts with no cursor.
 */
export function useKeyBrush(bars: readonly BarLike[], resetKey: unknown, zone: ZoneMode, onZoom: (from: number, to: number) => void): KeyBrush {
  const [raw, setRaw] = useState<{ key: unknown; s: KeyBrushState }>({ key: resetKey, s: NO_BRUSH });
  const s = raw.key === resetKey ? raw.s : NO_BRUSH;
  const set = (next: KeyBrushState) => setRaw({ key: resetKey, s: next });
  const range = brushRange(s, bars.length);

  const onKey = (e: KeyboardEvent): boolean => {
    if (e.altKey || e.ctrlKey || e.metaKey) return false;
    const move = brushMoveOf(e.key);
    if (move) {
      set(moveBrush(s, move, e.shiftKey, bars.length));
      return true;
    }
    if (e.key === 'Enter' && range) {
      onZoom(bars[range.from].start, bars[range.to].end);
      set(NO_BRUSH);
      return true;
    }
    if (e.key === 'Escape' && s.anchor !== null) {
      set({ cursor: s.cursor, anchor: null });
      return true;
    }
    return false;
  };

  let announcement = '';
  if (range && bars.length > 0) {
    const total = bars.slice(range.from, range.to + 1).reduce((n, b) => n + b.count, 0);
    const span = `${formatTime(bars[range.from].start, zone)} to ${formatTime(bars[range.to].end, zone)}`;
    announcement = s.anchor !== null
      ? `${countOf(range.to - range.from + 1, 'bar')} selected: ${countOf(total, 'event')} from ${span}. Enter zooms to it.`
      : `Bar ${range.from + 1} of ${bars.length}: ${countOf(total, 'event')} from ${span}.`;
  }
  return { cursor: range ? Math.min(s.cursor ?? 0, bars.length - 1) : null, range, selecting: s.anchor !== null, announcement, onKey };
}
