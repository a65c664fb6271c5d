import { QuerySyntaxError } from './syntax-error.js';

/**
 * Splits query text into tokens with their columns. The lexer only finds the shape of each term (field, operator,
 * value, quoting, trailing `*`); whether a field exists or a value is valid is the parser's job, so those errors can
 * name the field. The query bar also uses these tokens to colour what the user typed.
 */

export type TermOp = ':' | '=' | '>' | '>=' | '<' | '<=';

export type Token = PunctToken | TermToken;

export interface PunctToken {
  type: 'lparen' | 'rparen' | 'and' | 'or' | 'not' | 'neg';
  /** 1-based column of the first character. */
  column: number;
  length: number;
}

export interface TermToken {
  type: 'term';
  column: number;
  length: number;
  /** The field name as written (`actor`, `user`, `has`...), absent for bare words and phrases. */
  field?: string;
  op?: TermOp;
  /** The value with quotes removed and escapes resolved, without a trailing prefix `*`. */
  value: string;
  /** 1-based column where the value (or its opening quote) starts. */
  valueColumn: number;
  quoted: boolean;
  /** Written with a trailing `*` outside any quotes. */
  prefix: boolean;
  /** Written as `field:/pattern/`: `value` is the pattern between the slashes. */
  regex?: boolean;
}

const KEYWORDS: Record<string, PunctToken['type']> = { AND: 'and', OR: 'or', NOT: 'not' };
// A field name followed by its operator. Longest operators first so `>=` is not read as `>` then `=...`.
const FIELD_PREFIX = /^([A-Za-z_][A-Za-z0-9_]*)(>=|<=|:|=|>|<)/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (isSpace(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch === '(' ? 'lparen' : 'rparen', column: i + 1, length: 1 });
      i++;
    } else if (ch === '-') {
      // `-` negates only when glued to what follows; a lone `-` would otherwise silently vanish or match nothing.
      const next = text[i + 1];
      if (next === undefined || isSpace(next) || next === ')') {
        throw new QuerySyntaxError("'-' must be directly followed by a term to exclude", i + 1);
      }
      tokens.push({ type: 'neg', column: i + 1, length: 1 });
      i++;
    } else {
      const term = readTerm(text, i);
      tokens.push(term.token);
      i = term.end;
    }
  }
  return tokens;
}

function readTerm(text: string, start: number): { token: Token; end: number } {
  if (text[start] === '"') {
    const q = readQuoted(text, start);
    const prefix = text[q.end] === '*';
    const end = prefix ? q.end + 1 : q.end;
    return {
      token: {
        type: 'term', column: start + 1, length: end - start, value: q.value, valueColumn: start + 1, quoted: true,
        prefix,
      },
      end,
    };
  }
  const field = FIELD_PREFIX.exec(text.slice(start, start + 200));
  // `fe80::1` looks like field `fe80` with op `:`; a hex "name" followed by `::` is an IPv6 address, i.e. text.
  // (No field name is all hex digits, so `ip:::1` still reads as field `ip`.)
  const ipv6 = field && /^[0-9a-f]+$/i.test(field[1]) && text.startsWith('::', start + field[1].length);
  if (field && !ipv6) {
    const valueStart = start + field[0].length;
    const name = field[1];
    const op = field[2] as TermOp;
    if (text[valueStart] === '"') {
      const q = readQuoted(text, valueStart);
      const prefix = text[q.end] === '*';
      const end = prefix ? q.end + 1 : q.end;
      return {
        token: {
          type: 'term', column: start + 1, length: end - start, field: name, op, value: q.value,
          valueColumn: valueStart + 1, quoted: true, prefix,
        },
        end,
      };
    }
    const regexEnd = text[valueStart] === '/' ? regexLiteralEnd(text, valueStart) : -1;
    if (regexEnd > 0) {
      return {
        token: {
          type: 'term', column: start + 1, length: regexEnd - start, field: name, op,
          value: text.slice(valueStart + 1, regexEnd - 1), valueColumn: valueStart + 1, quoted: false, prefix: false,
          regex: true,
        },
        end: regexEnd,
      };
    }
    const end = wordEnd(text, valueStart);
    const raw = text.slice(valueStart, end);
    const prefix = raw.endsWith('*');
    return {
      token: {
        type: 'term', column: start + 1, length: end - start, field: name, op,
        value: prefix ? raw.slice(0, -1) : raw, valueColumn: valueStart + 1, quoted: false, prefix,
      },
      end,
    };
  }
  const end = wordEnd(text, start);
  const word = text.slice(start, end);
  const keyword = KEYWORDS[word];
  if (keyword) return { token: { type: keyword, column: start + 1, length: word.length }, end };
  const prefix = word.endsWith('*');
  return {
    token: {
      type: 'term', column: start + 1, length: word.length, value: prefix ? word.slice(0, -1) : word,
      valueColumn: start + 1, quoted: false, prefix,
    },
    end,
  };
}

/** Reads `"..."` starting at the opening quote. `\"` and `\\` are escapes; any other backslash is literal. */
function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
      value += text[i + 1];
      i += 2;
    } else if (ch === '"') {
      return { value, end: i + 1 };
    } else {
      value += ch;
      i++;
    }
  }
  throw new QuerySyntaxError('unclosed quote', start + 1, text.length - start);
}

/**
 * The end (exclusive) of `/pattern/` starting at `start`, or -1 when the value is not a regex literal. The closing
 * slash is the first one outside an escape and a `[...]` class, and it must end the term (space, `)` or the end):
 * so a path like `target:/var/log` stays a plain value.
 */
function regexLiteralEnd(text: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) {
      const next = text[i + 1];
      return i > start + 1 && (next === undefined || isSpace(next) || next === ')') ? i + 1 : -1;
    }
  }
  return -1;
}

/** An unquoted word runs to the next space or parenthesis, so `(actor:a OR actor:b)` needs no extra spaces. */
function wordEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length && !isSpace(text[i]) && text[i] !== '(' && text[i] !== ')') i++;
  return i;
}

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}
