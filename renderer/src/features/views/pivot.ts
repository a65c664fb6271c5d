import { createContext, useContext } from 'react';

/**
 * What any value on screen can pivot to. Provided once by the app (from the view stack), read by the table's cell
 * menu, the details pane and the panels, so none of them threads callbacks through the components in between.
 */
export interface Pivot {
  /** Narrows the current view's query (`clause` or `-clause` to exclude). */
  filter: (clause: string) => void;
  /** A new view scoped to this value alone: its timeline and events. */
  timeline: (clause: string) => void;
  /** A new view with the actor's sessions. */
  sessions: (actor: string) => void;
  /** A new view with every event within +-N minutes of this one. */
  surrounding: (event: { id: string; time: string }) => void;
  /**
   * The current view's timeline zoom history (a bar click or brush scopes the view's time, like a pivot). It lives
   * with the view, so Back returns to that view's own zoom steps.
   */
  zoom: { steps: readonly string[]; remember: (before: string) => void; forget: () => void };
}

export const PivotContext = createContext<Pivot | null>(null);

export function usePivot(): Pivot | null {
  return useContext(PivotContext);
}
