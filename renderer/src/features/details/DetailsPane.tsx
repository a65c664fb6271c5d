import { useEffect } from 'react';
import type { AuditEvent, EventRow } from '../../../../shared/model/event.js';
import { formatInt, prettyRaw } from '../../lib/format.js';
import { formatTime, zoneTitle } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { CopyButton } from './CopyButton.js';
import { FieldList, type FieldItem } from './FieldList.js';
import { useEvent } from './use-event.js';
import './details.css';

interface Props {
  index: number;
  row: EventRow | undefined;
  onClose: () => void;
  onFilter: (clause: string) => void;
}

function fields(e: EventRow): FieldItem[] {
  return [
    { label: 'Actor', value: e.actor, field: 'actor', extra: <span className="muted tag">{e.actorType}</span> },
    { label: 'Action', value: e.action, field: 'action' },
    { label: 'Category', value: e.category, field: 'category' },
    { label: 'Target', value: e.target, field: 'target', extra: e.targetType ? <span className="muted tag">{e.targetType}</span> : null },
    { label: 'Outcome', value: e.outcome, field: 'outcome' },
    { label: 'Severity', value: e.severity, field: 'severity' },
    { label: 'Source IP', value: e.sourceIp, field: 'ip', mono: true },
    { label: 'User agent', value: e.userAgent, field: 'userAgent' },
    { label: 'Location', value: e.location, field: 'location' },
    { label: 'Session', value: e.sessionId, field: 'session', mono: true },
    { label: 'Format', value: e.format, field: 'format' },
    { label: 'Source', value: e.source, field: 'source' },
    { label: 'Vendor id', value: e.vendorId, field: 'vendorId', mono: true },
    { label: 'Event id', value: e.id, field: 'id', mono: true },
  ];
}

function Provenance({ event }: { event: AuditEvent }) {
  const p = event.provenance;
  return (
    <section data-testid="details-provenance">
      <h3>Provenance</h3>
      <FieldList
        items={[
          { label: 'Object', value: p.object, mono: true },
          { label: 'SHA-256', value: p.objectSha256, mono: true },
          { label: 'Record index', value: String(p.recordIndex) },
          { label: 'Line', value: p.line === null || p.line === undefined ? null : String(p.line) },
        ]}
      />
    </section>
  );
}

/** Everything about one event: normalized fields, times in both zones, provenance, notes and the raw record. */
export function DetailsPane({ index, row, onClose, onFilter }: Props) {
  const zone = useZone();
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
  return (
    <aside className="details" role="region" aria-label="Event details" data-testid="details-pane" aria-busy={loading}>
      <div className="details-head">
        <h2>Event {index >= 0 ? `#${formatInt(index + 1)}` : ''}</h2>
        <button type="button" className="icon" aria-label="Close details" onClick={onClose} data-testid="details-close">
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
          <p className="details-summary" data-testid="details-summary">
            {e.summary}
          </p>
          {full?.idConflict && (
            <p className="warn">Another record in this case has the same vendor id with different content (id conflict).</p>
          )}
          <section>
            <h3>Time</h3>
            <FieldList
              items={[
                { label: 'Time (UTC)', value: formatTime(e.time, 'utc'), mono: true },
                ...(zone === 'local' ? [{ label: `Time (${zoneTitle('local')})`, value: formatTime(e.time, 'local', true), mono: true }] : []),
                { label: 'Received', value: e.receivedTime ? formatTime(e.receivedTime, zone, true) : null, mono: true },
              ]}
            />
          </section>
          <section>
            <h3>Fields</h3>
            <FieldList items={fields(e)} onFilter={onFilter} />
          </section>
          {full?.attributes && Object.keys(full.attributes).length > 0 && (
            <section>
              <h3>Attributes</h3>
              <FieldList items={Object.entries(full.attributes).map(([k, v]) => ({ label: k, value: v }))} />
            </section>
          )}
          {full && <Provenance event={full} />}
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
          <section>
            <div className="section-head">
              <h3>Raw record</h3>
              {full && <CopyButton text={raw} label="Copy raw" testId="copy-raw" />}
            </div>
            <pre className="raw mono" data-testid="details-raw" tabIndex={0}>
              {full ? raw : loading ? 'Loading…' : ''}
            </pre>
          </section>
        </div>
      )}
    </aside>
  );
}
