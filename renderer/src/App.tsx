import { useCallback, useEffect, useRef, useState } from 'react';
import type { Order } from '../../shared/contract/channels.js';
import type { EventRow } from '../../shared/model/event.js';
import { api } from './api/index.js';
import { KeyHints } from './components/KeyHints.js';
import { useToast } from './components/Toasts.js';
import { CaseHeader } from './features/case/CaseHeader.js';
import { useCaseInfo } from './features/case/use-case-info.js';
import { ResultCount } from './features/count/ResultCount.js';
import { ExportControls } from './features/export/ExportControls.js';
import { useResultCount } from './features/count/use-result-count.js';
import { DetailsPane } from './features/details/DetailsPane.js';
import { EmptyState } from './features/empty/EmptyState.js';
import { FacetsPanel } from './features/facets/FacetsPanel.js';
import { FacetsToggle } from './features/facets/FacetsToggle.js';
import { FilterBar } from './features/filters/FilterBar.js';
import { DropZone } from './features/import/DropZone.js';
import { ImportLog } from './features/import/ImportLog.js';
import { ImportProgress } from './features/import/ImportProgress.js';
import { ImportSummary } from './features/import/ImportSummary.js';
import { useImports } from './features/import/use-imports.js';
import { MappingLayer, useMappingLauncher } from './features/mapping/MappingLayer.js';
import { QueryBar } from './features/query/QueryBar.js';
import { addClause } from './features/query/query-text.js';
import { ColumnChooser } from './features/table/ColumnChooser.js';
import { EventTable } from './features/table/EventTable.js';
import { useColumns } from './features/table/use-columns.js';
import { Timeline } from './features/timeline/Timeline.js';
import { InvestigationsMenu, PivotContext, usePivotFor, useViewStack, ViewNav, ViewPanel } from './features/views/index.js';
import { useRestoredCursor } from './features/views/use-restored-cursor.js';
import { WorkbenchKeys } from './features/shortcuts/WorkbenchKeys.js';
import { isZoneMode, ZoneContext } from './features/zone/zone-context.js';
import { formatInt } from './lib/format.js';
import { useStoredState } from './lib/hooks.js';
import type { ZoneMode } from './lib/time.js';

const isOrder = (v: unknown): v is Order => v === 'asc' || v === 'desc';

