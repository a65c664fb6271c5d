import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../renderer/src/features/shortcuts/shortcut-list.js';
import { cycleRegion, workbenchKeyAction } from '../../renderer/src/features/shortcuts/workbench-keys.js';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods,
});
const table = { editing: false, inDetails: false, dialog: false };
const typing = { editing: true, inDetails: false, dialog: false };
const tagBox = { editing: true, inDetails: true, dialog: false };
const dialog = { editing: false, inDetails: false, dialog: true };

describe('workbench keys', () => {
  it('single letters act outside text fields and dialogs only', () => {
    expect(['a', 'x', 's', 't', 'c'].map((k) => workbenchKeyAction(key(k), table))).toEqual(['sessions', 'surrounding', 'star', 'tag', 'comment']);
    expect(workbenchKeyAction(key('?', { shiftKey: true }), table)).toBe('help');
    for (const k of ['a', 'x', 's', 't', 'c', '?']) {
      expect(workbenchKeyAction(key(k), typing)).toBeNull();
      expect(workbenchKeyAction(key(k), tagBox)).toBeNull();
      expect(workbenchKeyAction(key(k), dialog)).toBeNull();
    }
  });

  it('modified letters belong to the browser and the grid (Ctrl+C copies, Ctrl+A marks all, Shift+A is not a)', () => {
    expect(workbenchKeyAction(key('c', { ctrlKey: true }), table)).toBeNull();
    expect(workbenchKeyAction(key('a', { metaKey: true }), table)).toBeNull();
    expect(workbenchKeyAction(key('A', { shiftKey: true }), table)).toBeNull();
    expect(workbenchKeyAction(key('j'), table)).toBeNull();
  });

  it('F6 cycles regions even from a text field; Esc leaves only the tag or comment box', () => {
    expect(workbenchKeyAction(key('F6'), typing)).toBe('next-region');
    expect(workbenchKeyAction(key('F6', { shiftKey: true }), table)).toBe('previous-region');
    expect(workbenchKeyAction(key('F6'), dialog)).toBeNull();
    expect(workbenchKeyAction(key('Escape'), tagBox)).toBe('to-table');
    expect(workbenchKeyAction(key('Escape'), typing)).toBeNull();
    expect(workbenchKeyAction(key('Escape'), table)).toBeNull();
  });

  it('cycles through the regions on screen, wrapping both ways', () => {
    expect(cycleRegion(-1, 4, 1)).toBe(0);
    expect(cycleRegion(-1, 4, -1)).toBe(3);
    expect(cycleRegion(3, 4, 1)).toBe(0);
    expect(cycleRegion(0, 4, -1)).toBe(3);
    expect(cycleRegion(0, 0, 1)).toBe(-1);
  });

  it('the shortcuts list names every workbench letter once in its group', () => {
    const group = SHORTCUTS.find((g) => g.title === 'The event under the cursor')!;
    expect(group.items.flatMap((s) => s.keys)).toEqual(expect.arrayContaining(['a', 'x', 's', 't', 'c']));
    expect(SHORTCUTS.flatMap((g) => g.items).every((s) => s.keys.length > 0 && s.what.length > 0)).toBe(true);
  });
});
