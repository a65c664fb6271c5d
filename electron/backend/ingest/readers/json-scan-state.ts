import { excerptOf } from './lines.js';

/**
 * State and recovery paths of the JSON scanner (line counting, resynchronisation after broken records, junk
 * between records, the tail of an envelope). The hot loops live in json-scanner.ts.
 */
export interface ScanSink {
  /**
   * A complete value. `topLevel` is false for elements of an array/envelope. Return null when handled (record or
   * reject emitted), or the JSON.parse message so the scanner can reject it and try to resynchronise.
   */
  value(bytes: Buffer, line: number, byteOffset: number, topLevel: boolean): string | null;
  reject(reason: string, line: number | null, byteOffset: number | null, excerpt: string): void;
}

export const QUOTE = 0x22, BACKSLASH = 0x5c, LBRACE = 0x7b, RBRACE = 0x7d, LBRACKET = 0x5b, RBRACKET = 0x5d;
export const NL = 0x0a, CR = 0x0d, SP = 0x20, TAB = 0x09, COMMA = 0x2c;

export const TOP = 0, ARRAY = 1, ENV_TAIL = 2; // containers
export const BETWEEN = 0, RECORD = 1, RESYNC = 2, JUNK = 3; // phases

/** Junk lines are kept up to this size so a scalar line (`42`) can still be told apart from garbage. */
const JUNK_KEEP = 4096;

interface Pending {
  reason: string;
  line: number;
  offset: number;
  excerpt: string;
}

export abstract class JsonScanState {
  protected abstract readonly sink: ScanSink;
  protected maxBytes = 0;
  protected maxDepth = 0;
  protected readonly queue: { buf: Buffer; base: number }[] = [];
  protected streamPos = 0;
  protected carry: { buf: Buffer; base: number } | null = null;
  protected eof = false;
  protected interrupted = false;

  // line bookkeeping: `line` is the 1-based line at absolute offset `countedAbs`
  protected line = 1;
  protected countedAbs = 0;
  protected lcNext = -1; // next newline index >= counted position in the current buffer (cache)
  protected strNl = -1; // next newline index used by the in-string check (separate cache: different cursor)

  // container state
  protected container = TOP;
  protected phase = BETWEEN;
  protected depth = 0;
  protected recordDepth = 0;
  protected arrayLine = 0;
  protected arrayKey: string | null = null;
  protected lineMode: boolean | null = null;
  protected bol = true;
  protected indent = 0;

  // current record
  protected inStr = false;
  protected escNext = false;
  protected recIdx = 0; // where the record's bytes start in the current buffer
  protected recAbs = 0;
  protected recLine = 0;
  protected recIndent = -1;
  protected recScalar = false;
  protected parts: Buffer[] = [];
  protected partsBytes = 0;
  protected skip: string | null = null;
  protected skipExcerpt = '';
  protected multiLine = false;
  protected candAbs = -1;
  protected candLine = 0;
  protected peek: { start: number; line: number; indent: number } | null = null;

  // resync / junk
  protected pending: Pending | null = null;
  protected rsBol = false;
  protected rsIndent = 0;
  protected rsWant = -1;
  protected rsSkipped = 0;
  protected junk: Buffer[] = [];
  protected junkBytes = 0;


  /** 1-based line of buf[idx]; counts forward lazily from the last counted position. */
  protected lineAt(buf: Buffer, base: number, idx: number): number {
    let from = this.countedAbs - base;
    if (idx <= from) return this.line;
    if (this.lcNext < from) {
      this.lcNext = buf.indexOf(NL, from);
      if (this.lcNext === -1) this.lcNext = buf.length;
    }
    while (this.lcNext < idx) {
      this.line++;
      from = this.lcNext + 1;
      this.lcNext = buf.indexOf(NL, from);
      if (this.lcNext === -1) this.lcNext = buf.length;
    }
    this.countedAbs = base + idx;
    return this.line;
  }

  /** Rejects the part before the resync candidate and feeds the rest back through the scanner. */
  protected rescan(bytes: Buffer, why: string): void {
    const from = this.candAbs - this.recAbs;
    const reason = `the record starting at line ${this.recLine} (byte ${this.recAbs}) ${why}; resumed at line ${this.candLine}`;
    this.sink.reject(reason, this.recLine, this.recAbs, excerptOf(bytes.subarray(0, from)));
    this.queue.unshift({ buf: bytes.subarray(from), base: this.candAbs });
    this.line = this.candLine;
    this.countedAbs = this.candAbs;
    this.depth = this.recordDepth;
    this.inStr = this.escNext = false;
    this.phase = BETWEEN;
    this.bol = true;
    this.indent = 0;
    this.candAbs = -1;
    this.peek = null;
    this.parts = [];
    this.partsBytes = 0;
  }

  protected recordBytes(buf: Buffer | null, end: number): Buffer {
    const last = buf ? buf.subarray(this.recIdx, end) : null;
    if (this.parts.length === 0) return last ?? Buffer.alloc(0);
    return Buffer.concat(last ? [...this.parts, last] : this.parts);
  }

