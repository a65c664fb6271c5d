import { useEffect, useId, useMemo, useState } from 'react';
import type { Histogram } from '../../../../shared/contract/channels.js';
import { countOf, formatCompact, formatInt } from '../../lib/format.js';
import { useElementSize } from '../../lib/hooks.js';
import { formatAxisTime, formatDuration, formatTime, isoUtc, zoneTitle } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { useHistogram } from './use-histogram.js';
import './timeline.css';

interface Props {
  query: string;
  version: number;
  enabled: boolean;
  onRange: (fromIso: string, toIso: string) => void;
}

const HEIGHT = 86;
const PAD = { left: 44, right: 10, top: 16, bottom: 18 };

interface Bar {
  t: number;
  count: number;
  x: number;
  w: number;
  h: number;
}

function layout(data: Histogram, width: number): { bars: Bar[]; max: number; from: number; to: number } {
  const first = data.buckets[0]?.t ?? 0;
  const last = data.buckets[data.buckets.length - 1]?.t ?? 0;
  const from = data.from ?? first;
  const to = Math.max(data.to ?? last + data.bucketMs, from + data.bucketMs);
  const plotW = Math.max(10, width - PAD.left - PAD.right);
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const max = data.buckets.reduce((m, b) => Math.max(m, b.count), 0);
  const scale = plotW / (to - from);
  const bars = data.buckets.map((b) => {
    const x = PAD.left + (b.t - from) * scale;
    const w = Math.max(1, data.bucketMs * scale - (data.bucketMs * scale > 4 ? 1 : 0));
    const h = max ? Math.max(1, (b.count / max) * plotH) : 0;
    return { t: b.t, count: b.count, x, w, h };
  });
  return { bars, max, from, to };
}

/** Events over time for the current result; hover a bar for its range, click it to narrow the query to it. */
export function Timeline({ query, version, enabled, onRange }: Props) {
  const zone = useZone();
  const descId = useId();
  const [ref, size] = useElementSize<HTMLDivElement>();
  const buckets = Math.max(10, Math.min(240, Math.floor((size.width - PAD.left - PAD.right) / 6) || 120));
  const { data, loading, error } = useHistogram(query, buckets, version, enabled && size.width > 0);
  const [hover, setHover] = useState<Bar | null>(null);
  useEffect(() => setHover(null), [data]);
  const geo = useMemo(() => (data && data.buckets.length ? layout(data, size.width) : null), [data, size.width]);

  const ticks = useMemo(() => {
    if (!geo) return [];
    const n = Math.max(2, Math.min(8, Math.floor(size.width / 130)));
    return Array.from({ length: n }, (_, i) => {
      const t = geo.from + ((geo.to - geo.from) * i) / (n - 1);
      const x = PAD.left + ((size.width - PAD.left - PAD.right) * i) / (n - 1);
      return { t, x, anchor: (i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle') as 'start' | 'end' | 'middle' };
    });
  }, [geo, size.width]);

  const baseY = HEIGHT - PAD.bottom;
  const bucketMs = data?.bucketMs ?? 0;
  const description = geo
    ? `${formatInt(data!.buckets.reduce((n, b) => n + b.count, 0))} events from ${formatTime(geo.from, zone)} to ${formatTime(geo.to, zone)}, ${formatDuration(bucketMs)} per bar, peak ${formatInt(geo.max)}`
    : 'Timeline';

  return (
    <div className="timeline" ref={ref} data-testid="timeline" aria-label="Timeline" aria-busy={loading}>
      {error && <div className="timeline-msg error">{error}</div>}
      {!error && !geo && <div className="timeline-msg muted">{loading ? 'Loading timeline…' : 'No events in this result'}</div>}
      {geo && size.width > 0 && (
        <svg role="img" aria-label="Timeline" aria-describedby={descId} width={size.width} height={HEIGHT} onMouseLeave={() => setHover(null)}>
          <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" className="axis">
            {formatCompact(geo.max)}
          </text>
          <text x={PAD.left - 6} y={baseY} textAnchor="end" className="axis">
            0
          </text>
          <line x1={PAD.left} x2={size.width - PAD.right} y1={baseY + 0.5} y2={baseY + 0.5} className="axis-line" />
          {geo.bars.map((b) => (
            <g
              key={b.t}
              className={hover?.t === b.t ? 'bucket is-hover' : 'bucket'}
              data-testid="timeline-bar"
              data-count={b.count}
              onMouseEnter={() => setHover(b)}
              onClick={() => onRange(isoUtc(b.t), isoUtc(b.t + bucketMs))}
            >
              {/* A full-height transparent hit area makes thin bars easy to hover and click. */}
              <rect x={b.x} y={PAD.top} width={Math.max(b.w, 3)} height={baseY - PAD.top} className="bar-hit" />
              <rect x={b.x} y={baseY - b.h} width={b.w} height={b.h} className="bar" />
            </g>
          ))}
          {ticks.map((tk) => (
            <text key={tk.t} x={tk.x} y={HEIGHT - 4} textAnchor={tk.anchor} className="axis">
              {formatAxisTime(tk.t, zone, geo.to - geo.from)}
            </text>
          ))}
        </svg>
      )}
      {geo && (
        <span id={descId} className="sr-only">
          {description}
        </span>
      )}
      {geo && (
        <div className="timeline-legend muted">
          {zoneTitle(zone)} · {formatDuration(bucketMs)}/bar · max {formatInt(geo.max)}
        </div>
      )}
      {hover && geo && (
        <div
          className="timeline-tip"
          role="status"
          data-testid="timeline-tip"
          style={{ left: Math.min(Math.max(hover.x + hover.w / 2, 120), size.width - 120) }}
        >
          <strong>{countOf(hover.count, 'event')}</strong>
          <span>{formatTime(hover.t, zone)}</span>
          <span>to {formatTime(hover.t + bucketMs, zone)}</span>
          <span className="muted">click to filter to this range</span>
        </div>
      )}
    </div>
  );
}
