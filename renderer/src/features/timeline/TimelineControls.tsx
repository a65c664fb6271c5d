import type { StackBy } from '../../../../shared/contract/timeline.js';
import { STACK_KEYS, STACK_LABELS } from './stack-keys.js';

interface Props {
  stackBy: StackBy | null;
  onStackBy: (s: StackBy | null) => void;
  lanes: boolean;
  onLanes: (on: boolean) => void;
  canZoomOut: boolean;
  zoomOutTitle: string;
  onZoomOut: () => void;
}

const STACK_CHOICES: { value: StackBy | null; label: string }[] = [
  { value: null, label: 'None' },
  { value: 'outcome', label: 'Outcome' },
  { value: 'severity', label: 'Severity' },
];

/** The timeline's toolbar: zoom out (back through the zoom history), stacking, and the actor swimlanes. */
export function TimelineControls({ stackBy, onStackBy, lanes, onLanes, canZoomOut, zoomOutTitle, onZoomOut }: Props) {
  return (
    <div className="timeline-controls">
      {stackBy && (
        <span className="timeline-stack-legend" role="list" aria-label={`Stacked by ${stackBy}`}>
          {STACK_KEYS[stackBy].map((k) => (
            <span key={k} role="listitem" className="legend-item">
              <span className={`swatch seg-${k}`} aria-hidden="true" />
              {STACK_LABELS[k]}
            </span>
          ))}
        </span>
      )}
      <button type="button" className="small" disabled={!canZoomOut} title={zoomOutTitle} aria-label="Zoom out" onClick={onZoomOut}>
        − Zoom out
      </button>
      <span className="seg-toggle" role="radiogroup" aria-label="Stack by">
        <span className="muted">Stack</span>
        {STACK_CHOICES.map((c) => (
          <button
            key={c.label}
            type="button"
            role="radio"
            aria-checked={stackBy === c.value}
            className={stackBy === c.value ? 'small is-on' : 'small'}
            onClick={() => onStackBy(c.value)}
          >
            {c.label}
          </button>
        ))}
      </span>
      <button type="button" className={lanes ? 'small is-on' : 'small'} aria-pressed={lanes} title="Activity of the busiest actors over this range" onClick={() => onLanes(!lanes)}>
        Actors
      </button>
    </div>
  );
}
