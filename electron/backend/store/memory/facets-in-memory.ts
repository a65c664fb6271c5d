import type { FacetField, Facets } from '../../../../shared/contract/annotations.js';
import type { CachedColumn, Dictionary } from './column-cache.js';
import { scratchInt32 } from './scratch.js';
import type { InMemoryRowSet } from './timeline-in-memory.js';

/** Results up to this many events are counted whole; only cases past 2M events have bigger ones. */
export const COUNTED_ROWS = 2_000_000;
/** A bigger result is sampled down to about this many rows (the time of counting 1M rows, 50-150 ms). */
const SAMPLED_ROWS = 1_000_000;

/**
 * Facets of a result from the in-memory columns: its rowids (or a sample of them) straight from its bytes, then one
 * pass per field over them. Every row is counted up to COUNTED_ROWS (every result of a case up to 2M events) or
 * when `exact`; a bigger result counts the rows whose rowid hash facets.ts's SQL sample would pick, scaled and
 * flagged `approximate`, with the exact total. Values are
 * grouped and ordered exactly like facets.ts's row path: null and '' count as none, NOCASE columns fold with
 * toLowerCase (the group is named by its first spelling in code-unit order), most frequent first, ties in locale
 * order.
 */
export function facetsInMemory(
  result: InMemoryRowSet, fields: readonly FacetField[], columns: Record<FacetField, CachedColumn>, nocase: ReadonlySet<FacetField>,
  limit: number, exact: boolean, countedRows = COUNTED_ROWS,
): Facets {
  const { cache, rows } = result;
  let total = 0;
  for (let r = 0; r < rows.length; r++) total += rows[r];
  const stride = exact || total <= countedRows ? 1 : Math.ceil(total / Math.min(SAMPLED_ROWS, countedRows));
  const ids = rowidsOf(rows, stride, scratchInt32(cache, 'facet-rows', total));
  const collator = new Intl.Collator();
  const compare = (a: Slot, b: Slot) => b.n - a.n || collator.compare(String(a.value), String(b.value));
  return {
    fields: fields.map((field) => {
      const d = cache.columns[columns[field]];
      const perCode = new Float64Array(d.values.length);
      const codes = d.codes;
      for (let i = 0; i < ids.length; i++) perCode[codes[ids[i]]]++;
      // Values that compare equal share a slot, named by their first spelling in code-unit order among those present.
      const slotOf = groupsOf(d, nocase.has(field));
      const slots = new Map<number, Slot>();
      perCode.forEach((n, code) => {
        if (n === 0) return;
        const value = d.values[code] === '' ? null : d.values[code];
        const slot = slots.get(slotOf[code]);
        if (!slot) slots.set(slotOf[code], { value, n });
        else {
          slot.n += n;
          if (value !== null && slot.value !== null && value < slot.value) slot.value = value;
        }
      });
      const present = [...slots.values()];
      const top = topK(present, limit, compare).map((s) => ({ value: s.value, count: s.n * stride }));
      return { field, values: top, more: present.length > limit };
    }),
    total,
    approximate: stride > 1,
    sampled: ids.length,
  };
}

/**
 * The result's rowids, or with `stride` > 1 those whose multiplicative hash (facets.ts's `hash`, in 32-bit
 * arithmetic) is a multiple of `stride`: straight from the result's bytes, without listing all its rowids first.
 */
function rowidsOf(rows: Uint8Array, stride: number, out: Int32Array): Int32Array {
  let n = 0;
  if (stride === 1) {
    for (let r = 0; r < rows.length; r++) if (rows[r] !== 0) out[n++] = r;
  } else {
    for (let r = 0; r < rows.length; r++) {
      if (rows[r] !== 0 && ((Math.imul(r, 0x9e3779b1) >>> 0) >>> 8) % stride === 0) out[n++] = r;
    }
  }
  return out.subarray(0, n);
}

const groupCache = new WeakMap<Dictionary, Map<boolean, { slotOf: Int32Array; size: number }>>();

/**
 * Each code's group (values that compare equal share one), kept while the dictionary does not grow: a target
 * column has 100k values.
 */
function groupsOf(d: Dictionary, nocase: boolean): Int32Array {
  let perDictionary = groupCache.get(d);
  if (!perDictionary) groupCache.set(d, (perDictionary = new Map()));
  const known = perDictionary.get(nocase);
  if (known && known.size === d.values.length) return known.slotOf;
  const slotOf = new Int32Array(d.values.length);
  const byKey = new Map<string | null, number>();
  d.values.forEach((value, code) => {
    const v = value === '' ? null : value;
    const key = v !== null && nocase ? v.toLowerCase() : v;
    let s = byKey.get(key);
    if (s === undefined) byKey.set(key, (s = byKey.size));
    slotOf[code] = s;
  });
  perDictionary.set(nocase, { slotOf, size: d.values.length });
  return slotOf;
}

interface Slot {
  value: string | null;
  n: number;
}

/** The first `k` of `items` in `compare` order without sorting them all (a field may hold 100k distinct values). */
function topK(items: Slot[], k: number, compare: (a: Slot, b: Slot) => number): Slot[] {
  const top: Slot[] = [];
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1]) >= 0) continue;
    let at = top.length;
    while (at > 0 && compare(item, top[at - 1]) < 0) at--;
    top.splice(at, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}
