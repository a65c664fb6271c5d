import { envelopeAt } from './json-envelope.js';
import { excerptOf, formatBytes } from './lines.js';
import {
  ARRAY, BACKSLASH, BETWEEN, COMMA, CR, ENV_TAIL, JsonScanState, JUNK, LBRACE, LBRACKET, NL, QUOTE, RBRACE, RBRACKET,
  RECORD, RESYNC, type ScanSink, SP, TAB, TOP,
} from './json-scan-state.js';
import { READ_LIMITS } from './types.js';

export type { ScanSink } from './json-scan-state.js';

export interface ScanStart {
  /** Line and byte offset of the first byte pushed (a nested scan of part of a record starts mid-file). */
  line?: number;
  byteOffset?: number;
  limits?: { maxRecordBytes: number; maxDepth: number };
}

/**
 * Streaming splitter for JSON text: JSON Lines, a top-level array, an envelope (`{"Records":[…]}`), one object, or
 * concatenated (pretty-printed) objects. It works on raw bytes: structural characters are ASCII, so records are
 * sliced without decoding, strings are skipped with memchr-speed `indexOf`, and a record's bytes are copied once at
 * most (only when it spans chunks). Parsing is the sink's job; the scanner only needs to hear whether it worked.
 */
export class JsonScanner extends JsonScanState {
  constructor(protected readonly sink: ScanSink, start: ScanStart = {}) {
    super();
    this.line = start.line ?? 1;
    this.streamPos = this.countedAbs = start.byteOffset ?? 0;
    this.maxBytes = start.limits?.maxRecordBytes ?? READ_LIMITS.maxRecordBytes;
    this.maxDepth = start.limits?.maxDepth ?? READ_LIMITS.maxDepth;
  }

