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
  // Attribute columns switched on earlier stay listed (and removable) even if this case lacks them.
  const ids = [...new Set<ColumnId>([...keys.map(attributeColumn), ...[...columns.shown].filter((c) => c.startsWith('attr:'))])];
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

/** Show/hide table columns (remembered). */
export function ColumnChooser({ columns }: { columns: Columns }) {
  return (
    <Popover label="Columns ▾" buttonLabel="Columns" align="right" testId="column-chooser">
      <div className="column-chooser">
        {DISPLAY_ORDER.map((id) => (
          <Toggle key={id} id={id} columns={columns} />
        ))}
        <AttributeToggles columns={columns} />
        <button type="button" className="link" onClick={columns.reset}>
          Reset columns
        </button>
      </div>
    </Popover>
  );
}
