import Papa from 'papaparse';
import readline from 'node:readline';
import { Transform } from 'node:stream';
import { expectedCsvCells, PACK_CSV_COLUMNS } from './pack-rows.js';
import { openEntry } from './verify-entry.js';
import type { ZipEntryInfo } from './zip-inspect.js';

/**
 * data/events.csv against data/events.jsonl, row by row in one streaming pass over both: the CSV is parsed with
 * papaparse (RFC 4180), each JSONL line is rendered to the cells the writer must have produced (formula
 * neutralization included), and every differing cell is named by row, event id and column.
 */

const MAX_REPORTED = 50;

function stripBom(onMissing: () => void): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (first) {
        first = false;
        if (chunk.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) chunk = chunk.subarray(3);
        else onMissing();
      }
      done(null, chunk);
    },
  });
}

function short(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value);
}

export async function checkCsvMatchesJsonl(file: string, csv: ZipEntryInfo, jsonl: ZipEntryInfo): Promise<{ events: number; problems: string[] }> {
  const problems: string[] = [];
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { newline: '\r\n', skipEmptyLines: false });
  // pipe() does not forward errors: pass a damaged stream's error down so the iterators below end with it.
  const csvSource = openEntry(file, csv);
  const bom = stripBom(() => problems.push('data/events.csv does not start with a UTF-8 byte-order mark'));
  csvSource.on('error', (err) => bom.destroy(err));
  bom.on('error', (err) => parser.destroy(err));
  const rows = (csvSource.pipe(bom).pipe(parser) as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  const jsonlSource = openEntry(file, jsonl);
  const rl = readline.createInterface({ input: jsonlSource, crlfDelay: Infinity });
  jsonlSource.on('error', () => rl.close());
  const lines = rl[Symbol.asyncIterator]();
  let mismatches = 0;
  let n = 0;
  try {
    const header = (await rows.next()).value as string[] | undefined;
    if (JSON.stringify(header) !== JSON.stringify(PACK_CSV_COLUMNS)) {
      problems.push(`data/events.csv header is ${JSON.stringify(header)}, expected ${JSON.stringify(PACK_CSV_COLUMNS)}`);
      return { events: 0, problems };
    }
    for (;;) {
      const line = await lines.next();
      if (line.done) break;
      n++;
      const row = await rows.next();
      if (row.done) {
        problems.push(`data/events.csv has ${n - 1} rows but data/events.jsonl has more lines`);
        return { events: n, problems };
      }
      let obj: Record<string, unknown>;
      try {
        obj = JSON.parse(line.value) as Record<string, unknown>;
      } catch (err) {
        problems.push(`data/events.jsonl line ${n} is not valid JSON (${(err as Error).message})`);
        continue;
      }
      if (!obj || typeof obj !== 'object' || JSON.stringify(Object.keys(obj)) !== JSON.stringify(PACK_CSV_COLUMNS)) {
        problems.push(`data/events.jsonl line ${n} does not have the pack's fields in order`);
        continue;
      }
      const cells = row.value as string[];
      if (cells.length !== PACK_CSV_COLUMNS.length) {
        problems.push(`data/events.csv row ${n} has ${cells.length} cells, expected ${PACK_CSV_COLUMNS.length}`);
        continue;
      }
      const expected = expectedCsvCells(obj);
      expected.forEach((want, i) => {
        if (cells[i] === want) return;
        if (++mismatches <= MAX_REPORTED) {
          problems.push(`data/events.csv row ${n} (event ${String(obj.id)}) column ${PACK_CSV_COLUMNS[i]} is ${short(cells[i])} but data/events.jsonl has ${short(want)}`);
        }
      });
    }
    let extra = 0;
    for (let r = await rows.next(); !r.done; r = await rows.next()) {
      const cells = r.value as string[];
      if (!(cells.length === 1 && cells[0] === '')) extra++;
    }
    if (extra) problems.push(`data/events.csv has ${extra} rows more than data/events.jsonl (${n} lines)`);
  } catch (err) {
    problems.push(`data/events.csv or data/events.jsonl cannot be read (${(err as Error).message})`);
  }
  if (mismatches > MAX_REPORTED) problems.push(`... and ${mismatches - MAX_REPORTED} more CSV/JSONL differences`);
  return { events: n, problems };
}