  protected excerpt(buf: Buffer | null, end: number): string {
    if (this.skip !== null) return this.skipExcerpt;
    const first = this.parts.length > 0 ? this.parts[0] : buf ? buf.subarray(this.recIdx, end) : Buffer.alloc(0);
    return excerptOf(first);
  }

  /** Stop buffering a record that is too large or too deep; keep scanning to find where it ends. */
  protected startSkip(reason: string, buf: Buffer | null, end: number): void {
    this.skipExcerpt = this.excerpt(buf, Math.max(end, buf ? Math.min(buf.length, this.recIdx + 2048) : 0));
    this.skip = reason;
    this.parts = [];
    this.partsBytes = 0;
  }

  protected invalid(error: string): string {
    return `invalid JSON in the record at line ${this.recLine} (byte ${this.recAbs}): ${error}`;
  }

  /** A record cut by a line break (raw newline in a string, or an unclosed line in JSON Lines). */
  protected broken(buf: Buffer, nl: number): number {
    let reason = this.skip;
    let excerpt = this.skipExcerpt;
    if (reason === null) {
      const bytes = this.recordBytes(buf, nl);
      excerpt = excerptOf(bytes);
      try {
        JSON.parse(bytes.toString('utf8'));
        reason = this.invalid('line break inside the record');
      } catch (e) {
        reason = this.invalid((e as Error).message);
      }
    }
    this.pending = { reason, line: this.recLine, offset: this.recAbs, excerpt };
    this.parts = [];
    this.partsBytes = 0;
    this.inStr = this.escNext = false;
    this.depth = this.recordDepth;
    this.startResync(this.recIndent);
    return nl;
  }

  protected scanJunk(buf: Buffer, i: number): number {
    const nl = buf.indexOf(NL, i);
    if (nl === -1) return buf.length;
    this.keepJunk(buf.subarray(this.recIdx, nl));
    this.endJunk();
    this.startResync(-1);
    return nl;
  }

  protected keepJunk(b: Buffer): void {
    if (this.junkBytes < JUNK_KEEP) this.junk.push(b.subarray(0, JUNK_KEEP - this.junkBytes));
    this.junkBytes += b.length;
  }

  protected endJunk(): void {
    const text = Buffer.concat(this.junk).toString('utf8').trim();
    let reason = `unexpected text outside a JSON record at line ${this.recLine}`;
    if (this.junkBytes <= JUNK_KEEP) {
      try {
        const v: unknown = JSON.parse(text);
        reason = `line ${this.recLine} holds a JSON ${v === null ? 'null' : typeof v}, not an object record`;
      } catch {
        // not JSON at all: keep the generic reason
      }
    }
    this.pending = { reason, line: this.recLine, offset: this.recAbs, excerpt: excerptOf(text) };
  }

  protected startResync(want: number): void {
    this.phase = RESYNC;
    this.rsWant = want;
    this.rsBol = false;
    this.rsSkipped = 0;
  }

  /** Skips lines until one starts with `{` (at the broken record's indentation when known). */
  protected resync(buf: Buffer, i: number, base: number): number {
    const len = buf.length;
    while (i < len) {
      if (!this.rsBol) {
        const nl = buf.indexOf(NL, i);
        if (nl === -1) return len;
        i = nl + 1;
        this.rsBol = true;
        this.rsIndent = 0;
        continue;
      }
      const c = buf[i];
      if (c === SP || c === TAB) this.rsIndent++;
      else if (c === NL || c === CR) this.rsIndent = 0;
      else if ((c === LBRACE && (this.rsWant < 0 || this.rsIndent === this.rsWant)) ||
        (c === LBRACKET && this.container === TOP)) {
        this.flushPending(this.lineAt(buf, base, i));
        this.phase = BETWEEN;
        this.bol = true;
        this.indent = this.rsIndent;
        return i;
      } else {
        this.rsBol = false;
        this.rsSkipped++;
      }
      i++;
    }
    return i;
  }

  protected flushPending(resumeLine: number | null): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    const n = this.rsSkipped;
    this.rsSkipped = 0;
    let note = '';
    if (n > 0) {
      const lines = `${n} following line${n === 1 ? '' : 's'}`;
      note = resumeLine === null ? `; skipped ${lines} up to end of file` : `; skipped ${lines}, resumed at line ${resumeLine}`;
    }
    this.sink.reject(p.reason + note, p.line, p.offset, p.excerpt);
  }

  /** After an envelope's records array: skip its other keys until the envelope object closes. */
  protected envelopeTail(buf: Buffer, i: number): number {
    const len = buf.length;
    while (i < len) {
      const c = buf[i];
      if (this.inStr) {
        if (this.escNext) this.escNext = false;
        else if (c === BACKSLASH) this.escNext = true;
        else if (c === QUOTE) this.inStr = false;
      } else if (c === QUOTE) this.inStr = true;
      else if (c === LBRACE || c === LBRACKET) this.depth++;
      else if (c === RBRACE || c === RBRACKET) {
        if (--this.depth <= 0) {
          this.depth = 0;
          this.container = TOP;
          this.recordDepth = 0;
          this.arrayKey = null;
          return i + 1;
        }
      }
      i++;
    }
    return i;
  }
}
