import { addClause, quoteValue } from '../query/query-text.js';
import { timeTerms } from '../sessions/time-range.js';
import type { Pivot } from './pivot.js';
import type { ViewStack } from './use-view-stack.js';
import { contextQuery } from './view-stack.js';

export const DEFAULT_CONTEXT_MINUTES = 5;
export const DEFAULT_GAP_MINUTES = 30;

export function makePivot(views: ViewStack): Pivot {
  return {
    filter: (clause) => views.setQuery((q) => addClause(q, clause)),
    timeline: (clause) => views.push({ query: clause, title: `timeline of ${clause}` }),
    // The sessions view keeps the time range the analyst was looking at, for its "only the current time range".
    sessions: (actor) =>
      views.push({
        query: addClause(`actor:${quoteValue(actor)}`, timeTerms(views.query)).trim(),
        panel: { kind: 'sessions', actor, gapMinutes: DEFAULT_GAP_MINUTES },
      }),
    surrounding: ({ id, time }) =>
      views.push({
        query: contextQuery(time, DEFAULT_CONTEXT_MINUTES),
        order: 'asc',
        panel: { kind: 'context', id, time, minutes: DEFAULT_CONTEXT_MINUTES },
      }),
    zoom: { steps: views.zooms, remember: views.pushZoom, forget: views.popZoom },
  };
}
