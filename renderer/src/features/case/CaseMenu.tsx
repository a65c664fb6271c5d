import { useState } from 'react';
import type { CaseInfo } from '../../../../shared/contract/channels.js';
import { Popover } from '../../components/Popover.js';
import { PathDialog } from './PathDialog.js';
import { useAnnotationImport } from '../annotations/use-annotation-import.js';
import { CaseOverviewDialog } from '../case-overview/CaseOverviewDialog.js';
import { JournalDialog } from '../journal/JournalDialog.js';
import { RecentCases } from './RecentCases.js';

interface Props {
  currentPath: string | null;
  onOpened: (info: CaseInfo) => void;
}

function siblingPath(current: string | null): string {
  if (!current) return '';
  const slash = Math.max(current.lastIndexOf('/'), current.lastIndexOf('\\'));
  return slash >= 0 ? current.slice(0, slash + 1) : '';
}

/** "Case" menu: New case… / Open case…, each asking for a path in a small dialog. */
export function CaseMenu({ currentPath, onOpened }: Props) {
  const [dialog, setDialog] = useState<'new' | 'open' | 'overview' | 'journal' | null>(null);
  const annotations = useAnnotationImport();
  return (
    <>
      {annotations.input}
      <Popover label="Case ▾" buttonLabel="Case" testId="case-menu">
        {(close) => (
          <div role="menu" className="menu">
            <button type="button" role="menuitem" onClick={() => (close(), setDialog('new'))}>
              New case…
            </button>
            <button type="button" role="menuitem" onClick={() => (close(), setDialog('open'))}>
              Open case…
            </button>
            <button type="button" role="menuitem" onClick={() => (close(), annotations.open())}>
              Import annotations…
            </button>
            <button type="button" role="menuitem" onClick={() => (close(), setDialog('overview'))}>
              Case overview…
            </button>
            <button type="button" role="menuitem" onClick={() => (close(), setDialog('journal'))}>
              Journal…
            </button>
            <RecentCases currentPath={currentPath} onOpened={onOpened} close={close} />
          </div>
        )}
      </Popover>
      {dialog === 'overview' && <CaseOverviewDialog onClose={() => setDialog(null)} />}
      {dialog === 'journal' && <JournalDialog onClose={() => setDialog(null)} />}
      {(dialog === 'new' || dialog === 'open') && (
        <PathDialog
          mode={dialog}
          initialPath={dialog === 'new' ? siblingPath(currentPath) : currentPath ?? ''}
          onClose={() => setDialog(null)}
          onDone={(info) => {
            setDialog(null);
            onOpened(info);
          }}
        />
      )}
    </>
  );
}
