import type { RefObject } from 'react';
import type { CaseInfo } from '../../../../shared/contract/channels.js';
import { countOf } from '../../lib/format.js';
import type { ZoneMode } from '../../lib/time.js';
import { ImportButton } from '../import/ImportButton.js';
import { ZoneToggle } from '../zone/ZoneToggle.js';
import { CaseMenu } from './CaseMenu.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { SourcesButton } from '../sources/SourcesButton.js';
import { IntegrityButton } from '../integrity/IntegrityButton.js';
import { PacksButton } from '../packs/PacksButton.js';

interface Props {
  info: CaseInfo | null;
  zone: ZoneMode;
  onZone: (z: ZoneMode) => void;
  onCaseOpened: (info: CaseInfo) => void;
  onImport: (files: File[]) => void;
  importInput: RefObject<HTMLInputElement | null>;
  importing: boolean;
  onOpenLog: () => void;
  /** Opens the field mapping editor (files of unknown shape). */
  onMapFields?: () => void;
  onReconnect: () => void;
}

/** Case name and path, Case menu, zone, import log and Import files. */
export function CaseHeader(p: Props) {
  const path = p.info?.path ?? '';
  const name = path.split(/[\\/]/).pop() || 'No case';
  return (
    <header className="app-header">
      <span className="brand" aria-hidden="true">
        Auditlens
      </span>
      <CaseMenu currentPath={p.info?.path ?? null} onOpened={p.onCaseOpened} />
      <div className="case-id">
        <span className="case-name" data-testid="case-name">
          {name}
        </span>
        {/* rtl + an ltr isolate: a long path is cut at its start, keeping the file name visible */}
        <span className="case-path mono" title={path}>
          <bdi data-testid="case-path">{path}</bdi>
        </span>
      </div>
      {p.info && (
        <span className="case-stats muted" data-testid="case-stats">
          {countOf(p.info.events, 'event')} · {countOf(p.info.imports, 'import')}
          {p.info.rejects > 0 ? ` · ${countOf(p.info.rejects, 'reject')}` : ''}
        </span>
      )}
      <span className="spacer" />
      <ConnectionBadge onReconnect={p.onReconnect} />
      <ZoneToggle zone={p.zone} onChange={p.onZone} />
      <button type="button" onClick={p.onOpenLog} data-testid="import-log-button">
        Import log
      </button>
      <SourcesButton />
      <IntegrityButton />
      <PacksButton />
      {p.onMapFields && (
        <button type="button" onClick={p.onMapFields} disabled={p.importing} data-testid="map-fields-button">
          Map fields…
        </button>
      )}
      <ImportButton onFiles={p.onImport} inputRef={p.importInput} disabled={p.importing} />
    </header>
  );
}
