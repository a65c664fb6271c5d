import { whereClause } from '../store/query-sql.js';
import { attributeKeys, fieldValues } from '../store/queries/values.js';
import type { HandlerMap } from './types.js';

export const valueHandlers: HandlerMap<'events:values' | 'events:attribute-keys'> = {
  'events:values': ({ field, query, limit }, ctx) => fieldValues(ctx.db, whereClause(query, ctx.now()), field, limit),
  'events:attribute-keys': (_input, ctx) => attributeKeys(ctx.db),
};
