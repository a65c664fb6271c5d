import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../electron/backend/export/csv.js';

describe('CSV cells', () => {
  it('neutralizes spreadsheet formulas at the start of a cell', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('a=b')).toBe('a=b');
  });
  it('quotes commas, quotes and line breaks (RFC 4180) and writes CRLF rows', () => {
    expect(csvRow(['a,b', 'say "hi"', 'two\nlines', null, 3])).toBe('"a,b","say ""hi""","two\nlines",,3\r\n');
  });
  it('writes objects as JSON text', () => {
    expect(csvCell({ k: 'v' })).toBe('"{""k"":""v""}"');
  });
});
