import { countOf, formatInt } from '../../lib/format.js';
import { formatTime } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { useSwimlanes } from './use-swimlanes.js';

interface Props {
  query: string;
  version: number;
  /** Time span of the histogram above, so lanes line up with its bars; the lanes' own span when absent. */
  domain: { from: number; to: number } | null;
  width: number;
  /** Plot margins of the histogram (pixels). */
  left: number;
  right: number;
  buckets: number;
  onActor: (actor: string) => void;
}

const LANES = 8;
const LANE_H = 18;

/**
 * Per-actor activity: one lane per busiest actor of the current result, its events on the histogram's time axis
 * (darker cells are busier; square-root scale so a quiet actor's single event still shows). Click a lane to filter.
 */
export function Swimlanes({ query, version, domain, width, left, right, buckets, onActor }: Props) {
  const zone = useZone();
  const { data, loading, error } = useSwimlanes(query, buckets, LANES, version, width > 0);
  const from = domain?.from ?? data?.from ?? 0;
  const to = domain?.to ?? data?.to ?? 1;
  const plotW = Math.max(10, width - left - right);
  const scale = plotW / Math.max(1, to - from);
  let max = 0;
  for (const lane of data?.lanes ?? []) for (const b of lane.buckets) max = Math.max(max, b.count);

  return (
    <section className="swimlanes" aria-label="Actor activity" aria-busy={loading} data-testid="swimlanes">
      {error && <div className="timeline-msg error">{error}</div>}
      {!error && data && data.lanes.length === 0 && <div className="timeline-msg muted">No actors in this result</div>}
      {data?.lanes.map((lane) => (
        <button
          key={lane.actor}
          type="button"
          className="lane"
          aria-label={`Filter to actor ${lane.actor}`}
          title={`${lane.actor}: ${countOf(lane.total, 'event')} from ${formatTime(from, zone)} to ${formatTime(to, zone)} (click to filter)`}
          data-testid="swimlane"
          data-actor={lane.actor}
          data-total={lane.total}
          onClick={() => onActor(lane.actor)}
        >
          <svg width={width} height={LANE_H} aria-hidden="true">
            <line x1={left} x2={width - right} y1={LANE_H - 0.5} y2={LANE_H - 0.5} className="grid-line" />
            {lane.buckets.map((b) => (
              <rect
                key={b.t}
                x={left + (b.t - from) * scale}
                y={2}
                width={Math.max(1.5, data.bucketMs * scale - (data.bucketMs * scale > 4 ? 1 : 0))}
                height={LANE_H - 4}
                className="lane-cell"
                opacity={0.25 + 0.75 * Math.sqrt(b.count / max)}
              />
            ))}
          </svg>
          <span className="lane-label" style={{ maxWidth: Math.max(80, left + plotW / 3) }}>
            {lane.actor} <span className="muted">{formatInt(lane.total)}</span>
          </span>
        </button>
      ))}
      {data && data.lanes.length > 0 && (
        <div className="lanes-foot muted" data-testid="swimlanes-foot">
          Top {data.lanes.length} actors{data.others > 0 ? ` · ${countOf(data.others, 'other event')} (other actors or none)` : ''} · click a lane to filter
        </div>
      )}
    </section>
  );
}
