import type { Session } from '../../../../shared/contract/workbench.js';
import { quoteValue } from '../query/query-text.js';

/**
 * The query that shows exactly one session's events: the actor, the session's time span, and its vendor session id
 * (or, for a session cut by the inactivity gap, the events without one).
 */
export function sessionQuery(actor: string, s: Session): string {
  const scope = s.sessionId === null ? '-has:session' : `session:${quoteValue(s.sessionId)}`;
  return `actor:${quoteValue(actor)} ${scope} time>=${s.start} time<=${s.end}`;
}
