import type { Swimlanes } from '../../../../shared/contract/timeline.js';
import type { Db } from '../open.js';
import type { QueryShape } from '../query-shape.js';
import { asciiLower } from '../query-sql.js';
import type { SqlFragment } from '../sql.js';
import {
  complementWorthReading, complementOf, countPerSlice, indexesReady, rangeHoldsAtLeast, rangeOf, rowsFasterBelow, slicesOf,
} from './index-buckets.js';

type Lanes = Pick<Swimlanes, 'lanes' | 'others'>;

/** Counts of some events per actor (keyed the way NOCASE compares), in total and per bucket start. */
type PerActor = Map<string | null, { total: number; buckets: Map<number, number> }>;

/** Actors as GROUP BY compares them (NOCASE folds ASCII only); events without one count too, under null. */
function keyOf(actor: string | null): string | null {
  return actor === null ? null : asciiLower(actor);
}

/**
 * Swimlanes of a time range (or the whole case) from the (actor, ts) index alone: the count per actor, then each top
 * actor's index range counted per bucket. One value of an enum column (`severity:info`), or all but one
 * (`-severity:critical`), is counted as the range minus the events the term leaves out, which are the ones read as
 * rows, when those are at most a third of the result. Null when the indexes are missing (mid bulk load) or reading
 * the result's own rows is cheaper.
 */
export function indexedLanes(db: Db, shape: QueryShape, span: { lo: number; hi: number }, step: number, maxActors: number): Lanes | null {
  // The per-actor count walks the whole actor index: a small share of the case reads its own rows faster.
  if (!indexesReady(db, ['actor', 'ts']) || !rangeHoldsAtLeast(db, shape, rowsFasterBelow(db))) return null;
  let minus: PerActor = new Map();
  if (shape.equals) {
    if (!indexesReady(db, ['ts', shape.equals.column])) return null;
    if (!complementWorthReading(db, { ...shape, equals: shape.equals })) return null;
    minus = perActorBuckets(db, complementOf(shape.equals, shape), step);
  }
  const range = rangeOf(shape);
  const bounded = shape.from !== null || shape.to !== null;
  // INDEXED BY: with a ts range SQLite would rather read rows through the ts index and sort them by actor. An actor
  // spelled several ways is one NOCASE group, named by its first spelling in binary order, like the row path's lanes.
  const perActor = db
    .prepare(`SELECT min(actor COLLATE BINARY), count(*) FROM events INDEXED BY events_by_actor_ts ${bounded ? `WHERE ${range.sql}` : ''} GROUP BY actor`)
    .raw()
    .all(...(bounded ? range.params : [])) as [string | null, number][];
  let total = 0;
  const counted: [string, number][] = [];
  for (const [actor, all] of perActor) {
    const n = all - (minus.get(keyOf(actor))?.total ?? 0);
    total += n;
    if (actor !== null && actor !== '' && n > 0) counted.push([actor, n]);
  }
  const top = counted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, maxActors);
  const slices = slicesOf(span.lo, span.hi, step, shape);
  const lanes = top.map(([actor, n]) => {
    const less = minus.get(keyOf(actor))?.buckets;
    const counts = countPerSlice(db, { sql: 'actor = ?', params: [actor] }, slices);
    const buckets = slices.starts
      .map((t, i) => ({ t, count: counts[i] - (less?.get(t) ?? 0) }))
      .filter((b) => b.count > 0);
    return { actor, total: n, buckets };
  });
  return { lanes, others: total - lanes.reduce((sum, l) => sum + l.total, 0) };
}

/**
 * Counts per actor and bucket of the events of `where`, folded in JS: SQLite's GROUP BY (bucket, actor) sorts every
 * row under NOCASE and took three times as long as reading them (npm run bench, swimlanes of severity:info).
 */
function perActorBuckets(db: Db, where: SqlFragment, step: number): PerActor {
  const rows = db.prepare(`SELECT actor, ts FROM events WHERE ${where.sql}`).raw().iterate(...where.params) as IterableIterator<[string | null, number]>;
  const out: PerActor = new Map();
  const keys = new Map<string, string>();
  for (const [actor, ts] of rows) {
    let key: string | null = null;
    if (actor !== null) {
      key = keys.get(actor) ?? null;
      if (key === null) keys.set(actor, (key = asciiLower(actor)));
    }
    let slot = out.get(key);
    if (!slot) out.set(key, (slot = { total: 0, buckets: new Map() }));
    const t = Math.floor(ts / step) * step;
    slot.total++;
    slot.buckets.set(t, (slot.buckets.get(t) ?? 0) + 1);
  }
  return out;
}
