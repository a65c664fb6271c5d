import { countOf, formatCompact } from '../../lib/format.js';
import type { ResultCount as Count } from './use-result-count.js';

/** "≈ 1.2M events" while the exact count runs, then "1,234,567 events". */
export function ResultCount({ count }: { count: Count }) {
  let text: string;
  if (count.count === null) text = count.error ? 'Count unavailable' : 'Counting…';
  else if (count.exact) text = countOf(count.count, 'event');
  else text = `≈ ${formatCompact(count.count)} events`;
  return (
    <span
      className="result-count"
      data-testid="result-count"
      data-exact={count.exact ? 'true' : 'false'}
      aria-live="polite"
      title={count.error ?? (count.exact ? 'Exact count' : 'Estimate; the exact count is being computed')}
    >
      {text}
      {count.refining && count.count !== null && <span className="spinner" aria-label="refining count" />}
    </span>
  );
}
