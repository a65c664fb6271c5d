import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import { excerptOf, formatBytes } from './lines.js';
import type { CsvPlan } from './sniff.js';
import { SourceDataError } from './source.js';
import { READ_LIMITS, type ReadItem } from './types.js';

/**
 * CSV/TSV records with papaparse's core Parser fed chunk by chunk: complete rows are parsed, the incomplete last
 * row is carried into the next chunk (so quoted fields may span lines and chunks). Driving the Parser directly
 * rather than `Papa.parse(stream)` gives each row's exact character range (for lines and byte offsets), proper
 * UTF-8 decoding across chunk boundaries, and a way to recover from a quote that never closes: such a row would
 * otherwise swallow the rest of the file, so its first line is rejected and parsing resumes on the next line.
 */

/** Header cells: trimmed, BOM removed, blanks named column_N, repeats suffixed _2, _3… */
export function normalizeHeader(cells: string[]): string[] {
  const used = new Set<string>();
  return cells.map((raw, i) => {
    const base = raw.replace(/^\uFEFF/, '').trim() || `column_${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}

interface Row {
  cells: string[];
  errors: Papa.ParseError[];
  end: number;
}

class CsvRows {
  readonly out: ReadItem[] = [];
  private readonly parser: Papa.Parser;
  private readonly nl: string;
  private rows: Row[] = [];
  private pending = ''; // decoded text not yet turned into rows
  private line = 1; // line of pending[0]
  private byte: number; // byte offset of pending[0]
  private header: string[] | null = null;
  private protoColumn = false;
  private index = 0;
  private skipping = false; // dropping an over-long line up to its end

  constructor(private readonly plan: CsvPlan, private readonly name: string, startOffset: number, private readonly maxChars: number) {
    this.byte = startOffset;
    this.nl = plan.newline === '\r' ? '\r' : '\n';
    this.parser = new Papa.Parser({
      delimiter: plan.delimiter,
      newline: plan.newline,
      step: (r: Papa.ParseStepResult<string[][]>) => {
        this.rows.push({ cells: r.data[0], errors: r.errors, end: r.meta.cursor });
      },
    });
  }

  get pendingText(): string {
    return this.pending;
  }

  get pendingLine(): number {
    return this.line;
  }

  get pendingByte(): number {
    return this.byte;
  }

  get started(): boolean {
    return this.header !== null;
  }

  /** Adds decoded text and turns every complete row into items; `final` also parses the last, unterminated row. */
  feed(text: string, final: boolean): void {
    this.pending += text;
    for (;;) {
      if (this.skipping && !this.skipLine()) return;
      this.parser.parse(this.pending, 0, !final);
      if (!this.takeRows()) continue;
      if (final || this.pending.length <= this.maxChars) return;
      const nl = this.pending.indexOf(this.nl);
      const reason = `record at line ${this.line} is larger than ${formatBytes(this.maxChars)}`;
      this.reject(reason, this.pending.slice(0, nl === -1 ? 2048 : nl), this.line, this.byte);
      if (nl !== -1) this.advance(nl + 1); // a quote that never closed: resume on the next line
      else this.skipping = true;
    }
  }

  /** Drops text up to the end of an over-long line; true once the line has ended. */
  private skipLine(): boolean {
    const nl = this.pending.indexOf(this.nl);
    this.advance(nl === -1 ? this.pending.length : nl + 1);
    this.skipping = nl === -1;
    return nl !== -1;
  }

  /** Moves pending's origin forward by `n` characters, keeping line and byte counters right. */
  private advance(n: number): void {
    const gone = this.pending.slice(0, n);
    for (let p = gone.indexOf(this.nl); p !== -1; p = gone.indexOf(this.nl, p + 1)) this.line++;
    this.byte += Buffer.byteLength(gone);
    this.pending = this.pending.slice(n);
  }

  /** Emits the parsed rows; false when it stopped at a runaway quoted row and pending must be parsed again. */
  private takeRows(): boolean {
    const rows = this.rows;
    this.rows = [];
    let start = 0;
    let line = this.line;
    let byte = this.byte;
    for (const row of rows) {
      const text = this.pending.slice(start, row.end);
      const { cells } = row;
      // blank lines (including the one after a trailing line break) are not rows
      if (!(cells.length === 1 && cells[0].trim() === '')) {
        if (this.header === null) {
          this.header = this.plan.hasHeader ? normalizeHeader(cells) : cells.map((_, i) => `column_${i + 1}`);
          this.protoColumn = this.header.includes('__proto__');
          this.out.push({ kind: 'object', name: this.name, csvHeader: this.header });
          if (this.plan.hasHeader) {
            start = row.end;
            line += countOf(text, this.nl);
            byte += Buffer.byteLength(text);
            continue;
          }
        }
        const problem = cells.length !== this.header.length
          ? `expected ${this.header.length} columns, found ${cells.length}`
          : row.errors.map((e) => e.message).join('; ');
        const firstBreak = text.indexOf(this.nl);
        if (problem && firstBreak !== -1 && firstBreak < text.length - this.nl.length) {
          // A bad row spanning lines is almost always a quote that never closed: reject its first line only.
          const reason = `row at line ${line}: ${problem}; a quoted field opened here does not close properly, resumed at line ${line + 1}`;
          this.reject(reason, text.slice(0, firstBreak), line, byte);
          this.advance(start + firstBreak + this.nl.length);
          return false;
        }
        if (problem) this.reject(`row at line ${line}: ${problem}`, text.replace(/\r?\n$/, ''), line, byte);
        else this.record(cells, line, byte);
      }
      line += countOf(text, this.nl);
      byte += Buffer.byteLength(text);
      start = row.end;
    }
    this.advance(start);
    return true;
  }

  private record(cells: string[], line: number, byteOffset: number): void {
    const cols = this.header!;
    const value: Record<string, string> = {};
    if (this.protoColumn) {
      // a column named "__proto__" must stay data, not replace the prototype
      for (let i = 0; i < cols.length; i++) {
        Object.defineProperty(value, cols[i], { value: cells[i], enumerable: true, writable: true, configurable: true });
      }
    } else {
      for (let i = 0; i < cols.length; i++) value[cols[i]] = cells[i];
    }
    this.out.push({ kind: 'record', value, text: JSON.stringify(value), line, byteOffset, recordIndex: this.index++ });
  }

  reject(reason: string, text: string, line: number | null, byteOffset: number | null): void {
    this.out.push({ kind: 'reject', reason, excerpt: excerptOf(text), line, byteOffset, recordIndex: this.index++ });
  }
}

const FEED_SLICE = 64 * 1024;

function countOf(text: string, nl: string): number {
  let n = 0;
  for (let p = text.indexOf(nl); p !== -1; p = text.indexOf(nl, p + 1)) n++;
  return n;
}

export async function* readCsvRecords(
  source: AsyncIterable<Buffer>,
  plan: CsvPlan,
  ctx: { name: string; startOffset: number; signal?: AbortSignal; maxRecordBytes?: number },
): AsyncGenerator<ReadItem> {
  const rows = new CsvRows(plan, ctx.name, ctx.startOffset, ctx.maxRecordBytes ?? READ_LIMITS.maxRecordBytes);
  const decoder = new StringDecoder('utf8');
  let sourceError: string | null = null;
  try {
    for await (const chunk of source) {
      // Feed in small slices so each batch of row objects dies young (cheap scavenges instead of old-gen GC).
      for (let at = 0; at < chunk.length; at += FEED_SLICE) {
        rows.feed(decoder.write(chunk.subarray(at, at + FEED_SLICE)), false);
        for (const item of rows.out) {
          if (ctx.signal?.aborted) ctx.signal.throwIfAborted();
          yield item;
        }
        rows.out.length = 0;
      }
    }
  } catch (err) {
    if (!(err instanceof SourceDataError)) throw err;
    sourceError = err.message;
  }
  // after a source failure the last row is cut short: report it instead of importing a partial row
  rows.feed(decoder.end(), sourceError === null);
  if (!rows.started) rows.out.unshift({ kind: 'object', name: ctx.name, csvHeader: [] });
  if (sourceError !== null) {
    const cut = rows.pendingText.trim() !== '';
    const reason = cut ? `${sourceError}; the row starting at line ${rows.pendingLine} is incomplete` : sourceError;
    rows.reject(reason, cut ? rows.pendingText : '', cut ? rows.pendingLine : null, cut ? rows.pendingByte : null);
  }
  yield* rows.out;
}
