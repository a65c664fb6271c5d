import { useEffect, useRef } from 'react';
import type { EventRow } from '../../../../shared/model/event.js';
import { countOf, formatInt } from '../../lib/format.js';
import { formatTime, zoneTitle } from '../../lib/time.js';
import { usePivot } from '../views/pivot.js';
import { onRowKey } from '../views/row-keys.js';
import { useInvoke } from '../views/use-invoke.js';
import type { Panel } from '../views/view-stack.js';
import { useZone } from '../zone/zone-context.js';
import { MinutesControl } from './MinutesControl.js';

interface Props {
  panel: Extract<Panel, { kind: 'context' }>;
  version: number;
  onMinutes: (minutes: number) => void;
  onShowTable: () => void;
}

/**
 * Every event within +-N minutes of the chosen one, across all sources, oldest first, the chosen one marked and
 * focused. Enter (or a double click) on another row re-centres on it as a new view; Back returns.
 */
export function ContextPanel({ panel, version, onMinutes, onShowTable }: Props) {
  const zone = useZone();
  const pivot = usePivot();
  const { data, loading, error } = useInvoke('events:context', { id: panel.id, minutes: panel.minutes }, version);
  const chosen = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    chosen.current?.scrollIntoView({ block: 'center' });
    chosen.current?.focus({ preventScroll: true });
  }, [data]);

  const recentre = (row: EventRow) => row.id !== panel.id && pivot?.surrounding(row);
  const capped = data ? data.before + data.after + 1 > data.rows.length : false;
  return (
    <section className="view-panel" aria-label="Surrounding events" data-testid="context-panel" aria-busy={loading}>
      <div className="view-panel-head">
        <h2>Surrounding events</h2>
        <MinutesControl value={panel.minutes} onChange={onMinutes} />
        {data && (
          <span className="muted" data-testid="context-summary">
            {countOf(data.before, 'event')} before, {countOf(data.after, 'event')} after, from{' '}
            {countOf(data.sources.length, 'source')} ({data.sources.join(', ')})
            {capped && ` — showing the nearest ${formatInt(data.rows.length)}`}
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={onShowTable}>Open as table</button>
      </div>
      {error && <p className="error pad" role="alert">{error}</p>}
      <div className="view-panel-body">
        <table aria-label="Events around the chosen event">
          <thead>
            <tr>
              <th scope="col">Time ({zoneTitle(zone)})</th>
              <th scope="col" aria-label="Offset from the chosen event" title="Offset from the chosen event">Δ</th>
              <th scope="col">Source</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Outcome</th>
              <th scope="col">Summary</th>
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((row, i) => {
              const isChosen = i === data.anchorIndex;
              return (
                <tr
                  key={row.id}
                  ref={isChosen ? chosen : undefined}
                  className={isChosen ? 'chosen' : undefined}
                  aria-current={isChosen ? 'true' : undefined}
                  aria-label={isChosen ? `Chosen event: ${row.summary}` : undefined}
                  tabIndex={isChosen ? 0 : -1}
                  data-testid={isChosen ? 'context-chosen' : 'context-row'}
                  onDoubleClick={() => recentre(row)}
                  onKeyDown={(e) => onRowKey(e, () => recentre(row))}
                >
                  <td className="nowrap mono">{formatTime(row.time, zone)}</td>
                  <td className="nowrap mono muted">{delta(row.time, panel.time)}</td>
                  <td>{row.source}</td>
                  <td>{row.actor}</td>
                  <td>{row.action}</td>
                  <td className={row.outcome === 'failure' ? 'failure' : undefined}>{row.outcome}</td>
                  <td>{row.summary}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function delta(time: string, anchor: string): string {
  const ms = Date.parse(time) - Date.parse(anchor);
  if (ms === 0) return '0';
  const sign = ms < 0 ? '−' : '+';
  const s = Math.abs(ms) / 1000;
  return s < 60 ? `${sign}${s.toFixed(s < 10 ? 1 : 0)} s` : `${sign}${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
