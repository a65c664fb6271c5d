import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeHeader } from '../../electron/backend/ingest/readers/csv-reader.js';
import { collect, objects, records, rejects, tempDir } from './readers-helpers.js';

const tmp = tempDir();

describe('CSV reader', () => {
  it('reads a header row (BOM, padding and repeated names cleaned) and one record per row', async () => {
    const text = '\uFEFF time , user,user,\n2023-01-01T00:00:00Z,alice,a2,x\n2023-01-02T00:00:00Z,bob,b2,y\n';
    const path = tmp.file('a.csv', text);
    const items = await collect(path);
    expect(objects(items)).toEqual([{ kind: 'object', name: path, csvHeader: ['time', 'user', 'user_2', 'column_4'] }]);
    const recs = records(items);
    const at = (s: string) => Buffer.from(text).indexOf(s); // byte offsets count the 3-byte BOM
    expect(recs.map((r) => [r.line, r.byteOffset, r.recordIndex])).toEqual([[2, at('2023-01-01'), 0], [3, at('2023-01-02'), 1]]);
    expect(recs[0].value).toEqual({ time: '2023-01-01T00:00:00Z', user: 'alice', user_2: 'a2', column_4: 'x' });
    expect(recs[0].text).toBe(JSON.stringify(recs[0].value));
    expect(rejects(items)).toEqual([]);
  });

  it('keeps quoted fields spanning lines and numbers the following rows by their real line', async () => {
    const text = 'id,note,who\n1,"line one\nline two, with comma\nline ""three""",a\n2,plain,b\n';
    const items = await collect(tmp.file('multi.csv', text));
    const recs = records(items);
    expect(recs.map((r) => r.line)).toEqual([2, 5]);
    expect((recs[0].value as Record<string, string>).note).toBe('line one\nline two, with comma\nline "three"');
    expect(recs[1].byteOffset).toBe(text.indexOf('2,plain'));
  });

  it('rejects rows with the wrong column count, but not blank or trailing empty lines', async () => {
    const items = await collect(tmp.file('short.csv', 'a,b,c\n1,2,3\n4,5\n\n6,7,8,9\n10,11,12\n\n'));
    expect(records(items).map((r) => r.line)).toEqual([2, 6]);
    expect(rejects(items).map((r) => [r.line, r.reason, r.excerpt])).toEqual([
      [3, 'row at line 3: expected 3 columns, found 2', '4,5'],
      [5, 'row at line 5: expected 3 columns, found 4', '6,7,8,9'],
    ]);
    expect([...records(items), ...rejects(items)].map((i) => i.recordIndex).sort()).toEqual([0, 1, 2, 3]);
  });

  it.each([
    ['semicolon', 'x.txt', 'a;b;c\r\n1;2,5;3\r\n', { a: '1', b: '2,5', c: '3' }],
    ['tab', 'x.log', 'a\tb\n1\t2\n', { a: '1', b: '2' }],
    ['tab by extension', 'x.tsv', 'a\tb,c\n1\t2,3\n', { a: '1', 'b,c': '2,3' }],
  ])('detects the %s delimiter', async (_label, name, text, first) => {
    const recs = records(await collect(tmp.file(name, text)));
    expect(recs[0].value).toEqual(first);
  });

  it('reads a header-less pipe-delimited log with generated column names', async () => {
    const text = '10.0.0.1 | RefAdded | admin | 1400681361906 | {"id":1,"v":"x"}\n10.0.0.2 | RefRemoved | bob | 1400681365418 | {"id":2}\n';
    const items = await collect(tmp.file('audit.log', text));
    expect(objects(items)[0]).toMatchObject({ csvHeader: ['column_1', 'column_2', 'column_3', 'column_4', 'column_5'] });
    expect(records(items).map((r) => r.value)).toEqual([
      { column_1: '10.0.0.1', column_2: 'RefAdded', column_3: 'admin', column_4: '1400681361906', column_5: '{"id":1,"v":"x"}' },
      { column_1: '10.0.0.2', column_2: 'RefRemoved', column_3: 'bob', column_4: '1400681365418', column_5: '{"id":2}' },
    ]);
  });

  it('reads a single-column file when the extension says CSV', async () => {
    const recs = records(await collect(tmp.file('one.csv', 'user\nalice\nbob')));
    expect(recs.map((r) => r.value)).toEqual([{ user: 'alice' }, { user: 'bob' }]);
  });

  it('rejects only the line of a quote that never closes and resumes on the next line', async () => {
    const items = await collect(tmp.file('open.csv', 'a,b\n1,2\n3,"never closed\n4,5\n6,7\n'));
    expect(records(items).map((r) => [r.line, r.value])).toEqual([[2, { a: '1', b: '2' }], [4, { a: '4', b: '5' }], [5, { a: '6', b: '7' }]]);
    expect(rejects(items).map((r) => [r.line, r.excerpt])).toEqual([[3, '3,"never closed']]);
    expect(rejects(items)[0].reason).toMatch(/^row at line 3: .*quoted field opened here does not close properly, resumed at line 4$/);
  });

  it('keeps a row with a malformed quote inside one line as a reject', async () => {
    const items = await collect(tmp.file('badquote.csv', 'a,b\n"x"y,2\n3,4\n'));
    expect(records(items).map((r) => r.line)).toEqual([3]);
    expect(rejects(items).map((r) => r.line)).toEqual([2]);
  });

  it('keeps lines, byte offsets and multi-byte text right across read chunks', async () => {
    // > 1 MB so the file arrives in several chunks; quoted multi-line cells and UTF-8 text cross the boundaries
    let text = 'n,city,note\n';
    const expected: { line: number; n: string }[] = [];
    let line = 2;
    for (let i = 0; text.length < 3 * 1024 * 1024; i++) {
      expected.push({ line, n: String(i) });
      const multi = i % 5 === 0;
      text += `${i},Zürich-東京-${i},${multi ? '"two\nlines"' : 'x'.repeat(i % 40)}\n`;
      line += multi ? 2 : 1;
    }
    const path = tmp.file('big.csv', text);
    const items = await collect(path);
    const recs = records(items);
    expect(rejects(items)).toEqual([]);
    expect(recs.map((r) => ({ line: r.line, n: (r.value as Record<string, string>).n }))).toEqual(expected);
    const bytes = readFileSync(path);
    for (const r of recs.filter((_, k) => k % 997 === 0)) {
      const v = r.value as Record<string, string>;
      expect(bytes.subarray(r.byteOffset!, r.byteOffset! + 40).toString().startsWith(`${v.n},${v.city},`)).toBe(true);
    }
  });
});

describe('normalizeHeader', () => {
  it('suffixes repeats without colliding with existing names', () => {
    expect(normalizeHeader(['a', 'a', 'a_2', 'a', ' '])).toEqual(['a', 'a_2', 'a_2_2', 'a_3', 'column_5']);
  });
});
