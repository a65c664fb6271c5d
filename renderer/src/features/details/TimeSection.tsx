import { formatTime, zoneTitle, type ZoneMode } from '../../lib/time.js';

interface Props {
  time: string;
  receivedTime: string | null;
  zone: ZoneMode;
}

/**
 * When it happened and when the vendor received it, side by side, in UTC and in the chosen display zone: the
 * analyst compares clocks across sources in UTC and talks to the business in their zone.
 */
export function TimeSection({ time, receivedTime, zone }: Props) {
  const zones: ZoneMode[] = zone === 'utc' ? ['utc'] : ['utc', zone];
  const lag = receivedTime ? Date.parse(receivedTime) - Date.parse(time) : null;
  return (
    <section>
      <h3>Time</h3>
      <table className="details-times" data-testid="details-times">
        <thead>
          <tr>
            <th scope="col"><span className="sr-only">Zone</span></th>
            <th scope="col">Event time</th>
            <th scope="col">Received</th>
          </tr>
        </thead>
        <tbody>
          {zones.map((z) => (
            <tr key={z}>
              <th scope="row">{zoneTitle(z)}</th>
              <td className="mono">{formatTime(time, z)}</td>
              <td className="mono">{receivedTime ? formatTime(receivedTime, z) : <span className="muted">not given by the source</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {lag !== null && Number.isFinite(lag) && lag !== 0 && (
        <p className="muted" data-testid="details-time-lag">
          Received {formatLag(Math.abs(lag))} {lag > 0 ? 'after' : 'before'} the event time.
        </p>
      )}
    </section>
  );
}

function formatLag(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 3 : 0)} s`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}
