import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import type { QueryNode } from '../../shared/query/ast.js';
import { FIELD_NAMES, FIELDS } from '../../shared/query/fields.js';
import { cidrRange, ipToKey } from '../../shared/query/ip.js';
import { tokenize } from '../../shared/query/lexer.js';
import { parseQuery } from '../../shared/query/parse.js';
import { QuerySyntaxError } from '../../shared/query/syntax-error.js';

const NOW = new Date('2026-02-01T12:00:00.000Z');
const parse = (text: string) => parseQuery(text, { now: NOW });

const word = (value: string, prefix = false): QueryNode => ({ kind: 'text', value, quoted: false, prefix });
const phrase = (value: string, prefix = false): QueryNode => ({ kind: 'text', value, quoted: true, prefix });
const eq = (field: string, value: string): QueryNode => ({ kind: 'field', field, match: 'exact', value }) as QueryNode;

/** The error a query raises; fails the test when it parses. */
function syntaxError(text: string): QuerySyntaxError {
  try {
    parse(text);
  } catch (err) {
    expect(err).toBeInstanceOf(QuerySyntaxError);
    return err as QuerySyntaxError;
  }
  throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
}

describe('parseQuery: empty input', () => {
  it('returns null (everything) for empty or blank queries', () => {
    expect(parse('')).toBeNull();
    expect(parse('  \t\n ')).toBeNull();
  });
});

describe('parseQuery: fields', () => {
  it('reads field:value, quoted values with escapes, and prefixes', () => {
    expect(parse('actor:alice@example.com')).toEqual(eq('actor', 'alice@example.com'));
    expect(parse('target:"prod bucket (eu)"')).toEqual(eq('target', 'prod bucket (eu)'));
    expect(parse('summary:"said \\"hi\\" C:\\\\x"')).toEqual(eq('summary', 'said "hi" C:\\x'));
    expect(parse('target:prod-*')).toEqual({ kind: 'field', field: 'target', match: 'prefix', value: 'prod-' });
    expect(parse('userAgent:"aws-cli/2 "*')).toEqual({
      kind: 'field', field: 'userAgent', match: 'prefix', value: 'aws-cli/2 ',
    });
    expect(parse('target:"a*"')).toEqual(eq('target', 'a*'));
    expect(parse('actor=bob')).toEqual(eq('actor', 'bob'));
  });

  it('accepts aliases, snake_case and any capitalisation of field names', () => {
    expect(parse('user:bob')).toEqual(eq('actor', 'bob'));
    expect(parse('Actor:bob')).toEqual(eq('actor', 'bob'));
    expect(parse('actor_type:user')).toEqual(eq('actorType', 'user'));
    expect(parse('target_type:bucket')).toEqual(eq('targetType', 'bucket'));
    expect(parse('session_id:s1')).toEqual(eq('session', 's1'));
    expect(parse('sessionId:s1')).toEqual(eq('session', 's1'));
    expect(parse('vendor_id:X1')).toEqual(eq('vendorId', 'X1'));
    expect(parse('USER_AGENT:curl')).toEqual(eq('userAgent', 'curl'));
    expect(parse('source_ip:host.example')).toEqual(eq('ip', 'host.example'));
  });

  it('lowercases enum values and rejects unknown ones with the list of values', () => {
    expect(parse('outcome:FAILURE')).toEqual(eq('outcome', 'failure'));
    expect(parse('severity:crit*')).toEqual({ kind: 'field', field: 'severity', match: 'prefix', value: 'crit' });
    const err = syntaxError('actor:x outcome:failed');
    expect(err.message).toBe("unknown outcome 'failed' at column 17; values: success, failure, unknown");
    expect(syntaxError('category:zzz*').message).toMatch(
      /^unknown category 'zzz\*' at column 10; values: authentication,/,
    );
  });

  it('reads has: and field:* as "present and not empty"', () => {
    expect(parse('has:actor')).toEqual({ kind: 'has', field: 'actor' });
    expect(parse('-has:user_agent')).toEqual({ kind: 'not', child: { kind: 'has', field: 'userAgent' } });
    expect(parse('target:*')).toEqual({ kind: 'has', field: 'target' });
  });

  it('has a description and example for every field the help view lists', () => {
    for (const name of FIELD_NAMES) {
      expect(FIELDS[name].description.length, name).toBeGreaterThan(5);
      expect(() => parse(FIELDS[name].example), name).not.toThrow();
    }
  });
});

