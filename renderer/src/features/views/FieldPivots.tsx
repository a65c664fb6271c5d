import { usePivot } from './pivot.js';

/** Details pane pivots beside filter/exclude: the value's timeline, and for an actor the actor's sessions. */
export function FieldPivots({ clause, label, actor }: { clause: string; label: string; actor: string | null }) {
  const pivot = usePivot();
  if (!pivot) return null;
  return (
    <>
      <button type="button" className="small" title={`Timeline of ${clause} (new view; Back returns)`} aria-label={`Timeline of ${label}`} onClick={() => pivot.timeline(clause)}>
        timeline
      </button>
      {actor && (
        <button type="button" className="small" title={`Sessions of ${actor}`} aria-label={`Sessions of ${actor}`} onClick={() => pivot.sessions(actor)}>
          sessions
        </button>
      )}
    </>
  );
}
