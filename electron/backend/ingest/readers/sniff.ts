import Papa from 'papaparse';

/**
 * Content sniffing: containers by magic bytes, text encodings by BOM, and JSON vs CSV vs unknown text by the first
 * bytes (the extension is only a hint: CloudTrail `.json` files may be JSON Lines, `.log` files may be JSON).
 */

export type Container = 'gzip' | 'zip' | 'bzip2' | 'xz' | 'zstd' | '7z' | 'tar' | null;

/** How many leading bytes the container and encoding checks need. */
export const MAGIC_BYTES = 512;

export function sniffContainer(head: Uint8Array): Container {
  const at = (i: number, ...bytes: number[]) => bytes.every((b, k) => head[i + k] === b);
  if (at(0, 0x1f, 0x8b)) return 'gzip';
  if (at(0, 0x50, 0x4b, 0x03, 0x04) || at(0, 0x50, 0x4b, 0x05, 0x06) || at(0, 0x50, 0x4b, 0x07, 0x08)) return 'zip';
  if (at(0, 0x42, 0x5a, 0x68)) return 'bzip2';
  if (at(0, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz';
  if (at(0, 0x28, 0xb5, 0x2f, 0xfd)) return 'zstd';
  if (at(0, 0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c)) return '7z';
  if (at(257, 0x75, 0x73, 0x74, 0x61, 0x72)) return 'tar';
  return null;
}

export type Encoding = 'utf8' | 'utf16le' | 'utf16be';

/** Encoding and BOM length. BOM-less UTF-16LE is recognised by ASCII bytes interleaved with zeros. */
export function sniffEncoding(head: Uint8Array): { encoding: Encoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  if (head.length >= 8) {
    let le = true;
    let be = true;
    for (let i = 0; i < 8; i += 2) {
      le &&= head[i] !== 0 && head[i] < 0x80 && head[i + 1] === 0;
      be &&= head[i] === 0 && head[i + 1] !== 0 && head[i + 1] < 0x80;
    }
    if (le) return { encoding: 'utf16le', bom: 0 };
    if (be) return { encoding: 'utf16be', bom: 0 };
  }
  return { encoding: 'utf8', bom: 0 };
}

export type Newline = '\n' | '\r\n' | '\r';

export interface CsvPlan {
  kind: 'csv';
  delimiter: string;
  newline: Newline;
  /** False when the first row looks like data (numbers, JSON): columns are then named column_1… */
  hasHeader: boolean;
}

export type TextPlan = { kind: 'json' } | CsvPlan | { kind: 'empty' } | { kind: 'unknown' };

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Index of the first non-whitespace byte, or -1. */
export function firstContent(buf: Uint8Array): number {
  for (let i = 0; i < buf.length; i++) if (!WS.has(buf[i])) return i;
  return -1;
}

export function detectNewline(text: string): Newline {
  const lf = text.indexOf('\n');
  if (lf > 0 && text[lf - 1] === '\r') return '\r\n';
  if (lf >= 0) return '\n';
  return text.includes('\r') ? '\r' : '\n';
}

const DELIMITERS = [',', '\t', ';', '|'];

/** Rows of the sample for one delimiter (papaparse handles quoted fields spanning lines). */
function sampleRows(text: string, delimiter: string, newline: Newline, eof: boolean): string[][] {
  const parser = new Papa.Parser({ delimiter, newline, preview: 50 });
  const rows = (parser.parse(text, 0, !eof) as { data: string[][] }).data;
  const full = rows.filter((r) => !(r.length === 1 && r[0].trim() === ''));
  // A sample holding only part of the first line still tells the column count.
  return full.length > 0 || eof ? full : (new Papa.Parser({ delimiter, newline }).parse(text, 0, false) as { data: string[][] }).data;
}

const DATA_CELL = /^\s*(?:[-+]?\d+(?:[.,]\d+)?|[{[].*)\s*$/s;

/** Picks the delimiter whose rows agree on a column count (≥2 columns), like papaparse's own guesser. */
function planCsv(text: string, ext: string, eof: boolean): CsvPlan | null {
  const newline = detectNewline(text);
  let best: { delimiter: string; cols: number; score: number; rows: string[][] } | null = null;
  const order = ext === '.tsv' ? ['\t', ...DELIMITERS.filter((d) => d !== '\t')] : DELIMITERS;
  for (const delimiter of order) {
    const rows = sampleRows(text, delimiter, newline, eof);
    if (rows.length === 0) continue;
    const cols = rows[0].length;
    const rest = rows.slice(1);
    const agree = rest.length === 0 ? 1 : rest.filter((r) => r.length === cols).length / rest.length;
    if (cols < 2 || agree < 0.8) continue;
    const score = agree * 1000 + Math.min(cols, 999);
    if (!best || score > best.score) best = { delimiter, cols, score, rows };
  }
  if (!best) {
    if (ext !== '.csv' && ext !== '.tsv') return null;
    const delimiter = ext === '.tsv' ? '\t' : ',';
    return { kind: 'csv', delimiter, newline, hasHeader: true };
  }
  let { delimiter } = best;
  // "a | b | c" exports (Bitbucket audit log): use " | " so the padding does not end up in every value.
  if (delimiter === '|' && best.rows.every((r) => r.slice(1).every((c) => c.startsWith(' ')) && r.slice(0, -1).every((c) => c.endsWith(' ')))) {
    delimiter = ' | ';
  }
  const hasHeader = !best.rows[0].some((c) => DATA_CELL.test(c));
  return { kind: 'csv', delimiter, newline, hasHeader };
}

/**
 * Decides how to read a text object from its first bytes (UTF-8, BOM removed). JSON when it starts with `{` or `[`;
 * CSV when rows agree on a delimiter (or the extension says so); JSON again for a lone scalar line (so it is rejected
 * as "not an object" with a line number); otherwise unknown.
 */
export function sniffText(sample: Buffer, ext: string, eof: boolean): TextPlan {
  const start = firstContent(sample);
  if (start === -1) return { kind: 'empty' };
  const c = sample[start];
  if (c === 0x7b || c === 0x5b) return { kind: 'json' };
  const text = sample.toString('utf8', start);
  if (text.includes('\u0000')) return { kind: 'unknown' };
  const csv = planCsv(text, ext, eof);
  if (csv) return csv;
  const nl = text.search(/\r?\n/);
  const firstLine = nl === -1 ? text : text.slice(0, nl);
  try {
    JSON.parse(firstLine);
    return { kind: 'json' };
  } catch {
    return { kind: 'unknown' };
  }
}
