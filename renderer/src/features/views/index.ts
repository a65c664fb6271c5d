import { useMemo } from 'react';
import { makePivot } from './make-pivot.js';
import type { ViewStack } from './use-view-stack.js';

export { InvestigationsMenu } from '../investigations/InvestigationsMenu.js';
export { PivotContext } from './pivot.js';
export { useViewStack } from './use-view-stack.js';
export { ViewNav } from './ViewNav.js';
export { ViewPanel } from './ViewPanel.js';

/** The pivots every value on screen offers, bound to the view stack. */
export function usePivotFor(views: ViewStack) {
  return useMemo(() => makePivot(views), [views]);
}
