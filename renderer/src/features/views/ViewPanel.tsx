import { useMemo } from 'react';
import { ContextPanel } from '../context/ContextPanel.js';
import { FailedThenSuccessPanel } from '../investigations/FailedThenSuccessPanel.js';
import { SessionsPanel } from '../sessions/SessionsPanel.js';
import { queryTimeRange } from '../sessions/time-range.js';
import type { Place } from './view-place.js';
import { usePanelPlace } from './use-panel-place.js';
import { viewKey, type ViewStack } from './use-view-stack.js';
import { contextQuery, type Panel } from './view-stack.js';

/** The panel a view shows in place of the table, with focus on one of its rows (the one it had, after Back). */
export function ViewPanel({ panel, views, version }: { panel: Panel; views: ViewStack; version: number }) {
  const box = usePanelPlace(views.placeSource, views.restore, viewKey(views.current.query, views.current.order));
  return (
    <div ref={box} className="view-panel-box">
      <PanelOf panel={panel} views={views} version={version} />
    </div>
  );
}

function PanelOf({ panel, views, version }: { panel: Panel; views: ViewStack; version: number }) {
  // Relative times (`time>-24h`) count from when the query was set, not from every render.
  const query = views.current.query;
  const range = useMemo(() => queryTimeRange(query, new Date()), [query]);
  switch (panel.kind) {
    case 'context':
      return (
        <ContextPanel
          panel={panel}
          version={version}
          onMinutes={(minutes) => views.setPanel({ ...panel, minutes }, contextQuery(panel.time, minutes))}
          onShowTable={() => views.push({ query: contextQuery(panel.time, panel.minutes), order: 'asc', title: 'surrounding events as a table', place: chosenEventPlace(panel.id) })}
        />
      );
    case 'sessions':
      return (
        <SessionsPanel
          panel={panel}
          version={version}
          range={range}
          onGap={(gapMinutes) => views.setPanel({ ...panel, gapMinutes })}
          onInRange={(inRange) => views.setPanel({ ...panel, inRange })}
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

/** The table of surrounding events opens on the chosen event, its details open (ready to star, tag, comment). */
function chosenEventPlace(id: string): Place {
  return { kind: 'table', anchorIndex: 0, anchorId: null, offset: 0, selectedIndex: -1, selectedId: id, detailsOpen: true };
}
