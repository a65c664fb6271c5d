import { countOf, formatCompact, formatInt } from '../../lib/format.js';
import type { ResultCount as Count } from './use-result-count.js';

interface Props {
  count: Count;
  /** Events in the whole case, to put a filtered count in proportion; null when unknown. */
  caseTotal: number | null;
  /** A query is applied. */
  filtered: boolean;
}

/**
 * "50,000 events" for the whole case; "3,165 of 50,000 events" for a filtered result; "≈ 1.2M of 10,000,000
 * events" while the exact count runs.
 */
export function ResultCount({ count, caseTotal, filtered }: Props) {
  let text: string;
  const n = count.count;
  const of = filtered && caseTotal !== null ? ` of ${formatInt(caseTotal)}` : '';
  if (n === null) text = count.error ? 'Count unavailable' : 'Counting…';
  else if (!count.exact) text = `≈ ${formatCompact(n)}${of} events`;
  else if (of) text = `${formatInt(n)}${of} ${caseTotal === 1 ? 'event' : 'events'}`;
  else text = countOf(n, 'event');
  return (
    <span
      className="result-count"
      data-testid="result-count"
      data-exact={count.exact ? 'true' : 'false'}
      aria-live="polite"
      title={count.error ?? (count.exact ? 'Exact count' : 'Estimate; the exact count is being computed')}
    >
      {text}
      {count.refining && n !== null && <span className="spinner" aria-label="refining count" />}
    </span>
  );
}
