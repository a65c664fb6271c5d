import type { Suggestion } from './completion.js';

interface Props {
  id: string;
  items: Suggestion[];
  active: number;
  onPick: (index: number) => void;
}

/** The query bar's suggestion list (ARIA listbox owned by the combobox input); the input keeps the focus. */
export function CompletionList({ id, items, active, onPick }: Props) {
  return (
    <ul id={id} className="completions" role="listbox" aria-label="Suggestions" data-testid="query-suggestions">
      {items.map((s, i) => (
        <li
          key={`${s.insert}-${i}`}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          // mousedown, not click: the input must not lose focus (and close the list) before the pick lands.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(i);
          }}
        >
          <span className="mono">{s.label}</span>
          {s.detail && <span className="muted completion-detail">{s.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
