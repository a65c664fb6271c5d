import { describe, expect, it } from 'vitest';
import type { QueryNode } from '../../shared/query/ast.js';
import { tokenize } from '../../shared/query/lexer.js';
import { parseQuery } from '../../shared/query/parse.js';
import { foldRegexCase, MAX_REGEX_LENGTH } from '../../shared/query/regex.js';
import { QuerySyntaxError } from '../../shared/query/syntax-error.js';

const parse = (text: string) => parseQuery(text, { now: new Date('2026-02-01T12:00:00Z') });
const eq = (field: string, value: string): QueryNode => ({ kind: 'field', field, match: 'exact', value }) as QueryNode;

function errorOf(text: string): QuerySyntaxError {
  try {
    parse(text);
  } catch (err) {
    expect(err).toBeInstanceOf(QuerySyntaxError);
    return err as QuerySyntaxError;
  }
  throw new Error(`expected a syntax error for ${text}`);
}

describe('boolean structure: OR, AND, NOT, parentheses', () => {
  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    expect(parse('actor:a action:b OR NOT actor:c')).toEqual({
      kind: 'or',
      children: [
        { kind: 'and', children: [eq('actor', 'a'), eq('action', 'b')] },
        { kind: 'not', child: eq('actor', 'c') },
      ],
    });
  });

  it('lets parentheses override precedence, and negates a whole group with - or NOT', () => {
    expect(parse('actor:a (action:b OR action:c)')).toEqual({
      kind: 'and',
      children: [eq('actor', 'a'), { kind: 'or', children: [eq('action', 'b'), eq('action', 'c')] }],
    });
    const group = { kind: 'or', children: [eq('action', 'b'), eq('action', 'c')] };
    expect(parse('-(action:b OR action:c)')).toEqual({ kind: 'not', child: group });
    expect(parse('NOT (action:b OR action:c)')).toEqual({ kind: 'not', child: group });
    expect(parse('NOT NOT actor:a')).toEqual({ kind: 'not', child: { kind: 'not', child: eq('actor', 'a') } });
  });

  it('flattens chains and nested groups of the same operator', () => {
    expect(parse('actor:a OR (actor:b OR actor:c)')).toEqual({
      kind: 'or', children: [eq('actor', 'a'), eq('actor', 'b'), eq('actor', 'c')],
    });
  });
});

describe('annotation terms', () => {
  it('reads tag:, is:starred, has:tag, has:comment and comment:', () => {
    expect(parse('tag:phishing')).toEqual({ kind: 'annotation', what: 'tag', value: 'phishing', prefix: false });
    expect(parse('tag:phish*')).toEqual({ kind: 'annotation', what: 'tag', value: 'phish', prefix: true });
    expect(parse('tag:*')).toEqual({ kind: 'annotation', what: 'tag', value: null, prefix: false });
    expect(parse('has:tag')).toEqual({ kind: 'annotation', what: 'tag', value: null, prefix: false });
    expect(parse('is:starred')).toEqual({ kind: 'annotation', what: 'starred' });
    expect(parse('-is:starred')).toEqual({ kind: 'not', child: { kind: 'annotation', what: 'starred' } });
    expect(parse('has:comment')).toEqual({ kind: 'annotation', what: 'comment', value: null });
    expect(parse('comment:"lateral movement"')).toEqual({ kind: 'annotation', what: 'comment', value: 'lateral movement' });
  });

  it('rejects unknown is: values and empty annotation values at their column', () => {
    const err = errorOf('actor:a is:flagged');
    expect(err.message).toBe("unknown is:flagged at column 12; use is:starred");
    expect(err.details).toEqual({ column: 12, length: 7 });
    expect(errorOf('tag:""').message).toMatch(/^missing value for 'tag' at column 5/);
  });
});

describe('bounded regular expressions', () => {
  it('reads field:/pattern/ with spaces, parentheses and escaped slashes inside', () => {
    expect(parse('action:/^(Get|Put)Object$/')).toEqual({ kind: 'regex', field: 'action', pattern: '^(Get|Put)Object$', column: 8 });
    expect(parse('summary:/a b\\/c/ actor:x')).toEqual({
      kind: 'and',
      children: [{ kind: 'regex', field: 'summary', pattern: 'a b\\/c', column: 9 }, eq('actor', 'x')],
    });
    expect(parse('(user:/^adm[/]in/)')).toEqual({ kind: 'regex', field: 'actor', pattern: '^adm[/]in', column: 7 });
    expect(parse('comment:/exfil.*s3/')).toEqual({ kind: 'regex', field: 'comment', pattern: 'exfil.*s3', column: 9 });
  });

  it('keeps a path that merely starts with a slash a plain value', () => {
    expect(parse('target:/var/log')).toEqual(eq('target', '/var/log'));
    expect(tokenize('target:/var/log').map((t) => t.type)).toEqual(['term']);
  });

  it('rejects backreferences, lookarounds, invalid and over-long patterns, pointing into the query', () => {
    const back = errorOf('actor:x action:/(a)\\1/');
    expect(back.message).toMatch(/^backreferences are not supported .* at column 20/);
    expect(back.details.column).toBe(20);
    expect(errorOf('action:/foo(?=bar)/').details.column).toBe(12);
    expect(errorOf('action:/(?<!x)y/').message).toMatch(/^lookahead and lookbehind are not supported/);
    const bad = errorOf('action:/a(b/');
    expect(bad.message).toMatch(/^invalid regular expression: .* at column 8/);
    const long = errorOf(`action:/${'a'.repeat(MAX_REGEX_LENGTH + 1)}/`);
    expect(long.message).toMatch(new RegExp(`^regular expression is ${MAX_REGEX_LENGTH + 1} characters long \\(at most ${MAX_REGEX_LENGTH}\\)`));
    expect(errorOf('time:/2026/').message).toMatch(/^time cannot be matched with a regular expression/);
    expect(errorOf('tag:/x/').message).toMatch(/^tags are matched by name or prefix/);
  });

  it('does not mistake an escaped backslash followed by a digit for a backreference', () => {
    expect(parse('summary:/C:\\\\1/')).toMatchObject({ kind: 'regex', pattern: 'C:\\\\1' });
  });

  it('folds literal characters to lower case but keeps escapes as written', () => {
    expect(foldRegexCase('^Get[A-Z]\\D\\p{Lu}\\u00C9x\\x4A$')).toBe('^get[a-z]\\D\\p{Lu}\\u00C9x\\x4A$');
  });
});
