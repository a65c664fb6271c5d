import type { Session } from '../../../../shared/contract/workbench.js';
import { describeUserAgent } from '../../../../shared/format/user-agent.js';
import { formatDuration } from '../../lib/time.js';

/** What is unusual about a session, each badge with a title that says exactly why. */
export function SessionBadges({ session }: { session: Session }) {
  const b = session.badges;
  return (
    <span className="badges">
      {b.failuresThenSuccess && (
        <span className="badge bad" title={`${b.failuresThenSuccess.failures} failed login(s) from ${b.failuresThenSuccess.firstFailure}, then a successful login at ${b.failuresThenSuccess.success}`}>
          {b.failuresThenSuccess.failures} failed, then success
        </span>
      )}
      {b.newIps.length > 0 && (
        <span className="badge warn" title={`Not used by this actor in any earlier session: ${b.newIps.join(', ')}`}>
          new IP{b.newIps.length > 1 ? `s (${b.newIps.length})` : ''}
        </span>
      )}
      {b.newUserAgents.length > 0 && (
        <span className="badge warn" title={`Not used by this actor in any earlier session: ${b.newUserAgents.map((u) => describeUserAgent(u) ?? u).join('; ')}`}>
          new user agent
        </span>
      )}
      {b.travel.map((t) =>
        t.kind === 'impossible' ? (
          <span key={t.toEventId} className="badge bad" title={`${t.fromLocation} → ${t.toLocation}: ${t.km} km in ${formatDuration(t.minutes * 60_000)} (${t.kmPerHour} km/h)`}>
            impossible travel
          </span>
        ) : (
          <span key={t.toEventId} className="badge warn" title={`${t.fromLocation} → ${t.toLocation} in ${formatDuration(t.minutes * 60_000)}; no coordinates, so the distance is unknown`}>
            location changed in {formatDuration(t.minutes * 60_000)}
          </span>
        ),
      )}
    </span>
  );
}
