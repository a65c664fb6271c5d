import { AppError } from '../../../shared/errors.js';
import { whereClause } from '../store/query-sql.js';
import { contextWindow } from '../store/queries/context.js';
import { failedThenSuccess } from '../store/queries/failed-then-success.js';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../store/queries/saved-searches.js';
import { cachedActorSessions } from '../store/queries/sessions.js';
import type { HandlerMap } from './types.js';

type WorkbenchChannel = 'events:context' | 'actor:sessions' | 'searches:list' | 'searches:save' | 'searches:delete'
  | 'investigations:failedlogins';

const ms = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));

export const workbenchHandlers: HandlerMap<WorkbenchChannel> = {
  'events:context': ({ id, minutes, limitPerSide }, ctx) => {
    const result = contextWindow(ctx.db, id, minutes, limitPerSide);
    if (!result) throw new AppError('NOT_FOUND', `no event with id ${id} in this case`);
    return result;
  },
  'actor:sessions': ({ actor, gapMinutes, from, to }, ctx) =>
    cachedActorSessions(ctx.db, { actor, gapMinutes, from: ms(from), to: ms(to) }),
  'searches:list': (_input, ctx) => listSavedSearches(ctx.db),
  'searches:save': (input, ctx) => {
    whereClause(input.query, ctx.now()); // a query that cannot run is not saved: the syntax error names the column
    return saveSearch(ctx.db, input, ctx.now());
  },
  'searches:delete': ({ id }, ctx) => ({ deleted: deleteSavedSearch(ctx.db, id) }),
  'investigations:failedlogins': ({ query, withinMinutes, minFailures, limit }, ctx) =>
    failedThenSuccess(ctx.db, whereClause(query, ctx.now()), { withinMinutes, minFailures, limit }),
};
