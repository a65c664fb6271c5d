import { swimlanes } from '../store/queries/swimlanes.js';
import { whereClause } from '../store/query-sql.js';
import type { HandlerMap } from './types.js';

/** Timeline channels beyond the histogram (which lives with the other events:* handlers). */
export const timelineHandlers: HandlerMap<'events:swimlanes'> = {
  'events:swimlanes': ({ query, buckets, actors }, ctx) => swimlanes(ctx.db, whereClause(query, ctx.now()), buckets, actors),
};