describe('parseQuery: ip', () => {
  it('turns addresses and CIDR blocks into key ranges', () => {
    expect(parse('ip:10.0.0.0/8')).toEqual({ kind: 'ip', text: '10.0.0.0/8', ...cidrRange('10.0.0.0/8') });
    const key = ipToKey('::ffff:1.2.3.4');
    expect(parse('ip:1.2.3.4')).toEqual({ kind: 'ip', text: '1.2.3.4', lo: key, hi: key });
    expect(parse('ip:::1')).toMatchObject({ kind: 'ip', lo: ipToKey('::1') });
    expect(parse('ip:2001:db8::/32')).toMatchObject({ kind: 'ip', ...cidrRange('2001:db8::/32') });
  });

  it('keeps host names as text and rejects mistyped addresses', () => {
    expect(parse('ip:cloudtrail.amazonaws.com')).toEqual(eq('ip', 'cloudtrail.amazonaws.com'));
    expect(syntaxError('ip:10.0.0.256').message).toBe("invalid IP address or CIDR block '10.0.0.256' at column 4");
    expect(syntaxError('ip:10.0.0.0/33').details.column).toBe(4);
  });
});

describe('parseQuery: time', () => {
  it('resolves comparisons to millisecond ranges', () => {
    const jan1 = Date.parse('2026-01-01T00:00:00Z');
    expect(parse('time>=2026-01-01')).toEqual({ kind: 'time', op: '>=', text: '2026-01-01', from: jan1, to: null });
    expect(parse('time:2026-01-01')).toMatchObject({ op: '=', from: jan1, to: jan1 + 86_400_000 });
    expect(parse('time>-24h')).toMatchObject({ op: '>', from: Date.parse('2026-01-31T12:00:00Z') + 1, to: null });
    expect(parse('time<"2026-01-01 10:00"')).toMatchObject({ to: Date.parse('2026-01-01T10:00:00Z') });
  });

  it('counts relative times from the injected now', () => {
    const other = parseQuery('time>=-1d', { now: new Date('2020-06-01T00:00:00Z') });
    expect(other).toMatchObject({ from: Date.parse('2020-05-31T00:00:00Z') });
  });

  it('reports invalid times with their column', () => {
    const err = syntaxError('time>2026-13-01');
    expect(err.message).toMatch(/^invalid time '2026-13-01' at column 6; use e\.g\./);
    expect(err.details).toEqual({ column: 6, length: 10 });
    expect(syntaxError('actor:a time<=yesterday').message).toMatch(/^invalid time 'yesterday' at column 15/);
  });

  it('allows comparison operators on time only', () => {
    expect(syntaxError('actor>bob').message).toBe("operator '>' only applies to time at column 6; use actor:value");
  });
});

describe('parseQuery: full text', () => {
  it('reads bare words, prefixes and quoted phrases', () => {
    expect(parse('login')).toEqual(word('login'));
    expect(parse('log* "access denied"')).toEqual({
      kind: 'and', children: [word('log', true), phrase('access denied')],
    });
    expect(parse('"access den"*')).toEqual(phrase('access den', true));
    expect(parse('-denied')).toEqual({ kind: 'not', child: word('denied') });
  });

  it('keeps words that look like syntax elsewhere as text', () => {
    expect(parse('fe80::1')).toEqual(word('fe80::1'));
    expect(parse('or')).toEqual(word('or'));
    expect(parse('"arn:aws:iam::1:user/x"')).toEqual(phrase('arn:aws:iam::1:user/x'));
    expect(parse('o"brien')).toEqual(word('o"brien'));
    expect(parse('2026-01-01T10:00')).toEqual(word('2026-01-01T10:00'));
  });
});

