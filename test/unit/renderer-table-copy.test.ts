import { describe, expect, it } from 'vitest';
import type { EventRow } from '../../shared/model/event.js';
import { formatCell, formatRows } from '../../renderer/src/features/table/copy-format.js';
import { contains, count, indexes, span, toggle } from '../../renderer/src/features/table/row-ranges.js';
import { tableKeyAction } from '../../renderer/src/features/table/table-keys.js';

function row(over: Partial<EventRow>): EventRow {
  return {
    id: 'e1', time: '2026-11-04T10:15:30.250Z', receivedTime: null, format: 'okta', source: 'okta-prod', vendorId: 'v1',
    actor: 'alice@example.com', actorType: 'user', action: 'user.session.start', category: 'authentication',
    targetType: null, target: null, outcome: 'failure', severity: 'warning', sourceIp: '198.51.100.7',
    userAgent: null, location: null, sessionId: null, summary: 'login failed', ...over,
  };
}

const hostile = row({ id: 'e2', actor: '=HYPERLINK("http://evil","x")', summary: 'two\tcols\nand lines, "quoted"', tags: ['ioc', 'x'], starred: true });

describe('copying a cell', () => {
  it('as text: what the table shows, in the chosen zone, without decoration', () => {
    expect(formatCell(row({}), 'time', 'text', 'utc')).toBe('2026-11-04 10:15:30.250 UTC');
    expect(formatCell(row({}), 'outcome', 'text', 'utc')).toBe('failure');
  });
  it('as CSV: the stored value, formulas neutralized and quoted like the exporter', () => {
    expect(formatCell(hostile, 'actor', 'csv', 'utc')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(formatCell(row({}), 'time', 'csv', 'utc')).toBe('2026-11-04T10:15:30.250Z');
    expect(formatCell(row({ actor: '-1+2' }), 'actor', 'csv', 'utc')).toBe("'-1+2");
  });
  it('as JSON: the column and its stored value (null when absent)', () => {
    expect(JSON.parse(formatCell(row({}), 'actor', 'json', 'utc'))).toEqual({ actor: 'alice@example.com' });
    expect(JSON.parse(formatCell(row({}), 'target', 'json', 'utc'))).toEqual({ target: null });
    expect(JSON.parse(formatCell(row({ attributes: { engineVersion: '2.4' } }), 'attr:engineVersion', 'json', 'utc'))).toEqual({ 'attr:engineVersion': '2.4' });
  });
});

describe('copying rows', () => {
  const cols = ['time', 'actor', 'outcome', 'summary', 'tags', 'starred'] as const;
  it('as text: a header of labels, tab-separated cells, tabs and line breaks inside values flattened', () => {
    const text = formatRows([row({}), hostile], [...cols], 'text', 'utc');
    expect(text.split('\n')).toEqual([
      'Time\tActor\tOutcome\tSummary\tTags\tStarred',
      '2026-11-04 10:15:30.250 UTC\talice@example.com\tfailure\tlogin failed\t\t',
      '2026-11-04 10:15:30.250 UTC\t=HYPERLINK("http://evil","x")\tfailure\ttwo cols and lines, "quoted"\tioc, x\tstarred',
      '',
    ]);
  });
  it('as CSV: column ids, CRLF rows, RFC 4180 quoting, formula neutralization, stored values', () => {
    const csv = formatRows([row({}), hostile], [...cols], 'csv', 'utc');
    expect(csv).toBe(
      'time,actor,outcome,summary,tags,starred\r\n' +
        '2026-11-04T10:15:30.250Z,alice@example.com,failure,login failed,,false\r\n' +
        `2026-11-04T10:15:30.250Z,"'=HYPERLINK(""http://evil"",""x"")",failure,"two\tcols\nand lines, ""quoted""","ioc, x",true\r\n`,
    );
  });
  it('as JSON: every normalized field, an object for one row and an array for several', () => {
    expect(JSON.parse(formatRows([hostile], [...cols], 'json', 'utc'))).toEqual(hostile);
    const many = JSON.parse(formatRows([row({}), hostile], ['time'], 'json', 'utc')) as EventRow[];
    expect(many.map((r) => r.id)).toEqual(['e1', 'e2']);
    expect(many[0].userAgent).toBeNull();
    expect(many[1].tags).toEqual(['ioc', 'x']);
  });
});

describe('multi-selection ranges', () => {
  it('toggles rows in and out, merging neighbours and splitting ranges', () => {
    let r = toggle([], 5);
    r = toggle(r, 7);
    r = toggle(r, 6);
    expect(r).toEqual([[5, 7]]);
    r = toggle(r, 6);
    expect(r).toEqual([[5, 5], [7, 7]]);
    expect(count(r)).toBe(2);
    expect(contains(r, 6)).toBe(false);
  });
  it('keeps a huge span as one range and lists indexes up to a limit', () => {
    const r = span(999_999, 0);
    expect(count(r)).toBe(1_000_000);
    expect(indexes(r, 3)).toEqual([0, 1, 2]);
  });
});

describe('table keys', () => {
  const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
    tableKeyAction({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });
  it('j/k move like the arrows; Shift extends', () => {
    expect(key('j')).toEqual({ move: 'down', extend: false });
    expect(key('k')).toEqual({ move: 'up', extend: false });
    expect(key('J', { shiftKey: true })).toEqual({ move: 'down', extend: true });
    expect(key('ArrowUp', { shiftKey: true })).toEqual({ move: 'up', extend: true });
  });
  it('Ctrl or Cmd+C copies, Space marks, the context-menu key opens the menu, Alt combinations are left alone', () => {
    expect(key('c', { ctrlKey: true })).toEqual({ command: 'copy' });
    expect(key('c', { metaKey: true })).toEqual({ command: 'copy' });
    expect(key(' ')).toEqual({ command: 'toggle' });
    expect(key('F10', { shiftKey: true })).toEqual({ command: 'menu' });
    expect(key('j', { altKey: true })).toBeNull();
    expect(key('x')).toBeNull();
  });
});
