import { useId } from 'react';
import { formatTime } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import type { QueryRange } from './time-range.js';

interface Props {
  /** The view's current time range (its query's time terms: a preset, a timeline zoom, typed bounds), if any. */
  range: QueryRange | null;
  on: boolean;
  onChange: (on: boolean) => void;
}

/**
 * "Only the current time range": limits the sessions to the range the analyst is looking at, and always says which
 * range that is and whether it is applied. Without a range in the query the toggle is off and says how to get one.
 */
export function SessionsRangeToggle({ range, on, onChange }: Props) {
  const zone = useZone();
  const describedBy = useId();
  const applied = on && range !== null;
  let text: string;
  if (!range) text = 'The current query has no time range: zoom the timeline or pick a time preset to set one.';
  else {
    const span = `${range.from !== null ? formatTime(range.from, zone) : 'the first event'} – ${range.to !== null ? formatTime(range.to, zone) : 'now'}`;
    text = applied ? `Range applied: ${span}` : `Current range ${span} (not applied: the actor's whole history is listed)`;
  }
  return (
    <>
      <label title="New IP and user agent badges still compare with the actor's history before the range">
        <input type="checkbox" checked={applied} disabled={!range} aria-describedby={describedBy} onChange={(e) => onChange(e.target.checked)} />
        Only the current time range
      </label>
      <span id={describedBy} className={applied ? 'range-note is-applied' : 'range-note muted'} data-testid="sessions-range">
        {text}
      </span>
    </>
  );
}
