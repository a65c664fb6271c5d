import { useEffect } from 'react';
import type { AuditEvent, EventRow } from '../../../../shared/model/event.js';
import { formatInt, prettyRaw } from '../../lib/format.js';
import { useZone } from '../zone/zone-context.js';
import { CopyButton } from './CopyButton.js';
import { FieldList, type FieldItem } from './FieldList.js';
import { PaneResizer } from './PaneResizer.js';
import { TimeSection } from './TimeSection.js';
import { JsonTree } from './JsonTree.js';
import { RawRecord } from './RawRecord.js';
import { SurroundingButton } from '../context/SurroundingButton.js';
import { RawViewToggle, useRawView } from './RawViewToggle.js';
import { MIN_PANE, usePaneWidth } from './use-pane-width.js';
import { useEvent } from './use-event.js';
import './details.css';
import { describeLocation } from '../../../../shared/format/location.js';
import { actorLabel, describeUserAgent } from '../../../../shared/format/user-agent.js';
import { ObjectIntegrity } from '../integrity/ObjectIntegrity.js';
import { AnnotationsSection } from '../annotations/AnnotationsSection.js';

interface Props {
  index: number;
  row: EventRow | undefined;
  onClose: () => void;
  onFilter: (clause: string) => void;
}

function fields(e: EventRow): FieldItem[] {
  return [
    {
      label: 'Actor',
      value: e.actor,
      field: 'actor',
      extra: (
        <>
          {e.attributes?.actorName && <span className="actor-name">{e.attributes.actorName}</span>}
          <span className="muted tag">{actorLabel(e.actorType) ?? e.actorType}</span>
        </>
      ),
    },
    { label: 'Client', value: describeUserAgent(e.userAgent) },
    { label: 'Action', value: e.action, field: 'action' },
    { label: 'Category', value: e.category, field: 'category' },
    { label: 'Target', value: e.target, field: 'target', extra: e.targetType ? <span className="muted tag">{e.targetType}</span> : null },
    { label: 'Outcome', value: e.outcome, field: 'outcome' },
    { label: 'Severity', value: e.severity, field: 'severity' },
    { label: 'Source IP', value: e.sourceIp, field: 'ip', mono: true },
    { label: 'User agent', value: e.userAgent, field: 'userAgent' },
    // Seed 003: the place and the address, or "Unknown" (then nothing to filter on).
    e.location
      ? { label: 'Location', value: e.location, field: 'location', extra: e.sourceIp ? <span className="muted tag">{e.sourceIp}</span> : null }
      : { label: 'Location', value: describeLocation(null, e.sourceIp) },
    { label: 'Session', value: e.sessionId, field: 'session', mono: true },
    { label: 'Format', value: e.format, field: 'format' },
    { label: 'Source', value: e.source, field: 'source' },
    { label: 'Vendor id', value: e.vendorId, field: 'vendorId', mono: true },
    { label: 'Event id', value: e.id, field: 'id', mono: true },
  ];
}

/** Where the record came from: the object, its SHA-256, and the record's position in it. */
function Provenance({ event }: { event: AuditEvent }) {
  const p = event.provenance;
  return (
    <section data-testid="details-provenance" aria-label="Provenance">
      <h3>Provenance</h3>
      <FieldList
        compact
        items={[
          { label: 'Object', value: p.object, mono: true },
          { label: 'SHA-256', value: p.objectSha256, mono: true },
          { label: 'Record index', value: String(p.recordIndex) },
          { label: 'Line', value: p.line === null || p.line === undefined ? null : String(p.line) },
        ]}
      />
      <ObjectIntegrity provenance={p} />
    </section>
  );
}

/**
 * Everything about one event. Two areas that scroll on their own: the normalized fields (times, fields, notes), and
 * the original record (provenance, then the raw record), beside the fields when the pane is wide, under them when
 * it is narrow, so the evidence is on screen whichever row is open.
 */
export function DetailsPane({ index, row, onClose, onFilter }: Props) {
  const zone = useZone();
  const pane = usePaneWidth();
  const { event, loading, error } = useEvent(row?.id ?? null);
  const e: EventRow | undefined = event && event.id === row?.id ? event : row;
  const full = event && event.id === row?.id ? event : null;

  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === 'Escape' && !ev.defaultPrevented && !document.querySelector('dialog[open]')) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const raw = full ? prettyRaw(full.raw) : '';
  const [rawView, setRawView] = useRawView();
  return (
    <aside
      className="details"
      role="region"
      aria-label="Event details"
      data-testid="details-pane"
      aria-busy={loading}
      style={{ width: pane.width }}
    >
      <PaneResizer width={pane.width} min={MIN_PANE} max={pane.max} onResize={pane.setWidth} onReset={pane.reset} />
      <div className="details-head">
        <h2>Event details</h2>
        {index >= 0 && <span className="muted">row {formatInt(index + 1)}</span>}
        <span className="spacer" />
        <SurroundingButton row={e} />
        <button type="button" className="icon" aria-label="Close details" title="Close (Esc)" onClick={onClose} data-testid="details-close">
          ×
        </button>
      </div>
      {!e && <p className="muted pad">Loading…</p>}
      {error && (
        <p className="error pad" role="alert">
          {error}
        </p>
      )}
      {e && (
        <div className="details-body">
          <div className="details-fields" data-testid="details-fields" tabIndex={-1}>
            <p className="details-summary" data-testid="details-summary">
              {e.summary}
            </p>
            {full?.idConflict && (
              <p className="warn">Another record in this case has the same vendor id with different content (id conflict).</p>
            )}
            <TimeSection time={e.time} receivedTime={e.receivedTime} zone={zone} />
            <section>
              <h3>Fields</h3>
              <FieldList items={fields(e)} onFilter={onFilter} />
            </section>
            {/* After the facts: what happened comes first, the analyst's own notes on it next. */}
            <AnnotationsSection eventId={e.id} />
            {full?.attributes && Object.keys(full.attributes).length > 0 && (
              <section>
                <h3>Attributes</h3>
                <FieldList items={Object.entries(full.attributes).map(([k, v]) => ({ label: k, value: v }))} />
              </section>
            )}
            {full?.notes && full.notes.length > 0 && (
              <section data-testid="details-notes">
                <h3>Notes</h3>
                <ul className="notes">
                  {full.notes.map((n, i) => (
                    <li key={i}>{n}</li>
                  ))}
                </ul>
              </section>
            )}
          </div>
          <div className="details-source">
            {full && <Provenance event={full} />}
            <section className="details-raw-section" aria-label="Raw record">
              <div className="section-head">
                <h3>Raw record</h3>
                <span className="spacer" />
                <RawViewToggle view={rawView} onView={setRawView} />
                {full && <CopyButton text={raw} label="Copy raw" testId="copy-raw" />}
              </div>
              {full && rawView === 'tree' ? (
                <JsonTree value={full.raw} label="Raw record tree" />
              ) : (
                <pre className="raw mono" data-testid="details-raw" tabIndex={0}>
                  {full ? <RawRecord text={raw} /> : loading ? 'Loading…' : ''}
                </pre>
              )}
            </section>
          </div>
        </div>
      )}
    </aside>
  );
}
