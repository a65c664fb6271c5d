import { AppError } from '../../../shared/errors.js';
import { countInMemory } from '../store/memory/timeline-in-memory.js';
import type { Db } from '../store/open.js';
import { whereClause, type CompiledQuery } from '../store/query-sql.js';
import { countEvents, eventWindow, getEvent } from '../store/queries/events.js';
import { histogram } from '../store/queries/histogram.js';
import { withColumnAttributes } from '../store/queries/values.js';
import { withRowAnnotations } from '../store/queries/annotations.js';
import type { HandlerMap } from './types.js';

export const eventHandlers: HandlerMap<'events:window' | 'events:count' | 'events:get' | 'events:histogram' | 'query:check'> = {
  'events:window': ({ query, order, offset, limit }, ctx) => ({
    offset,
    rows: withRowAnnotations(ctx.db, withColumnAttributes(ctx.db, eventWindow(ctx.db, whereClause(query, ctx.now()), order, offset, limit))),
  }),
  'events:count': ({ query, exact }, ctx) => countOf(ctx.db, whereClause(query, ctx.now()), exact),
  'events:get': ({ id }, ctx) => {
    const event = getEvent(ctx.db, id);
    if (!event) throw new AppError('NOT_FOUND', `no event with id ${id} in this case`);
    return event;
  },
  'events:histogram': ({ query, buckets, stackBy }, ctx) => histogram(ctx.db, whereClause(query, ctx.now()), buckets, stackBy),
  'query:check': ({ query }, ctx) => {
    try {
      whereClause(query, ctx.now());
      return { ok: true, message: null, column: null };
    } catch (err) {
      if (err instanceof AppError && err.code === 'QUERY_SYNTAX') {
        const column = (err.details as { column?: number } | undefined)?.column ?? null;
        return { ok: false, message: err.message, column };
      }
      throw err;
    }
  },
};

/**
 * The table's result count. A small result is counted in SQL up to a cap; past the cap, or when asked for an exact
 * count, the column cache counts every row at once when it is current (SQL would scan for it).
 */
function countOf(db: Db, where: CompiledQuery, exact: boolean): { count: number; exact: boolean } {
  const capped = exact ? null : countEvents(db, where, false);
  if (capped?.exact) return capped;
  const inMemory = countInMemory(db, where);
  if (inMemory !== null) return { count: inMemory, exact: true };
  return capped ?? countEvents(db, where, true);
}
