import type { QueryNode } from './ast.js';
import { FIELDS, fieldList, resolveField, type FieldName } from './fields.js';
import { cidrRange } from './ip.js';
import { tokenize, type TermOp, type TermToken, type Token } from './lexer.js';
import { QuerySyntaxError } from './syntax-error.js';
import { parseTimeValue, timeRange, type TimeOp } from './time.js';
import { annotationTerm, isAnnotationField } from './annotation-terms.js';
import { checkRegex } from './regex.js';

/**
 * Recursive descent over the tokens. Precedence, loosest first: `OR`, then `AND` (explicit or implied by
 * juxtaposition), then `NOT` / `-`. So `a b OR c` is `(a AND b) OR c`, as in most search boxes.
 *
 *   query   := or EOF
 *   or      := and ('OR' and)*
 *   and     := unary (['AND'] unary)*
 *   unary   := ('NOT' | '-') unary | primary
 *   primary := '(' or ')' | term
 */

export interface ParseOptions {
  /** The instant relative times (`-24h`, `now`) count from. Defaults to the current time; tests inject it. */
  now?: Date;
}

/** Parses a query; null for an empty or whitespace-only query (= every event). Throws QuerySyntaxError. */
export function parseQuery(text: string, opts: ParseOptions = {}): QueryNode | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const parser = new Parser(tokens, text.length, opts.now ?? new Date());
  return parser.parseAll();
}

const HAS_HINT = 'has:field matches events where the field is present';

