import { Popover } from '../../components/Popover.js';
import { BUILT_IN_INVESTIGATIONS } from '../../../../shared/investigations/built-ins.js';
import type { Panel } from '../views/view-stack.js';
import { BuiltInItem } from './BuiltInItem.js';
import { SavedSearches } from './SavedSearches.js';
import './investigations.css';

interface Props {
  query: string;
  version: number;
  onRun: (view: { query: string; title: string; panel?: Panel }) => void;
}

/** Built-in investigations (one click each, with what it looks for), the case's saved searches, and "save this". */
export function InvestigationsMenu({ query, version, onRun }: Props) {
  return (
    <Popover label="Investigations" buttonLabel="Investigations" align="right" testId="investigations-button" className="investigations">
      {(close) => (
        <div className="investigations-panel" data-testid="investigations-panel">
          <h3>Built-in investigations</h3>
          <ul className="investigation-list">
            {BUILT_IN_INVESTIGATIONS.map((inv) => (
              <BuiltInItem key={inv.id} inv={inv} onRun={(v) => (onRun(v), close())} />
            ))}
          </ul>
          <SavedSearches query={query} version={version} onRun={(v) => (onRun(v), close())} />
        </div>
      )}
    </Popover>
  );
}
