/**
 * Every keyboard shortcut of the workbench, in one list: the `?` dialog shows it and the README copies it. Single
 * letters never fire while typing in a text field or while a dialog is open.
 */

export interface Shortcut {
  /** Alternatives: each is one key combination (`Shift+↓`), shown as keys. */
  keys: string[];
  what: string;
}

export interface ShortcutGroup {
  title: string;
  items: Shortcut[];
}

export const SHORTCUTS: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    items: [
      { keys: ['?'], what: 'Show these shortcuts' },
      { keys: ['/'], what: 'Go to the query bar' },
      { keys: ['F6', 'Shift+F6'], what: 'Move focus between the query bar, the timeline, the table (or panel) and the details' },
      { keys: ['Alt+←', 'Backspace'], what: 'Back to the previous view, scrolled to where you were, same row, same details' },
    ],
  },
  {
    title: 'Event table',
    items: [
      { keys: ['j', 'k', '↓', '↑'], what: 'Next / previous row' },
      { keys: ['PgDn', 'PgUp', 'Home', 'End'], what: 'Page down / up, first / last row' },
      { keys: ['Shift+↓', 'Shift+↑'], what: 'Extend the selection' },
      { keys: ['Space'], what: 'Mark or unmark the row' },
      { keys: ['Ctrl+A', 'Ctrl+C'], what: 'Mark all rows; copy the selection as text' },
      { keys: ['Enter'], what: 'Open the details of the row' },
      { keys: ['Esc'], what: 'Close the details, then clear the marks' },
      { keys: ['Shift+F10', 'Menu'], what: 'Cell menu: filter, exclude, copy, timeline, sessions, surrounding' },
    ],
  },
  {
    title: 'The event under the cursor',
    items: [
      { keys: ['a'], what: "The actor's sessions" },
      { keys: ['x'], what: 'Surrounding events (± 5 minutes, all sources)' },
      { keys: ['s'], what: 'Star or unstar it' },
      { keys: ['t'], what: 'Add a tag (opens the details, focuses the tag box; Enter adds)' },
      { keys: ['c'], what: 'Add a comment (focuses the comment box; Ctrl+Enter adds)' },
      { keys: ['Esc'], what: 'From the tag or comment box: back to the table' },
    ],
  },
  {
    title: 'Panels (sessions, surrounding events)',
    items: [
      { keys: ['j', 'k', '↓', '↑'], what: 'Next / previous row' },
      { keys: ['Enter'], what: "Open the session's events; re-centre on another event" },
      { keys: ['Shift+Tab'], what: 'To the panel controls (minutes, gap, Open as table)' },
    ],
  },
  {
    title: 'Timeline (focused)',
    items: [
      { keys: ['←', '→', 'Home', 'End'], what: 'Move the bar cursor (its time and count are announced)' },
      { keys: ['PgUp', 'PgDn'], what: 'Move the bar cursor 10 bars' },
      { keys: ['Shift+←', 'Shift+→'], what: 'Extend the selection over bars' },
      { keys: ['Enter'], what: 'Zoom the timeline and scope the table to the selection (or the bar)' },
      { keys: ['Esc'], what: 'Drop the selection' },
      { keys: ['-', 'Backspace'], what: 'Zoom back out' },
    ],
  },
];
