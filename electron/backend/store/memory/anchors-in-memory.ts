import type { Order } from '../../../../shared/contract/channels.js';
import type { QueryNode } from '../../../../shared/query/ast.js';
import type { Db } from '../open.js';
import { readyColumns } from './column-cache.js';
import { resultRows } from './result-rows.js';
import { timeOrder } from './time-order.js';

/**
 * The table's keyset anchors from the column cache: every `stride`-th (ts, rowid) of a result in the table's order,
 * and the result's size. One pass over the cache's time order (time-order.ts) and the result's bytes; null when
 * the cache is not current or the query was not parsed, and the SQL path answers.
 */
export function anchorsInMemory(
  db: Db,
  where: { node?: QueryNode | null },
  order: Order,
  stride: number,
): { anchors: [ts: number, rowid: number][]; total: number } | null {
  if (where.node === undefined) return null;
  const cache = readyColumns(db);
  if (!cache) return null;
  const inResult = where.node === null ? null : resultRows(db, cache, where.node);
  const sorted = timeOrder(cache);
  const ts = cache.ts;
  const anchors: [number, number][] = [];
  let total = 0;
  const last = sorted.length - 1;
  for (let i = 0; i <= last; i++) {
    const rowid = sorted[order === 'desc' ? last - i : i];
    if (inResult !== null && inResult[rowid] === 0) continue;
    if (total % stride === 0) anchors.push([ts[rowid], rowid]);
    total++;
  }
  return { anchors, total };
}
