import type { FieldName } from './fields.js';
import type { TimeOp } from './time.js';

/**
 * The parsed query. Plain data (no classes, no Dates) so it can cross IPC, be logged, and be compiled by the
 * backend. Relative times are already resolved against `now`, so compiling the same tree twice gives the same SQL.
 */
export type QueryNode = AndNode | OrNode | NotNode | FieldNode | IpNode | TimeNode | TextNode | HasNode;

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
