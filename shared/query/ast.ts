import type { FieldName } from './fields.js';
import type { TimeOp } from './time.js';

/**
 * The parsed query. Plain data (no classes, no Dates) so it can cross IPC, be logged, and be compiled by the
 * backend. Relative times are already resolved against `now`, so compiling the same tree twice gives the same SQL.
 */
export type QueryNode =
  | AndNode | OrNode | NotNode | FieldNode | IpNode | TimeNode | TextNode | HasNode | RegexNode | AnnotationNode;

export interface AndNode {
  kind: 'and';
  children: QueryNode[];
}

export interface OrNode {
  kind: 'or';
  children: QueryNode[];
}

export interface NotNode {
  kind: 'not';
  child: QueryNode;
}

/** `field:value` (exact, case-insensitive where the column is) or `field:prefix*`. */
export interface FieldNode {
  kind: 'field';
  field: FieldName;
  match: 'exact' | 'prefix';
  value: string;
}

/** `ip:1.2.3.4` or `ip:10.0.0.0/8`: an inclusive range of ip keys (lo = hi for one address). */
export interface IpNode {
  kind: 'ip';
  /** What the user wrote, for display. */
  text: string;
  lo: string;
  hi: string;
}

/** `time<op>value`, resolved to a half-open range of epoch milliseconds (null = unbounded). */
export interface TimeNode {
  kind: 'time';
  op: TimeOp;
  /** What the user wrote after the operator, for display. */
  text: string;
  from: number | null;
  to: number | null;
}

/** Full-text: a bare word or a quoted phrase; `prefix` when written with a trailing `*`. */
export interface TextNode {
  kind: 'text';
  value: string;
  quoted: boolean;
  prefix: boolean;
}

/** `has:field`: the field is present and not empty. */
export interface HasNode {
  kind: 'has';
  field: FieldName;
}

/**
 * `field:/pattern/`: a bounded regular expression over one field (see regex.ts for the bounds). Case-insensitive
 * like other field matches, except on the exact-text identifiers. `column` is where the pattern starts, so the
 * backend can point at it when its linear-time engine rejects the pattern.
 */
export interface RegexNode {
  kind: 'regex';
  field: FieldName | 'comment';
  pattern: string;
  column: number;
}

/**
 * The analyst's own marks (stored in the case, not in the event): `tag:x` / `tag:x*` / `has:tag`, `is:starred`,
 * `comment:word` / `has:comment`. `value` null means "any".
 */
export type AnnotationNode =
  | { kind: 'annotation'; what: 'tag'; value: string | null; prefix: boolean }
  | { kind: 'annotation'; what: 'starred' }
  | { kind: 'annotation'; what: 'comment'; value: string | null };
