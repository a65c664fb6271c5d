import type { AnnotationNode, RegexNode } from '../../../shared/query/ast.js';
import { FIELDS } from '../../../shared/query/fields.js';
import { linearRegExp } from './regexp-function.js';
import { sql, type SqlFragment } from './sql.js';

/**
 * SQL for the query terms that are not plain column comparisons: annotations (tables of migration 0004, joined
 * by event id through the unique `events_by_id` index) and bounded regular expressions.
 */

export function annotationMatch(node: AnnotationNode, prefixUpperBound: (p: string, nocase: boolean) => string | null): SqlFragment {
  switch (node.what) {
    case 'starred':
      return sql`id IN (SELECT event_id FROM stars)`;
    case 'comment':
      if (node.value === null) return sql`id IN (SELECT event_id FROM comments)`;
      return sql`id IN (SELECT event_id FROM comments WHERE text LIKE ${`%${escapeLike(node.value)}%`} ESCAPE '\\')`;
    case 'tag': {
      if (node.value === null) return sql`id IN (SELECT event_id FROM event_tags)`;
      if (!node.prefix) {
        return sql`id IN (SELECT et.event_id FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE t.name = ${node.value})`;
      }
      const lower = node.value.replace(/[A-Z]/g, (c) => c.toLowerCase());
      const upper = prefixUpperBound(lower, true);
      const range = upper === null ? sql`t.name >= ${lower}` : sql`t.name >= ${lower} AND t.name < ${upper}`;
      return sql`id IN (SELECT et.event_id FROM event_tags et JOIN tags t ON t.id = et.tag_id WHERE ${range})`;
    }
  }
}

/**
 * `field:/pattern/`. The pattern is compiled here, once per query, so a pattern the linear-time engine refuses is a
 * syntax error pointing at its column before any row is read; the SQL function then reuses the compiled pattern.
 */
export function regexMatch(node: RegexNode): SqlFragment {
  if (node.field === 'comment') {
    linearRegExp(node.pattern, true, node.column);
    return sql`id IN (SELECT event_id FROM comments WHERE regexp(${node.pattern}, text, 1))`;
  }
  const def = FIELDS[node.field];
  const fold = def.kind !== 'exact-text';
  linearRegExp(node.pattern, fold, node.column);
  return sql`regexp(${node.pattern}, ${{ sql: def.column, params: [] }}, ${fold ? 1 : 0})`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
