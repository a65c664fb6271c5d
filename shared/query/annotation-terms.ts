import type { QueryNode } from './ast.js';
import type { TermToken } from './lexer.js';
import { checkRegex } from './regex.js';
import { QuerySyntaxError } from './syntax-error.js';

/**
 * Terms over the analyst's annotations rather than the event's fields: `tag:name`, `tag:prefix*`, `tag:*`,
 * `is:starred`, `comment:word` (substring of any comment), `comment:/pattern/`, `comment:*`.
 */

const ANNOTATION_FIELDS = new Set(['tag', 'tags', 'comment', 'comments', 'is']);

export function isAnnotationField(name: string): boolean {
  return ANNOTATION_FIELDS.has(name.toLowerCase());
}

export function annotationTerm(token: TermToken): QueryNode {
  const name = (token.field ?? '').toLowerCase();
  if (token.op !== ':') {
    throw new QuerySyntaxError(`use ${token.field}:value`, token.column + name.length, token.op?.length ?? 1);
  }
  if (name === 'is') {
    if (token.value.toLowerCase() === 'starred' && !token.prefix && !token.quoted) return { kind: 'annotation', what: 'starred' };
    throw new QuerySyntaxError(
      `unknown is:${token.value}`, token.valueColumn, Math.max(1, token.value.length), 'use is:starred',
    );
  }
  const any = token.value === '' && token.prefix;
  if (token.value === '' && !token.prefix) {
    throw new QuerySyntaxError(
      `missing value for '${name}'`, token.valueColumn, 1, `use has:${name.replace(/s$/, '')} for any`,
    );
  }
  if (name === 'tag' || name === 'tags') {
    if (token.regex) throw new QuerySyntaxError('tags are matched by name or prefix (tag:name*)', token.valueColumn, token.value.length + 2);
    return { kind: 'annotation', what: 'tag', value: any ? null : token.value, prefix: !any && token.prefix };
  }
  if (token.regex) {
    checkRegex(token.value, token.valueColumn);
    return { kind: 'regex', field: 'comment', pattern: token.value, column: token.valueColumn };
  }
  // A trailing `*` on a comment word adds nothing: comment:word already matches it anywhere in the text.
  return { kind: 'annotation', what: 'comment', value: any ? null : token.value };
}
