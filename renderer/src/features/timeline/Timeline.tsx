import { useEffect, useId, useMemo, useState } from 'react';
import { countOf, formatCompact, formatInt } from '../../lib/format.js';
import { useElementSize } from '../../lib/hooks.js';
import { formatTime, isoUtc, zoneTitle } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { axisTicks, toBins, type Bin, type Bins } from './time-bins.js';
import { useHistogram } from './use-histogram.js';
import './timeline.css';

interface Props {
  query: string;
  version: number;
  enabled: boolean;
  onRange: (fromIso: string, toIso: string) => void;
}

const HEIGHT = 92;
const PAD = { left: 48, right: 12, top: 22, bottom: 20 };
/** Fine buckets asked of the backend (its maximum); they are summed into bars on the display zone's clock. */
const FINE_BUCKETS = 2000;
/** Narrowest bar, in pixels, when choosing the bar width. */
const MIN_BAR_PX = 6;

interface Bar extends Bin {
  x: number;
  w: number;
  h: number;
}

function layout(b: Bins, width: number): Bar[] {
  const plotW = Math.max(10, width - PAD.left - PAD.right);
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const scale = plotW / (b.to - b.from);
  return b.bins.map((bin) => {
    const x = PAD.left + (bin.start - b.from) * scale;
    const full = (bin.end - bin.start) * scale;
    const w = Math.max(1, full - (full > 4 ? 1 : 0));
    const h = b.max ? Math.max(1, (bin.count / b.max) * plotH) : 0;
    return { ...bin, x, w, h };
  });
}

/** Events over time for the current result; hover a bar for its range, click it to narrow the query to it. */
export function Timeline({ query, version, enabled, onRange }: Props) {
  const zone = useZone();
  const descId = useId();
  const [ref, size] = useElementSize<HTMLDivElement>();
  const plotW = size.width - PAD.left - PAD.right;
  const maxBars = Math.max(10, Math.min(240, Math.floor(plotW / MIN_BAR_PX) || 120));
  const { data, loading, error } = useHistogram(query, FINE_BUCKETS, version, enabled && size.width > 0);
  const [hover, setHover] = useState<Bar | null>(null);
  useEffect(() => setHover(null), [data, zone]);
  const bins = useMemo(() => (data ? toBins(data, maxBars, zone) : null), [data, maxBars, zone]);
  const bars = useMemo(() => (bins && size.width > 0 ? layout(bins, size.width) : []), [bins, size.width]);
  const ticks = useMemo(() => {
    if (!bins || plotW <= 0) return [];
    const scale = plotW / (bins.to - bins.from);
    return axisTicks(bins.from, bins.to, zone, Math.max(2, Math.floor(plotW / 80))).map((t) => ({
      ...t,
      x: PAD.left + (t.t - bins.from) * scale,
    }));
  }, [bins, plotW, zone]);

  const baseY = HEIGHT - PAD.bottom;
  const zoneName = zoneTitle(zone);
  const alignedNote = bins && bins.aligned !== zone ? ` (bars on UTC boundaries; times in ${zoneName})` : '';
  const description = bins
    ? `${countOf(bins.total, 'event')} from ${formatTime(bins.from, zone)} to ${formatTime(bins.to, zone)}, ` +
      `${bins.label} per bar${alignedNote}, busiest bar ${formatInt(bins.max)}`
    : 'Timeline';

  return (
    <div className="timeline" ref={ref} data-testid="timeline" aria-busy={loading}>
      {error && <div className="timeline-msg error">{error}</div>}
      {!error && !bins && <div className="timeline-msg muted">{loading ? 'Loading timeline…' : 'No events in this result'}</div>}
      {bins && size.width > 0 && (
        <svg role="img" aria-label="Timeline" aria-describedby={descId} width={size.width} height={HEIGHT} onMouseLeave={() => setHover(null)}>
          <line x1={PAD.left} x2={size.width - PAD.right} y1={PAD.top + 0.5} y2={PAD.top + 0.5} className="grid-line" />
          <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" className="axis">
            {formatCompact(bins.max)}
          </text>
          <text x={PAD.left - 6} y={baseY} textAnchor="end" className="axis">
            0
          </text>
          {bars.map((b) => (
            <g
              key={b.start}
              className={hover?.start === b.start ? 'bucket is-hover' : 'bucket'}
              data-testid="timeline-bar"
              data-count={b.count}
              data-start={isoUtc(b.start)}
              data-end={isoUtc(b.end)}
              onMouseEnter={() => setHover(b)}
              onClick={() => onRange(isoUtc(b.start), isoUtc(b.end))}
            >
              {/* A full-height transparent hit area makes thin bars easy to hover and click. */}
              <rect x={b.x} y={PAD.top} width={Math.max(b.w, 3)} height={baseY - PAD.top} className="bar-hit" />
              <rect x={b.x} y={baseY - b.h} width={b.w} height={b.h} className="bar" />
            </g>
          ))}
          <line x1={PAD.left} x2={size.width - PAD.right} y1={baseY + 0.5} y2={baseY + 0.5} className="axis-line" />
          {ticks.map((tk) => (
            <g key={tk.t} data-testid="timeline-tick" data-t={isoUtc(tk.t)}>
              <line x1={tk.x} x2={tk.x} y1={baseY + 1} y2={baseY + 4} className="axis-line" />
              <text x={tk.x} y={HEIGHT - 5} textAnchor={tickAnchor(tk.x, size.width)} className="axis">
                {tk.label}
              </text>
            </g>
          ))}
        </svg>
      )}
      {bins && (
        <span id={descId} className="sr-only">
          {description}
        </span>
      )}
      {bins && (
        <div className="timeline-legend" data-testid="timeline-legend" style={{ left: PAD.left }}>
          <strong>Events per {bins.label}</strong>
          <span className="muted">
            {' '}
            · {zoneName}
            {alignedNote && <span title="The backend's buckets do not fit this zone's hours exactly at this span"> · bars on UTC boundaries</span>}
          </span>
        </div>
      )}
      {hover && bins && (
        <div
          className="timeline-tip"
          role="status"
          data-testid="timeline-tip"
          style={{ left: Math.min(Math.max(hover.x + hover.w / 2, 130), size.width - 130) }}
        >
          <strong>{countOf(hover.count, 'event')}</strong>
          <span>from {formatTime(hover.start, zone)}</span>
          <span>to {formatTime(hover.end, zone)}</span>
          <span className="muted">click to filter to this range</span>
        </div>
      )}
    </div>
  );
}

/** Labels near the edges grow inwards so they are never cut. */
function tickAnchor(x: number, width: number): 'start' | 'middle' | 'end' {
  if (x < PAD.left + 40) return 'start';
  if (x > width - PAD.right - 40) return 'end';
  return 'middle';
}
