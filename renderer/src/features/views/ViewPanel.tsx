import { ContextPanel } from '../context/ContextPanel.js';
import { FailedThenSuccessPanel } from '../investigations/FailedThenSuccessPanel.js';
import { SessionsPanel } from '../sessions/SessionsPanel.js';
import type { ViewStack } from './use-view-stack.js';
import { contextQuery, type Panel } from './view-stack.js';

/** The panel a view shows in place of the table. */
export function ViewPanel({ panel, views, version }: { panel: Panel; views: ViewStack; version: number }) {
  switch (panel.kind) {
    case 'context':
      return (
        <ContextPanel
          panel={panel}
          version={version}
          onMinutes={(minutes) => views.setPanel({ ...panel, minutes }, contextQuery(panel.time, minutes))}
          onShowTable={() => views.push({ query: contextQuery(panel.time, panel.minutes), order: 'asc', title: 'surrounding events as a table' })}
        />
      );
    case 'sessions':
      return (
        <SessionsPanel
          panel={panel}
          version={version}
          onGap={(gapMinutes) => views.setPanel({ ...panel, gapMinutes })}
          onOpen={(query, title) => views.push({ query, order: 'asc', title })}
        />
      );
    case 'failed-then-success':
      return (
        <FailedThenSuccessPanel
          panel={panel}
          version={version}
          onWithin={(withinMinutes) => views.setPanel({ ...panel, withinMinutes })}
          onOpen={(query, title) => views.push({ query, order: 'asc', title })}
        />
      );
  }
}
