import { Popover } from '../../components/Popover.js';
import { COLUMNS, DISPLAY_ORDER } from './columns.js';
import type { Columns } from './use-columns.js';

/** Show/hide table columns (remembered). */
export function ColumnChooser({ columns }: { columns: Columns }) {
  return (
    <Popover label="Columns ▾" buttonLabel="Columns" align="right" testId="column-chooser">
      <div className="column-chooser">
        {DISPLAY_ORDER.map((id) => (
          <label key={id} className="check">
            <input
              type="checkbox"
              checked={columns.shown.has(id)}
              onChange={() => columns.toggle(id)}
              data-testid={`column-toggle-${id}`}
            />
            {COLUMNS[id].label}
          </label>
        ))}
        <button type="button" className="link" onClick={columns.reset}>
          Reset columns
        </button>
      </div>
    </Popover>
  );
}
