import { useEffect, useState } from 'react';
import { describeUserAgent } from '../../../../shared/format/user-agent.js';
import { countOf, formatInt } from '../../lib/format.js';
import { formatDuration, formatTime, zoneTitle } from '../../lib/time.js';
import { onRowKey } from '../views/row-keys.js';
import { useInvoke } from '../views/use-invoke.js';
import type { Panel } from '../views/view-stack.js';
import { useZone } from '../zone/zone-context.js';
import { SessionBadges } from './SessionBadges.js';
import { sessionQuery } from './session-query.js';
import { SessionsRangeToggle } from './SessionsRangeToggle.js';
import { sessionsBounds, type QueryRange } from './time-range.js';

interface Props {
  panel: Extract<Panel, { kind: 'sessions' }>;
  version: number;
  /** The view's current time range, applied when the panel's "Only the current time range" is on. */
  range: QueryRange | null;
  onGap: (minutes: number) => void;
  onInRange: (on: boolean) => void;
  onOpen: (query: string, title: string) => void;
}

/** One actor's sessions, newest first. A click (or Enter) scopes the table to the session as a new view. */
export function SessionsPanel({ panel, version, range, onGap, onInRange, onOpen }: Props) {
  const zone = useZone();
  // A new range (a timeline zoom, a preset) changes the input, so the sessions are asked for again.
  const bounds = panel.inRange && range ? sessionsBounds(range) : {};
  const { data, loading, error } = useInvoke('actor:sessions', { actor: panel.actor, gapMinutes: panel.gapMinutes, ...bounds }, version);
  const [gapDraft, setGapDraft] = useState(String(panel.gapMinutes));
  useEffect(() => setGapDraft(String(panel.gapMinutes)), [panel.gapMinutes]);
  const applyGap = () => {
    const n = Number(gapDraft);
    if (Number.isFinite(n) && n >= 1 && n <= 10_080) onGap(n);
    else setGapDraft(String(panel.gapMinutes));
  };
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const all = data ? [...data.sessions].reverse() : [];
  const flagged = all.filter((s) => hasBadge(s.badges)).length;
  const sessions = flaggedOnly ? all.filter((s) => hasBadge(s.badges)) : all;
  return (
    <section className="view-panel" aria-label={`Sessions of ${panel.actor}`} data-testid="sessions-panel" aria-busy={loading}>
      <div className="view-panel-head">
        <h2>Sessions of {panel.actor}</h2>
        <label>
          Inactivity gap (minutes)
          <input
            type="number"
            min={1}
            max={10080}
            value={gapDraft}
            onChange={(e) => setGapDraft(e.target.value)}
            onBlur={applyGap}
            onKeyDown={(e) => e.key === 'Enter' && applyGap()}
          />
        </label>
        <label>
          <input type="checkbox" checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)} />
          Only flagged sessions
        </label>
        <SessionsRangeToggle range={range} on={panel.inRange ?? false} onChange={onInRange} />
        {data && (
          <span className="muted" data-testid="sessions-summary">
            {countOf(data.sessions.length, 'session')} from {countOf(data.events, 'event')}
            {panel.inRange && range ? ' in this range' : ''}; {formatInt(flagged)} flagged
          </span>
        )}
      </div>
      <p className="muted pad small">
        Sessions follow the vendor&apos;s session id where events carry one; other events start a new session after the
        inactivity gap.
      </p>
      {error && <p className="error pad" role="alert">{error}</p>}
      <div className="view-panel-body">
        <table aria-label="Sessions">
          <thead>
            <tr>
              <th scope="col">Start ({zoneTitle(zone)})</th>
              <th scope="col">Duration</th>
              <th scope="col">Events</th>
              <th scope="col">Failures</th>
              <th scope="col">Session</th>
              <th scope="col">IPs</th>
              <th scope="col">Clients</th>
              <th scope="col">Badges</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s, i) => {
              const open = () => onOpen(sessionQuery(panel.actor, s), `session of ${panel.actor} at ${s.start}`);
              return (
                <tr
                  key={`${s.sessionId ?? 'gap'}-${s.start}`}
                  tabIndex={i === 0 ? 0 : -1}
                  data-testid="session-row"
                  aria-label={`Session ${formatTime(s.start, zone)}, ${countOf(s.count, 'event')}`}
                  onClick={open}
                  onKeyDown={(e) => onRowKey(e, open)}
                >
                  <td className="nowrap mono">{formatTime(s.start, zone)}</td>
                  <td className="nowrap">{s.durationMs === 0 ? '—' : formatDuration(s.durationMs)}</td>
                  <td>{formatInt(s.count)}</td>
                  <td className={s.failures > 0 ? 'failure' : undefined}>{formatInt(s.failures)}</td>
                  <td className="mono">{s.sessionId ?? <span className="muted">by gap</span>}</td>
                  <td className="mono ips" title={s.ips.join(', ')}>{s.ips.length > 3 ? `${s.ips.slice(0, 3).join(', ')} +${s.ips.length - 3} more` : s.ips.join(', ')}</td>
                  <td className="nowrap">{s.userAgents.map((u) => describeUserAgent(u) ?? u).join('; ')}</td>
                  <td><SessionBadges session={s} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {data && data.sessions.length === 0 && (
          <p className="muted pad">{panel.inRange && range ? 'No events for this actor in this range.' : 'No events for this actor.'}</p>
        )}
      </div>
    </section>
  );
}

function hasBadge(b: { newIps: string[]; newUserAgents: string[]; travel: unknown[]; failuresThenSuccess: unknown }): boolean {
  return b.newIps.length > 0 || b.newUserAgents.length > 0 || b.travel.length > 0 || b.failuresThenSuccess !== null;
}
