import { useCallback, useEffect, useState } from 'react';
import type { CaseOverview } from '../../../../shared/contract/case-admin.js';
import { api, errorMessage } from '../../api/index.js';
import { Dialog } from '../../components/Dialog.js';
import { countOf, formatBytes, formatInt } from '../../lib/format.js';
import { formatTime, zoneTitle } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { RetentionSection } from './RetentionSection.js';
import './case-overview.css';

/** What the case holds and what did not make it in, its integrity, and its retention policy. */
export function CaseOverviewDialog({ onClose }: { onClose: () => void }) {
  const zone = useZone();
  const [o, setO] = useState<CaseOverview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api.invoke('case:overview', {}).then(setO, (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  return (
    <Dialog title="Case overview" onClose={onClose} className="overview-dialog" testId="case-overview">
      {error && <p className="error" role="alert">{error}</p>}
      {!o && !error && <p className="muted">Reading the case…</p>}
      {o && (
        <>
          <dl className="overview-facts">
            <dt>File</dt><dd className="mono">{o.path}</dd>
            <dt>Case id</dt><dd className="mono">{o.caseId}</dd>
            <dt>Size on disk</dt><dd data-testid="overview-size">{formatBytes(o.bytesOnDisk)}</dd>
            <dt>Events</dt><dd data-testid="overview-events">{formatInt(o.events)}</dd>
            <dt>Time span ({zoneTitle(zone)})</dt>
            <dd className="mono">{o.firstTime ? `${formatTime(o.firstTime, zone)} — ${formatTime(o.lastTime, zone)}` : 'no events'}</dd>
            <dt>Imports</dt>
            <dd data-testid="overview-imports">
              {Object.keys(o.importsByStatus).length === 0 ? 'none' : Object.entries(o.importsByStatus).map(([s, n]) => `${formatInt(n)} ${s}`).join(' · ')}
            </dd>
            <dt>Rejected records</dt><dd data-testid="overview-rejects">{formatInt(o.rejects)}</dd>
            <dt>S3 log-file integrity</dt>
            <dd data-testid="overview-integrity">
              {Object.values(o.integrity).every((n) => n === 0)
                ? 'no S3 objects'
                : Object.entries(o.integrity).map(([s, n]) => `${formatInt(n)} ${s}`).join(' · ')}
            </dd>
            <dt>Journal</dt><dd>{countOf(o.journalEntries, 'entry', 'entries')}</dd>
          </dl>
          <div className="overview-tables">
            <table aria-label="Events per source">
              <thead>
                <tr><th scope="col">Source</th><th scope="col">Formats</th><th scope="col" className="num">Events</th><th scope="col">First</th><th scope="col">Last</th></tr>
              </thead>
              <tbody>
                {o.sources.map((s) => (
                  <tr key={s.source}>
                    <td>{s.source}</td><td>{s.formats.join(', ')}</td><td className="num">{formatInt(s.events)}</td>
                    <td className="mono nowrap">{formatTime(s.firstTime, zone)}</td><td className="mono nowrap">{formatTime(s.lastTime, zone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table aria-label="Events per format">
              <thead><tr><th scope="col">Format</th><th scope="col" className="num">Events</th></tr></thead>
              <tbody>
                {o.byFormat.map((f) => (
                  <tr key={f.name}><td>{f.name}</td><td className="num">{formatInt(f.events)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          <RetentionSection onPurged={load} />
        </>
      )}
    </Dialog>
  );
}
