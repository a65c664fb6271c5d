import { useStoredState } from '../../lib/hooks.js';

export type RawView = 'text' | 'tree';
const isRawView = (v: unknown): v is RawView => v === 'text' || v === 'tree';

/** The raw record as the vendor's text (the evidence, copyable as-is) or as a collapsible tree; remembered. */
export function useRawView(): [RawView, (v: RawView) => void] {
  return useStoredState<RawView>('auditlens.rawView', 'text', isRawView);
}

export function RawViewToggle({ view, onView }: { view: RawView; onView: (v: RawView) => void }) {
  return (
    <div className="seg small" role="group" aria-label="Raw record view" data-testid="raw-view">
      <button type="button" aria-pressed={view === 'text'} onClick={() => onView('text')}>
        Text
      </button>
      <button type="button" aria-pressed={view === 'tree'} onClick={() => onView('tree')}>
        Tree
      </button>
    </div>
  );
}
