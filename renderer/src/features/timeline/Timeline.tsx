import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { StackBy } from '../../../../shared/contract/timeline.js';
import { countOf, formatCompact, formatInt } from '../../lib/format.js';
import { useElementSize } from '../../lib/hooks.js';
import { formatTime, isoUtc, zoneTitle } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { axisTicks, toBins, type Bin, type Bins } from './time-bins.js';
import { useHistogram } from './use-histogram.js';
import { addClause, quoteValue, withTimeRange } from '../query/query-text.js';
import { segments, STACK_LABELS } from './stack-keys.js';
import { Swimlanes } from './Swimlanes.js';
import { TimelineControls } from './TimelineControls.js';
import { useBrush } from './use-brush.js';
import { useZoomHistory } from './use-zoom-history.js';
import { useKeyBrush } from './use-key-brush.js';
import './timeline.css';

interface Props {
  query: string;
  version: number;
  enabled: boolean;
  /** Replaces the query (bar clicks and brushes narrow its time range; zoom out restores an earlier one). */
  onQuery: (query: string) => void;
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

/**
 * Events over time for the current result. Hover a bar for its range; click it, or drag across bars (brush), to narrow
 * the query to that range; Zoom out (or `-` / Backspace with the timeline focused) goes back one zoom. Bars may be
 * stacked by outcome or severity; the Actors toggle shows the busiest actors' swimlanes below.
 */
export function Timeline({ query, version, enabled, onQuery }: Props) {
  const zone = useZone();
  const descId = useId();
  const [ref, size] = useElementSize<HTMLDivElement>();
  const plotW = size.width - PAD.left - PAD.right;
  const maxBars = Math.max(10, Math.min(240, Math.floor(plotW / MIN_BAR_PX) || 120));
  const [stackBy, setStackBy] = useState<StackBy | null>(null);
  const [lanes, setLanes] = useState(false);
  const history = useZoomHistory(onQuery);
  const { data, loading, error } = useHistogram(query, FINE_BUCKETS, version, enabled && size.width > 0, stackBy ?? undefined);
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

  const brush = useBrush(PAD.left, size.width - PAD.right, (x0, x1) => {
    if (!bins || !data || plotW <= 0) return;
    // Pixels to instants, widened to whole fine buckets so the range is exact and readable.
    const timeAt = (x: number) => bins.from + ((x - PAD.left) / plotW) * (bins.to - bins.from);
    const t0 = Math.floor(timeAt(x0) / data.bucketMs) * data.bucketMs;
    const t1 = Math.max(t0 + data.bucketMs, Math.ceil(timeAt(x1) / data.bucketMs) * data.bucketMs);
    history.zoom(query, withTimeRange(query, isoUtc(t0), isoUtc(t1)));
  });
  const zoomOutTitle = history.stack.length
    ? `Back to ${history.stack[history.stack.length - 1] || 'all events'} (- or Backspace)`
    : 'Nothing to zoom out of: drag across the timeline or click a bar to zoom in';
  const keys = useKeyBrush(bars, bins, zone, (t0, t1) => history.zoom(query, withTimeRange(query, isoUtc(t0), isoUtc(t1))));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target === e.currentTarget && keys.onKey(e)) return e.preventDefault();
    if ((e.key === '-' || e.key === 'Backspace') && !e.altKey && !e.ctrlKey && !e.metaKey && history.back()) e.preventDefault();
  };

  const baseY = HEIGHT - PAD.bottom;
  const zoneName = zoneTitle(zone);
  const alignedNote = bins && bins.aligned !== zone ? ` (bars on UTC boundaries; times in ${zoneName})` : '';
  const description = bins
    ? `${countOf(bins.total, 'event')} from ${formatTime(bins.from, zone)} to ${formatTime(bins.to, zone)}, ` +
      `${bins.label} per bar${alignedNote}, busiest bar ${formatInt(bins.max)}`
    : 'Timeline';

  return (
    <>
    {/* Focusable so the zoom-out keys work after a click on the chart. */}
    <div className="timeline" ref={ref} data-testid="timeline" aria-busy={loading} role="group" aria-label="Timeline controls" aria-describedby={bins ? descId : undefined} tabIndex={0} onKeyDown={onKeyDown}>
      {error && <div className="timeline-msg error">{error}</div>}
      {!error && !bins && <div className="timeline-msg muted">{loading ? 'Loading timeline…' : 'No events in this result'}</div>}
      {bins && size.width > 0 && (
        <svg
          role="img"
          aria-label="Timeline"
          aria-describedby={descId}
          width={size.width}
          height={HEIGHT}
          className={brush.range ? 'is-brushing' : undefined}
          onMouseLeave={() => setHover(null)}
          {...brush.handlers}
        >
          <line x1={PAD.left} x2={size.width - PAD.right} y1={PAD.top + 0.5} y2={PAD.top + 0.5} className="grid-line" />
          <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" className="axis">
            {formatCompact(bins.max)}
          </text>
          <text x={PAD.left - 6} y={baseY} textAnchor="end" className="axis">
            0
          </text>
          {bars.map((b, i) => (
            <g
              key={b.start}
              className={`bucket${hover?.start === b.start ? ' is-hover' : ''}${keys.cursor === i ? ' is-cursor' : ''}`}
              aria-current={keys.cursor === i ? 'true' : undefined}
              data-testid="timeline-bar"
              data-count={b.count}
              data-start={isoUtc(b.start)}
              data-end={isoUtc(b.end)}
              onMouseEnter={() => setHover(b)}
              onClick={() => brush.consumedClick() || history.zoom(query, withTimeRange(query, isoUtc(b.start), isoUtc(b.end)))}
            >
              {/* A full-height transparent hit area makes thin bars easy to hover and click. */}
              <rect x={b.x} y={PAD.top} width={Math.max(b.w, 3)} height={baseY - PAD.top} className="bar-hit" />
              {stackBy ? (
                segments(b.by, stackBy, b.h).map((sg) => (
                  <rect key={sg.key} x={b.x} y={baseY - sg.y0 - sg.h} width={b.w} height={sg.h} className={`bar seg-${sg.key}`} data-testid="timeline-segment" data-key={sg.key} data-count={sg.count} data-start={isoUtc(b.start)} />
                ))
              ) : (
                <rect x={b.x} y={baseY - b.h} width={b.w} height={b.h} className="bar" />
              )}
            </g>
          ))}
          {brush.range && (
            <rect x={brush.range.x0} y={PAD.top} width={brush.range.x1 - brush.range.x0} height={baseY - PAD.top} className="brush" data-testid="timeline-brush" />
          )}
          {keys.range && keys.selecting && (
            <rect x={bars[keys.range.from].x} y={PAD.top} width={bars[keys.range.to].x + bars[keys.range.to].w - bars[keys.range.from].x} height={baseY - PAD.top} className="brush" data-testid="timeline-key-selection" />
          )}
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
          {description}. Arrow keys move between bars, Shift+arrows select, Enter zooms to the selection.
        </span>
      )}
      <span className="sr-only" role="status" data-testid="timeline-key-status">{keys.announcement}</span>
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
          {stackBy &&
            segments(hover.by, stackBy, 1)
              .reverse()
              .map((sg) => (
                <span key={sg.key}>
                  {STACK_LABELS[sg.key] ?? sg.key}: {formatInt(sg.count)}
                </span>
              ))}
          <span className="muted">click to filter to this range, or drag across bars</span>
        </div>
      )}
      <TimelineControls
        stackBy={stackBy}
        onStackBy={setStackBy}
        lanes={lanes}
        onLanes={setLanes}
        canZoomOut={history.stack.length > 0}
        zoomOutTitle={zoomOutTitle}
        onZoomOut={history.back}
      />
    </div>
    {lanes && (
      <Swimlanes
        query={query}
        version={version}
        domain={bins ? { from: bins.from, to: bins.to } : null}
        width={size.width}
        left={PAD.left}
        right={PAD.right}
        buckets={maxBars}
        onActor={(actor) => onQuery(addClause(query, `actor:${quoteValue(actor)}`))}
      />
    )}
    </>
  );
}

/** Labels near the edges grow inwards so they are never cut. */
function tickAnchor(x: number, width: number): 'start' | 'middle' | 'end' {
  if (x < PAD.left + 40) return 'start';
  if (x > width - PAD.right - 40) return 'end';
  return 'middle';
}