describe('parseQuery: boolean structure', () => {
  const a = eq('actor', 'a');
  const b = eq('actor', 'b');
  const c = eq('actor', 'c');

  it('binds implicit AND tighter than OR', () => {
    const and = (...children: QueryNode[]): QueryNode => ({ kind: 'and', children });
    expect(parse('actor:a actor:b OR actor:c')).toEqual({ kind: 'or', children: [and(a, b), c] });
    expect(parse('actor:a OR actor:b actor:c')).toEqual({ kind: 'or', children: [a, and(b, c)] });
    expect(parse('actor:a AND actor:b')).toEqual(parse('actor:a actor:b'));
  });

  it('binds NOT and - to the next term or group only', () => {
    expect(parse('NOT actor:a actor:b')).toEqual({ kind: 'and', children: [{ kind: 'not', child: a }, b] });
    expect(parse('-(actor:a OR actor:b)')).toEqual({ kind: 'not', child: { kind: 'or', children: [a, b] } });
    expect(parse('NOT(actor:a)')).toEqual({ kind: 'not', child: a });
    expect(parse('--actor:a')).toEqual({ kind: 'not', child: { kind: 'not', child: a } });
  });

  it('groups with parentheses and flattens same-kind nesting', () => {
    const or: QueryNode = { kind: 'or', children: [a, b] };
    expect(parse('(actor:a OR actor:b) actor:c')).toEqual({ kind: 'and', children: [or, c] });
    expect(parse('(actor:a actor:b) actor:c')).toEqual({ kind: 'and', children: [a, b, c] });
    expect(parse('((actor:a))')).toEqual(a);
    expect(parse('actor:a OR (actor:b OR actor:c)')).toEqual({ kind: 'or', children: [a, b, c] });
  });
});

describe('parseQuery: errors name the problem and the 1-based column', () => {
  it('is a QUERY_SYNTAX AppError with the column in details', () => {
    const err = syntaxError('acter:bob');
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('QUERY_SYNTAX');
    expect(err.details).toEqual({ column: 1, length: 5 });
    expect(err.toInfo()).toMatchObject({ code: 'QUERY_SYNTAX', details: { column: 1 } });
    expect(err.message).toMatch(/^unknown field 'acter' at column 1; fields: actor, actorType, action, .*time, has;/);
  });

  it.each([
    ['action:login "foo', 'unclosed quote at column 14'],
    ['actor:"bob', 'unclosed quote at column 7'],
    ['actor:bob OR', "expected a term after 'OR' at column 13"],
    ['NOT', "expected a term after 'NOT' at column 4"],
    ['OR actor:bob', "expected a term, found 'OR' at column 1"],
    ['actor:a AND OR actor:b', "expected a term, found 'OR' at column 13"],
    ['(actor:bob', "unclosed '(' at column 1"],
    ['actor:a (actor:b OR (actor:c)', "unclosed '(' at column 9"],
    ['actor:bob)', "unmatched ')' at column 10"],
    [') actor:bob', "unmatched ')' at column 1"],
    ['(actor:a OR )', "expected a term before ')' at column 13"],
    ['actor:a ()', 'empty parentheses at column 9'],
    ['actor: bob', "missing value for 'actor' at column 7; use -has:actor for events without one"],
    ['actor:""', "empty value for 'actor' at column 7; use -has:actor for events without one"],
    ['time>', "missing value for 'time' at column 6"],
    ['has:nope', "unknown field 'nope' in has: at column 5"],
    ['has:', 'missing field name after has: at column 5'],
    ['foo - bar', "'-' must be directly followed by a term to exclude at column 5"],
    ['*', "'*' needs text before it at column 1"],
    ['actor:a @@', "'@@' has no letters or digits to search for at column 9"],
  ])('%s', (query, message) => {
    expect(syntaxError(query).message.startsWith(message), syntaxError(query).message).toBe(true);
  });

  it('suggests quotes when text with a colon reads as an unknown field', () => {
    expect(syntaxError('https://example.com').message).toMatch(
      /^unknown field 'https' at column 1; .*to search for text containing ':', put it in quotes$/,
    );
  });
});

describe('tokenize', () => {
  it('gives the columns the query bar colours', () => {
    expect(tokenize('-actor:"a b" OR (x*)').map((t) => [t.type, t.column, t.length])).toEqual([
      ['neg', 1, 1],
      ['term', 2, 11],
      ['or', 14, 2],
      ['lparen', 17, 1],
      ['term', 18, 2],
      ['rparen', 20, 1],
    ]);
  });
});
