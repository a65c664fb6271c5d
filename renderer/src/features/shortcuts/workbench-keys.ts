/**
 * The workbench's own keys (the grid, the timeline and the view trail have theirs), as a pure function of the key
 * and where it was pressed, so the rules are unit-tested: single letters act only outside text fields and dialogs.
 */

export type WorkbenchCommand =
  | 'help'
  | 'sessions'
  | 'surrounding'
  | 'star'
  | 'tag'
  | 'comment'
  | 'next-region'
  | 'previous-region'
  | 'to-table';

export interface KeyPlace {
  /** The key went to an input, a textarea, a select or something editable. */
  editing: boolean;
  /** ... and that field is the details pane's tag or comment box. */
  inDetails: boolean;
  /** A modal dialog is open (its own keys rule). */
  dialog: boolean;
}

type Key = { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean };

const LETTERS: Record<string, WorkbenchCommand> = { a: 'sessions', x: 'surrounding', s: 'star', t: 'tag', c: 'comment' };

export function workbenchKeyAction(e: Key, at: KeyPlace): WorkbenchCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'F6') return at.dialog ? null : e.shiftKey ? 'previous-region' : 'next-region';
  if (e.key === 'Escape') return at.editing && at.inDetails && !at.dialog ? 'to-table' : null;
  if (at.editing || at.dialog) return null;
  if (e.key === '?') return 'help';
  if (e.shiftKey) return null;
  return LETTERS[e.key] ?? null;
}

/** The next of `count` regions after `current` (-1: none has focus), wrapping, backwards with `step` -1. */
export function cycleRegion(current: number, count: number, step: 1 | -1): number {
  if (count <= 0) return -1;
  if (current < 0) return step > 0 ? 0 : count - 1;
  return (current + step + count) % count;
}