class Parser {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly textLength: number,
    private readonly now: Date,
  ) {}

  parseAll(): QueryNode {
    const node = this.parseOr();
    const extra = this.peek();
    if (extra) {
      // The only token parseOr stops at without consuming is a `)` with no matching `(`.
      throw new QuerySyntaxError("unmatched ')'", extra.column);
    }
    return node;
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.peek()?.type === 'or') {
      this.pos++;
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0] : { kind: 'or', children: flatten('or', children) };
  }

  private parseAnd(): QueryNode {
    const children = [this.parseUnary()];
    for (;;) {
      const next = this.peek();
      if (!next || next.type === 'or' || next.type === 'rparen') break;
      if (next.type === 'and') this.pos++;
      children.push(this.parseUnary());
    }
    return children.length === 1 ? children[0] : { kind: 'and', children: flatten('and', children) };
  }

  private parseUnary(): QueryNode {
    const token = this.peek();
    if (token?.type === 'not' || token?.type === 'neg') {
      this.pos++;
      return { kind: 'not', child: this.parseUnary() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode {
    const token = this.peek();
    if (!token) {
      const prev = this.tokens[this.pos - 1];
      throw new QuerySyntaxError(`expected a term after '${describe(prev)}'`, this.textLength + 1, 1);
    }
    this.pos++;
    switch (token.type) {
      case 'term':
        return this.term(token);
      case 'lparen': {
        if (this.peek()?.type === 'rparen') throw new QuerySyntaxError('empty parentheses', token.column, 2);
        const inner = this.parseOr();
        const close = this.peek();
        if (close?.type !== 'rparen') throw new QuerySyntaxError("unclosed '('", token.column);
        this.pos++;
        return inner;
      }
      case 'rparen':
        throw new QuerySyntaxError(
          this.pos === 1 ? "unmatched ')'" : `expected a term before ')'`,
          token.column,
        );
      default:
        throw new QuerySyntaxError(`expected a term, found '${describe(token)}'`, token.column, token.length);
    }
  }

  private term(token: TermToken): QueryNode {
    if (token.field === undefined) return textNode(token);
    if (token.field.toLowerCase() === 'has') return hasNode(token);
    if (isAnnotationField(token.field)) return annotationTerm(token);
    const field = resolveField(token.field);
    if (!field) {
      throw new QuerySyntaxError(
        `unknown field '${token.field}'`,
        token.column,
        token.field.length,
        `fields: ${fieldList()}, has; annotations: tag, comment, is:starred; ` +
          "to search for text containing ':', put it in quotes",
      );
    }
    if (token.regex) return regexNode(field, token);
    const op = token.op ?? ':';
    if (token.value === '' && !token.prefix) {
      throw new QuerySyntaxError(
        token.quoted ? `empty value for '${field}'` : `missing value for '${field}'`,
        token.valueColumn,
        1,
        field === 'time' ? undefined : `use -has:${field} for events without one`,
      );
    }
    if (field === 'time') return this.timeNode(token, op);
    if (op !== ':' && op !== '=') {
      throw new QuerySyntaxError(
        `operator '${op}' only applies to time`,
        token.column + token.field.length,
        op.length,
        `use ${token.field}:value`,
      );
    }
    // `field:*` asks for "any value", which is exactly has:field.
    if (token.value === '') return { kind: 'has', field };
    if (field === 'ip' && !token.prefix) return ipNode(token);
    return fieldNode(field, token);
  }

  private timeNode(token: TermToken, op: TermOp): QueryNode {
    const span = token.prefix ? null : parseTimeValue(token.value, this.now);
    if (!span) {
      throw new QuerySyntaxError(
        `invalid time '${token.value}${token.prefix ? '*' : ''}'`,
        token.valueColumn,
        token.length - (token.valueColumn - token.column),
        'use e.g. 2026-01-31, 2026-01-31T10:00:00Z, 2026-01-31T10:00+02:00 or -24h (units s, m, h, d, w)',
      );
    }
    const timeOp: TimeOp = op === ':' ? '=' : op;
    const range = timeRange(timeOp, span);
    return { kind: 'time', op: timeOp, text: token.value, from: range.from, to: range.to };
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }
}

function textNode(token: TermToken): QueryNode {
  // The full-text index only keeps letters and digits: a term without any would match nothing, silently.
  if (!/[\p{L}\p{N}]/u.test(token.value)) {
    throw new QuerySyntaxError(
      token.value === '' ? "'*' needs text before it" : `'${token.value}' has no letters or digits to search for`,
      token.column,
      token.length,
    );
  }
  return { kind: 'text', value: token.value, quoted: token.quoted, prefix: token.prefix };
}

function regexNode(field: FieldName, token: TermToken): QueryNode {
  if (field === 'time') {
    throw new QuerySyntaxError('time cannot be matched with a regular expression', token.valueColumn, token.value.length + 2);
  }
  if (token.op !== ':') {
    throw new QuerySyntaxError(`use ${token.field}:/pattern/ for a regular expression`, token.column, token.length);
  }
  checkRegex(token.value, token.valueColumn);
  return { kind: 'regex', field, pattern: token.value, column: token.valueColumn };
}

function hasNode(token: TermToken): QueryNode {
  const what = token.value.toLowerCase();
  if (token.op === ':' && !token.quoted && (what === 'tag' || what === 'tags')) {
    return { kind: 'annotation', what: 'tag', value: null, prefix: false };
  }
  if (token.op === ':' && !token.quoted && (what === 'comment' || what === 'comments')) {
    return { kind: 'annotation', what: 'comment', value: null };
  }
  const field = resolveField(token.value);
  if (token.op !== ':' || token.prefix || token.quoted || !field) {
    const problem = token.value ? `unknown field '${token.value}' in has:` : 'missing field name after has:';
    const hint = `${HAS_HINT}; fields: ${fieldList()}, tag, comment`;
    throw new QuerySyntaxError(problem, token.valueColumn, Math.max(1, token.value.length), hint);
  }
  return { kind: 'has', field };
}

function ipNode(token: TermToken): QueryNode {
  const range = cidrRange(token.value);
  if (range) return { kind: 'ip', text: token.value, lo: range.lo, hi: range.hi };
  // Digits, dots, colons and slashes only: the user meant an address or block and mistyped it. Anything else is a
  // host name some vendors log in place of an address (CloudTrail's `cloudtrail.amazonaws.com`).
  const v = token.value;
  if (/^[0-9a-f.:/]+$/i.test(v) && /[0-9]/.test(v) && /[.:/]/.test(v)) {
    throw new QuerySyntaxError(`invalid IP address or CIDR block '${v}'`, token.valueColumn, v.length);
  }
  return { kind: 'field', field: 'ip', match: 'exact', value: token.value };
}

function fieldNode(field: FieldName, token: TermToken): QueryNode {
  const def = FIELDS[field];
  if (def.kind !== 'enum' || !def.values) {
    return { kind: 'field', field, match: token.prefix ? 'prefix' : 'exact', value: token.value };
  }
  // Enum values are stored lowercase; reject unknown ones so a typo is not mistaken for "no such events".
  const value = token.value.toLowerCase();
  const known = token.prefix ? def.values.some((v) => v.startsWith(value)) : def.values.includes(value);
  if (!known) {
    throw new QuerySyntaxError(
      `unknown ${field} '${token.value}${token.prefix ? '*' : ''}'`,
      token.valueColumn,
      token.value.length,
      `values: ${def.values.join(', ')}`,
    );
  }
  return { kind: 'field', field, match: token.prefix ? 'prefix' : 'exact', value };
}

function flatten(kind: 'and' | 'or', children: QueryNode[]): QueryNode[] {
  return children.flatMap((c) => (c.kind === kind ? c.children : [c]));
}

function describe(token: Token | undefined): string {
  if (!token) return '';
  switch (token.type) {
    case 'and':
      return 'AND';
    case 'or':
      return 'OR';
    case 'not':
      return 'NOT';
    case 'neg':
      return '-';
    case 'lparen':
      return '(';
    case 'rparen':
      return ')';
    case 'term':
      return token.field ? `${token.field}${token.op}${token.value}` : token.value;
  }
}
