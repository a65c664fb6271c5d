import { useEffect, useState } from 'react';
import { countOf } from '../../lib/format.js';
import { formatDuration, formatTime, zoneTitle } from '../../lib/time.js';
import { quoteValue } from '../query/query-text.js';
import { usePivot } from '../views/pivot.js';
import { onRowKey } from '../views/row-keys.js';
import { useInvoke } from '../views/use-invoke.js';
import type { Panel } from '../views/view-stack.js';
import { useZone } from '../zone/zone-context.js';

interface Props {
  panel: Extract<Panel, { kind: 'failed-then-success' }>;
  version: number;
  onWithin: (minutes: number) => void;
  onOpen: (query: string, title: string) => void;
}

/** The sequence investigation: failed logins, then a successful one. A row opens the attempt's events. */
export function FailedThenSuccessPanel({ panel, version, onWithin, onOpen }: Props) {
  const zone = useZone();
  const pivot = usePivot();
  const { data, loading, error } = useInvoke('investigations:failedlogins', { withinMinutes: panel.withinMinutes }, version);
  const [draft, setDraft] = useState(String(panel.withinMinutes));
  useEffect(() => setDraft(String(panel.withinMinutes)), [panel.withinMinutes]);
  const apply = () => {
    const n = Number(draft);
    if (Number.isFinite(n) && n >= 1 && n <= 10_080) onWithin(n);
    else setDraft(String(panel.withinMinutes));
  };
  return (
    <section className="view-panel" aria-label="Failed logins then success" data-testid="failed-then-success-panel" aria-busy={loading}>
      <div className="view-panel-head">
        <h2>Failed logins, then success</h2>
        <label>
          Success within (minutes)
          <input type="number" min={1} max={10080} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={apply} onKeyDown={(e) => e.key === 'Enter' && apply()} />
        </label>
        {data && <span className="muted" data-testid="fts-summary">{countOf(data.length, 'login')} after failures</span>}
      </div>
      {error && <p className="error pad" role="alert">{error}</p>}
      <div className="view-panel-body">
        <table aria-label="Successful logins after failures">
          <thead>
            <tr>
              <th scope="col">Success ({zoneTitle(zone)})</th>
              <th scope="col">Actor</th>
              <th scope="col">Failures</th>
              <th scope="col">Over</th>
              <th scope="col">Failure IPs</th>
              <th scope="col">Success IP</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {data?.map((f, i) => {
              const open = () =>
                onOpen(`actor:${quoteValue(f.actor)} time>=${f.firstFailure} time<=${f.success}`, `${f.actor}: failures then success`);
              return (
                <tr key={f.successId} tabIndex={i === 0 ? 0 : -1} data-testid="fts-row" onClick={open} onKeyDown={(e) => onRowKey(e, open)}>
                  <td className="nowrap mono">{formatTime(f.success, zone)}</td>
                  <td>{f.actor}</td>
                  <td className="failure">{f.failures}</td>
                  <td className="nowrap">{formatDuration(Math.max(1, Date.parse(f.success) - Date.parse(f.firstFailure)))}</td>
                  <td className="mono">{f.failureIps.join(', ')}</td>
                  <td className="mono">{f.successIp}</td>
                  <td>
                    <span className="row-actions">
                      <button type="button" aria-label={`Sessions of ${f.actor}`} onClick={(e) => (e.stopPropagation(), pivot?.sessions(f.actor))}>
                        Sessions
                      </button>
                      <button type="button" aria-label={`Events around the login of ${f.actor}`} onClick={(e) => (e.stopPropagation(), pivot?.surrounding({ id: f.successId, time: f.success }))}>
                        Surrounding
                      </button>
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {data && data.length === 0 && <p className="muted pad">No successful login followed failed ones within {panel.withinMinutes} minutes.</p>}
      </div>
    </section>
  );
}
