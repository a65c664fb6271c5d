import { useEffect, useState } from 'react';
import { api } from '../../api/index.js';
import { Popover } from '../../components/Popover.js';
import { attributeColumn, columnDef, DISPLAY_ORDER, type ColumnId } from './columns.js';
import type { Columns } from './use-columns.js';

/** Attribute names the case carries (entityVersion, engineVersion...), asked when the chooser opens. */
function AttributeToggles({ columns }: { columns: Columns }) {
  const [keys, setKeys] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    api.invoke('events:attribute-keys', {}).then((k) => live && setKeys(k), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  // Shown attribute columns are listed with the shown columns (and removable there) even if this case lacks them.
  const ids = keys.map(attributeColumn).filter((id) => !columns.shown.has(id));
  if (ids.length === 0) return null;
  return (
    <fieldset className="column-attrs" data-testid="attribute-columns">
      <legend>Source attributes</legend>
      {ids.map((id) => (
        <Toggle key={id} id={id} columns={columns} />
      ))}
    </fieldset>
  );
}

function Toggle({ id, columns }: { id: ColumnId; columns: Columns }) {
  return (
    <label className="check">
      <input type="checkbox" checked={columns.shown.has(id)} onChange={() => columns.toggle(id)} data-testid={`column-toggle-${id}`} />
      {columnDef(id).label}
    </label>
  );
}

/** A shown column with buttons that move it left or right (the keyboard way to reorder; headers also drag). */
function ShownColumn({ id, index, columns }: { id: ColumnId; index: number; columns: Columns }) {
  const label = columnDef(id).label;
  const last = columns.visible.length - 1;
  return (
    <li className="shown-column">
      <Toggle id={id} columns={columns} />
      <button type="button" className="small icon" aria-label={`Move ${label} left`} disabled={index === 0} onClick={() => columns.move(id, -1)}>
        ←
      </button>
      <button type="button" className="small icon" aria-label={`Move ${label} right`} disabled={index === last} onClick={() => columns.move(id, 1)}>
        →
      </button>
    </li>
  );
}

/** Show, hide and order table columns (remembered per case). */
export function ColumnChooser({ columns }: { columns: Columns }) {
  const hidden = DISPLAY_ORDER.filter((id) => !columns.shown.has(id));
  return (
    <Popover label="Columns ▾" buttonLabel="Columns" align="right" testId="column-chooser">
      <div className="column-chooser">
        <ol className="shown-columns" aria-label="Shown columns, in order">
          {columns.visible.map((c, i) => (
            <ShownColumn key={c.id} id={c.id} index={i} columns={columns} />
          ))}
        </ol>
        {hidden.length > 0 && (
          <fieldset className="hidden-columns">
            <legend>Hidden</legend>
            {hidden.map((id) => (
              <Toggle key={id} id={id} columns={columns} />
            ))}
          </fieldset>
        )}
        <AttributeToggles columns={columns} />
        <button type="button" className="link" onClick={columns.reset}>
          Reset columns
        </button>
      </div>
    </Popover>
  );
}