  /** Bytes of the current record held in memory (bounded by maxRecordBytes plus one chunk). */
  get bufferedBytes(): number {
    return this.partsBytes;
  }

  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.queue.push({ buf: chunk, base: this.streamPos });
    this.streamPos += chunk.length;
    this.drain();
  }

  /** End of input. `sourceError` is set when the byte source failed (truncated gzip…): it becomes the last reject. */
  finish(sourceError: string | null = null): void {
    this.eof = true;
    this.drain();
    for (let guard = 0; this.phase === RECORD && this.candAbs >= 0 && guard < 1e6; guard++) {
      this.rescan(this.recordBytes(null, 0), 'is not closed at end of file');
      this.drain();
    }
    let reported = false;
    const resyncing = this.phase === RESYNC || this.phase === JUNK;
    if (this.phase === RECORD) {
      const where = `the record starting at line ${this.recLine}`;
      const reason = sourceError
        ? `${sourceError}; ${where} is incomplete`
        : this.recScalar
          ? null
          : `truncated: end of file inside a record starting at line ${this.recLine}`;
      if (reason === null) this.emitValue(this.recordBytes(null, 0));
      else this.sink.reject(reason, this.recLine, this.recAbs, this.excerpt(null, 0));
      // the record's reject already says the input ended early
      reported = reason !== null;
    } else if (this.phase === RESYNC) {
      this.flushPending(null);
    } else if (this.phase === JUNK) {
      this.endJunk();
      this.flushPending(null);
    }
    this.phase = BETWEEN;
    if (sourceError && !reported) this.sink.reject(sourceError, null, null, '');
    else if (!sourceError && !resyncing && !reported && this.container === ARRAY) {
      const what = this.arrayKey ? `"${this.arrayKey}" array` : 'array';
      this.sink.reject(`truncated: end of file before the closing ] of the ${what} that starts at line ${this.arrayLine}`,
        this.arrayLine, null, '');
    } else if (!sourceError && !resyncing && !reported && this.container === ENV_TAIL) {
      this.sink.reject('truncated: end of file before the closing } of the envelope object', this.arrayLine, null, '');
    }
  }

  protected drain(): void {
    while (this.queue.length > 0) {
      let { buf, base } = this.queue.shift()!;
      if (this.carry) {
        buf = Buffer.concat([this.carry.buf, buf]);
        base = this.carry.base;
        this.carry = null;
      }
      this.process(buf, base);
    }
    if (this.eof && this.carry) {
      const { buf, base } = this.carry;
      this.carry = null;
      this.process(buf, base);
    }
  }

  protected process(buf: Buffer, base: number): void {
    const len = buf.length;
    this.lcNext = -1;
    this.strNl = -1;
    this.recIdx = 0;
    let i = 0;
    if (this.peek) {
      if (this.phase === RECORD && this.candAbs < 0) this.noteCandidate(buf, 0, base);
      else this.peek = null;
    }
    while (i < len) {
      if (this.phase === RECORD) i = this.recScalar ? this.scanScalar(buf, i, base) : this.scanRecord(buf, i, base);
      else if (this.phase === BETWEEN) i = this.between(buf, i, base);
      else if (this.phase === RESYNC) i = this.resync(buf, i, base);
      else i = this.scanJunk(buf, i);
      if (this.interrupted) {
        this.interrupted = false;
        return;
      }
      if (i < 0) {
        // envelope lookahead needs more bytes: keep the tail and retry it joined with the next chunk
        this.lineAt(buf, base, -i - 1);
        this.carry = { buf: buf.subarray(-i - 1), base: base - i - 1 };
        return;
      }
    }
    if (this.phase === RECORD && this.skip === null) {
      const tail = buf.subarray(this.recIdx);
      this.parts.push(tail);
      this.partsBytes += tail.length;
      if (this.partsBytes > this.maxBytes) {
        if (this.candAbs >= 0) {
          this.rescan(this.recordBytes(null, 0), `is not closed within ${formatBytes(this.maxBytes)}`);
          return;
        }
        this.startSkip(`record at line ${this.recLine} is larger than ${formatBytes(this.maxBytes)}`, null, 0);
      }
    } else if (this.phase === JUNK) {
      this.keepJunk(buf.subarray(this.recIdx));
    }
    this.lineAt(buf, base, len);
  }

  protected between(buf: Buffer, i: number, base: number): number {
    const len = buf.length;
    const inArray = this.container === ARRAY;
    while (i < len) {
      const c = buf[i];
      if (c === NL) {
        this.bol = true;
        this.indent = 0;
      } else if (c === SP || c === TAB) {
        if (this.bol) this.indent++;
      } else if (c === CR) {
        // part of a CRLF line ending
      } else if (c === COMMA) {
        this.bol = false; // separators between elements (tolerated between top-level objects too)
      } else if (this.container === ENV_TAIL) {
        return this.envelopeTail(buf, i);
      } else if (c === LBRACE || (inArray && (c === LBRACKET || c === QUOTE))) {
        if (!inArray && c === LBRACE) {
          const env = envelopeAt(buf, i, this.eof);
          if (env === 'more') return -i - 1;
          if (env) {
            this.container = ARRAY;
            this.arrayKey = env.key;
            this.arrayLine = this.lineAt(buf, base, i);
            this.depth += 2;
            this.recordDepth = this.depth;
            this.bol = false;
            return env.next;
          }
        }
        this.startRecord(buf, i, base, false);
        if (c === QUOTE) this.inStr = true;
        else this.depth++;
        return i + 1;
      } else if (!inArray && c === LBRACKET) {
        this.container = ARRAY;
        this.arrayKey = null;
        this.arrayLine = this.lineAt(buf, base, i);
        this.recordDepth = ++this.depth;
        this.bol = false;
        return i + 1; // re-enter: the container changed
      } else if (inArray && (c === RBRACKET || c === RBRACE)) {
        this.depth--;
        this.container = this.arrayKey ? ENV_TAIL : TOP;
        this.recordDepth = this.arrayKey ? this.depth : 0;
        this.bol = false;
        return i + 1;
      } else if (inArray) {
        this.startRecord(buf, i, base, true);
        return i;
      } else {
        this.phase = JUNK;
        this.recIdx = i;
        this.recAbs = base + i;
        this.recLine = this.lineAt(buf, base, i);
        this.junk = [];
        this.junkBytes = 0;
        return i;
      }
      i++;
    }
    return i;
  }

  protected startRecord(buf: Buffer, i: number, base: number, scalar: boolean): void {
    this.phase = RECORD;
    this.recScalar = scalar;
    this.recIdx = i;
    this.recAbs = base + i;
    this.recLine = this.lineAt(buf, base, i);
    this.recIndent = this.bol ? this.indent : -1;
    this.parts = [];
    this.partsBytes = 0;
    this.skip = null;
    this.multiLine = false;
    this.candAbs = -1;
    this.peek = null;
    this.bol = false;
  }

  /** Hot loop: structural bytes outside strings, `indexOf` jumps inside strings. Returns where it stopped. */
  protected scanRecord(buf: Buffer, i: number, base: number): number {
    const len = buf.length;
    const rd = this.recordDepth;
    let depth = this.depth;
    while (i < len) {
      if (this.inStr) {
        let p = i;
        if (this.escNext) {
          this.escNext = false;
          p++;
        }
        let q = -1;
        for (;;) {
          q = p < len ? buf.indexOf(QUOTE, p) : -1;
          if (q === -1) break;
          let k = q - 1;
          while (k >= p && buf[k] === BACKSLASH) k--;
          if (((q - 1 - k) & 1) === 0) break;
          p = q + 1;
        }
        const end = q === -1 ? len : q;
        if (this.strNl < i) {
          this.strNl = buf.indexOf(NL, i);
          if (this.strNl === -1) this.strNl = len;
        }
        if (this.strNl < end) {
          // JSON strings cannot hold a raw line break: the record is broken here
          this.depth = depth;
          return this.broken(buf, this.strNl);
        }
        if (q === -1) {
          let k = len - 1;
          while (k >= p && buf[k] === BACKSLASH) k--;
          this.escNext = ((len - 1 - k) & 1) === 1;
          i = len;
          break;
        }
        this.inStr = false;
        i = q + 1;
        if (depth === rd) {
          this.depth = depth;
          this.endRecord(buf, i, base);
          return i;
        }
        continue;
      }
      const c = buf[i];
      if (c === QUOTE) {
        this.inStr = true;
      } else if (c === LBRACE || c === LBRACKET) {
        depth++;
        if (depth - rd > this.maxDepth && this.skip === null) {
          this.startSkip(`record at line ${this.recLine} is nested deeper than ${this.maxDepth} levels`, buf, i);
        }
      } else if (c === RBRACE || c === RBRACKET) {
        depth--;
        if (depth <= rd) {
          this.depth = rd;
          this.endRecord(buf, i + 1, base);
          return i + 1;
        }
      } else if (c === NL) {
        this.multiLine = true;
        if (this.lineMode === true && this.container === TOP) {
          this.depth = depth;
          return this.broken(buf, i);
        }
        if (this.candAbs < 0 && this.recIndent >= 0 && this.lineMode !== true) this.noteCandidate(buf, i + 1, base);
      }
      i++;
    }
    this.depth = depth;
    return i;
  }

  /**
   * A line that starts with `{` at the record's own indentation is where the next record probably begins: if this
   * record turns out broken, scanning resumes there. The peek may continue into the next chunk.
   */
  protected noteCandidate(buf: Buffer, j: number, base: number): void {
    const peek = this.peek ?? { start: base + j, line: this.lineAt(buf, base, j), indent: 0 };
    this.peek = null;
    while (j < buf.length && (buf[j] === SP || buf[j] === TAB)) {
      j++;
      peek.indent++;
    }
    if (j >= buf.length) this.peek = peek;
    else if (buf[j] === LBRACE && peek.indent === this.recIndent) {
      this.candAbs = peek.start;
      this.candLine = peek.line;
    }
  }

  /** Array elements that are not objects or arrays (`42`, `true`): read up to the next delimiter. */
  protected scanScalar(buf: Buffer, i: number, base: number): number {
    for (; i < buf.length; i++) {
      const c = buf[i];
      if (c === COMMA || c === RBRACKET || c === RBRACE || c === SP || c === NL || c === CR || c === TAB) {
        this.endRecord(buf, i, base);
        return i;
      }
    }
    return i;
  }

  protected endRecord(buf: Buffer, end: number, base: number): void {
    this.settleRecord(buf, end, base);
    this.parts = []; // let the chunks go as soon as the record is out
    this.partsBytes = 0;
  }

  private settleRecord(buf: Buffer, end: number, base: number): void {
    this.phase = BETWEEN;
    this.bol = false;
    if (this.skip !== null) {
      this.sink.reject(this.skip, this.recLine, this.recAbs, this.skipExcerpt);
      return;
    }
    if (this.partsBytes + end - this.recIdx > this.maxBytes) {
      const reason = `record at line ${this.recLine} is larger than ${formatBytes(this.maxBytes)}`;
      this.sink.reject(reason, this.recLine, this.recAbs, this.excerpt(buf, end));
      return;
    }
    const bytes = this.recordBytes(buf, end);
    const error = this.sink.value(bytes, this.recLine, this.recAbs, this.container === TOP);
    if (error === null) {
      if (this.container === TOP && this.lineMode === null) this.lineMode = !this.multiLine;
      return;
    }
    if (this.candAbs >= 0) {
      this.queue.unshift({ buf: buf.subarray(end), base: base + end });
      this.rescan(bytes, `is not valid JSON (${error})`);
      this.interrupted = true; // the rest of this buffer was queued behind the re-scanned bytes
      return;
    }
    this.sink.reject(this.invalid(error), this.recLine, this.recAbs, excerptOf(bytes));
  }

  protected emitValue(bytes: Buffer): void {
    const error = this.sink.value(bytes, this.recLine, this.recAbs, this.container === TOP);
    if (error !== null) this.sink.reject(this.invalid(error), this.recLine, this.recAbs, excerptOf(bytes));
  }
}
