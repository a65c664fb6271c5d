import type { Order } from '../../../../shared/contract/channels.js';
import type { Place } from './view-place.js';

/**
 * The analyst's trail of views. A view is a query, an order and optionally a panel that replaces the table (the
 * events around one event, an actor's sessions, a sequence investigation). Pivots push a view; Back pops one, so the
 * query the analyst started from is never lost. Editing the query changes the current view in place.
 */

export type Panel =
  | { kind: 'context'; id: string; time: string; minutes: number }
  /** `inRange`: only the sessions within the view's current time range (its query's time terms). */
  | { kind: 'sessions'; actor: string; gapMinutes: number; inRange?: boolean }
  | { kind: 'failed-then-success'; withinMinutes: number };

export interface View {
  query: string;
  order: Order;
  panel: Panel | null;
  /** What the Back button says it returns to. */
  title: string;
  /** Where the analyst was when they left this view (scroll, cursor row, details): Back puts them there again. */
  place?: Place | null;
  /**
   * The timeline's zoom history in this view: its queries before each zoom, oldest first. Kept with the view, so
   * Back returns to that view's own zoom steps, and a new view starts with none.
   */
  zooms?: readonly string[];
}

export const MAX_VIEWS = 50;
export const MAX_ZOOMS = 100;

export function pushView(stack: readonly View[], leavingOrder: Order, next: View, leavingPlace?: Place | null): View[] {
  const top = stack[stack.length - 1];
  const left = leavingPlace ? { ...top, order: leavingOrder, place: leavingPlace } : { ...top, order: leavingOrder };
  const kept = [...stack.slice(0, -1), left, next];
  return kept.length > MAX_VIEWS ? kept.slice(kept.length - MAX_VIEWS) : kept;
}

export function popView(stack: readonly View[]): View[] {
  return stack.length > 1 ? stack.slice(0, -1) : [...stack];
}

/**
 * The current view with another query: a query typed over a panel's view leaves the panel (it no longer matches),
 * except a new time range over an actor's sessions (a timeline zoom, a preset): the sessions stay, and may follow it.
 */
export function withQuery(stack: readonly View[], query: string): View[] {
  const top = stack[stack.length - 1];
  if (top.query === query) return [...stack];
  const keepPanel = top.panel?.kind === 'sessions' && withoutTimeTerms(top.query) === withoutTimeTerms(query);
  return [...stack.slice(0, -1), { ...top, query, panel: keepPanel ? top.panel : null, title: describeQuery(query) }];
}

const TIME_TERM = /(^|\s)time(>=|>|<=|<|=|:)\S+(?=\s|$)/g;

/** The query without its top-level time terms (as the timeline and the time presets write them). */
export function withoutTimeTerms(query: string): string {
  return query.replace(TIME_TERM, '$1').replace(/\s+/g, ' ').trim();
}

/** The current view after a timeline zoom from `before`: one more step in its own zoom history. */
export function withZoomIn(stack: readonly View[], before: string): View[] {
  const top = stack[stack.length - 1];
  const zooms = [...(top.zooms ?? []), before].slice(-MAX_ZOOMS);
  return [...stack.slice(0, -1), { ...top, zooms }];
}

/** The current view after a zoom out: its last zoom step spent. */
export function withZoomOut(stack: readonly View[]): View[] {
  const top = stack[stack.length - 1];
  return [...stack.slice(0, -1), { ...top, zooms: (top.zooms ?? []).slice(0, -1) }];
}

export function withPanel(stack: readonly View[], panel: Panel, query?: string): View[] {
  const top = stack[stack.length - 1];
  return [...stack.slice(0, -1), { ...top, panel, query: query ?? top.query }];
}

export function describeQuery(query: string): string {
  const q = query.trim();
  if (!q) return 'all events';
  return q.length > 60 ? `${q.slice(0, 57)}…` : q;
}

/** A short name for a view, for the Back button and the trail. */
export function viewTitle(view: View): string {
  switch (view.panel?.kind) {
    case 'context':
      return `events around ${view.panel.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}`;
    case 'sessions':
      return `sessions of ${view.panel.actor}`;
    case 'failed-then-success':
      return 'failed logins then success';
    default:
      return view.title || describeQuery(view.query);
  }
}

/** The query of a context view: the window itself, so the timeline and count show it too. */
export function contextQuery(time: string, minutes: number): string {
  const t = Date.parse(time);
  const half = Math.round(minutes * 60_000);
  return `time>=${new Date(t - half).toISOString()} time<=${new Date(t + half).toISOString()}`;
}