export function App() {
  const toast = useToast();
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const caseState = useCaseInfo(version);
  const imports = useImports(bump);
  const mapping = useMappingLauncher();
  const [zone, setZone] = useStoredState<ZoneMode>('auditlens.zone', 'utc', isZoneMode);
  const [order, setOrder] = useStoredState<Order>('auditlens.order', 'desc', isOrder);
  const views = useViewStack(order, setOrder);
  const { query, setQuery } = views;
  const pivot = usePivotFor(views);
  const [selected, setSelected] = useState(-1);
  const [selectedRow, setSelectedRow] = useState<EventRow | undefined>(undefined);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const [tableError, setTableError] = useState<string | null>(null);
  const [total, setTotal] = useState(0);
  const columns = useColumns(caseState.info?.caseId ?? null);
  const [marked, setMarked] = useState(0);
  const importInput = useRef<HTMLInputElement | null>(null);
  const count = useResultCount(query, version);

  useEffect(() => api.on('case:changed', bump), [bump]);
  useEffect(() => {
    setSelected(-1);
    setDetailsOpen(false);
  }, [query, order]);
  useRestoredCursor(views.restore, query, order, setSelected, setDetailsOpen); // after the reset above: Back wins
  useEffect(() => {
    if (caseState.error) toast('error', caseState.error);
  }, [caseState.error, toast]);
  useEffect(() => {
    const path = caseState.info?.path;
    document.title = path ? `${path.split(/[\\/]/).pop()} — Auditlens` : 'Auditlens';
  }, [caseState.info?.path]);

  const importing = imports.progress !== null || imports.upload !== null;
  const startImport = (files: File[]) => {
    if (importing) toast('info', 'An import is already running; drop the files again when it has finished.');
    else {
      imports.start(files);
      mapping.remember(files);
    }
  };

  const info = caseState.info;
  const hasEvents = (info?.events ?? 0) > 0;
  const closeDetails = useCallback(() => setDetailsOpen(false), []);
  const openDetails = useCallback(() => setDetailsOpen(true), []);
  const filter = useCallback((clause: string) => setQuery((q) => addClause(q, clause)), []);

  if (caseState.unauthorized) {
    return (
      <div className="empty-state" role="alert" data-testid="unauthorized">
        <h2>This page has no valid session token</h2>
        <p>
          Open the exact URL that <code>auditlens serve</code> printed (it carries a one-time token). If the host was
          restarted, it printed a new one.
        </p>
      </div>
    );
  }

  return (
    <ZoneContext.Provider value={zone}>
      <PivotContext.Provider value={pivot}>
      <div className="app">
        <CaseHeader
          info={info}
          zone={zone}
          onZone={setZone}
          onCaseOpened={(ci) => {
            caseState.set(ci);
            views.reset();
            setSelected(-1);
            setDetailsOpen(false);
            bump();
          }}
          onImport={startImport}
          importInput={importInput}
          importing={importing}
          onOpenLog={() => setLogOpen(true)}
          onMapFields={() => mapping.open(null)}
          onReconnect={bump}
        />
        <ImportProgress upload={imports.upload} progress={imports.progress} onCancel={imports.cancel} />
        <ImportSummary job={imports.finished} error={imports.error} onOpenLog={() => setLogOpen(true)} onDismiss={imports.dismiss} />
        <QueryBar query={query} onQuery={setQuery} order={order} onOrder={setOrder} serverError={tableError} />
        {hasEvents && <FilterBar query={query} onQuery={setQuery} version={version} info={info} />}
        {info && !hasEvents && query === '' ? (
          <EmptyState onImport={() => importInput.current?.click()} />
        ) : (
          <>
            <Timeline query={query} version={version} enabled={info !== null} onQuery={setQuery} />
            <div className="toolbar">
              <ViewNav views={views} />
              <ResultCount count={count} caseTotal={info?.events ?? null} filtered={query.trim() !== ''} />
              <ExportControls query={query} order={order} count={count} />
              {selected >= 0 && (
                <span className="muted" data-testid="selection-position">
                  row {formatInt(selected + 1)} of {formatInt(total)}
                </span>
              )}
              {marked > 0 && <span className="muted" role="status" data-testid="selection-count">{formatInt(marked)} selected</span>}
              <span className="spacer" />
              <InvestigationsMenu query={query} version={version} onRun={views.push} />
              <KeyHints />
              <WorkbenchKeys row={views.current.panel ? undefined : selectedRow} detailsOpen={detailsOpen} onOpenDetails={openDetails} />
              <FacetsToggle />
              <ColumnChooser columns={columns} />
            </div>
            <div className="main">
              <FacetsPanel query={query} version={version} onQuery={setQuery} />
              {views.current.panel ? <ViewPanel panel={views.current.panel} views={views} version={version} /> : <EventTable
                query={query}
                order={order}
                caseId={info?.caseId ?? null}
                version={version}
                count={count.count}
                countExact={count.exact}
                columns={columns}
                selected={selected}
                onSelect={setSelected}
                onOpen={openDetails}
                onClose={closeDetails}
                detailsOpen={detailsOpen}
                onMarked={setMarked}
                onSelectedRow={setSelectedRow}
                onError={setTableError}
                onTotal={setTotal}
                onFilter={filter}
                restore={views.restore}
                placeSource={views.placeSource}
              />}
              {!views.current.panel && detailsOpen && selected >= 0 && (
                <DetailsPane index={selected} row={selectedRow} onClose={closeDetails} onFilter={filter} />
              )}
            </div>
          </>
        )}
        <DropZone onFiles={startImport} />
        <MappingLayer launcher={mapping} finished={imports.finished} />
        {logOpen && <ImportLog onClose={() => setLogOpen(false)} version={version} />}
      </div>
      </PivotContext.Provider>
    </ZoneContext.Provider>
  );
}
