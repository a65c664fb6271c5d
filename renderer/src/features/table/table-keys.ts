import type { KeyboardEvent } from 'react';

export type Move = 'down' | 'up' | 'pageDown' | 'pageUp' | 'home' | 'end';
export type Command = 'open' | 'escape' | 'toggle' | 'all' | 'copy' | 'menu';
export type KeyAction = { move: Move; extend: boolean; command?: undefined } | { command: Command; move?: undefined };

const MOVES: Record<string, Move> = {
  ArrowDown: 'down', j: 'down', J: 'down', ArrowUp: 'up', k: 'up', K: 'up',
  PageDown: 'pageDown', PageUp: 'pageUp', Home: 'home', End: 'end',
};

/**
 * The grid's keys: arrows or j/k, PgUp/PgDn, Home/End move (with Shift they extend the selection); Enter opens the
 * details, Esc closes them (then clears the selection), Space marks the row, Ctrl/Cmd+A marks all, Ctrl/Cmd+C copies
 * the selection as text, the context-menu key or Shift+F10 opens the cell menu (copy as CSV/JSON, filter).
 */
export function tableKeyAction(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>): KeyAction | null {
  if (e.altKey) return null;
  const mod = e.ctrlKey || e.metaKey;
  if (mod) {
    const k = e.key.toLowerCase();
    if (k === 'c' && !e.shiftKey) return { command: 'copy' };
    if (k === 'a' && !e.shiftKey) return { command: 'all' };
    return null;
  }
  const move = MOVES[e.key];
  if (move) return { move, extend: e.shiftKey };
  if (e.key === 'Enter') return { command: 'open' };
  if (e.key === 'Escape') return { command: 'escape' };
  if (e.key === ' ') return { command: 'toggle' };
  if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) return { command: 'menu' };
  return null;
}
