import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/channels.js';
import type { JournalEntryRow } from '../../../../shared/contract/case-admin.js';
import { api, errorMessage } from '../../api/index.js';
import { Dialog } from '../../components/Dialog.js';
import { countOf } from '../../lib/format.js';
import { formatTime, zoneTitle } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { detailsText } from './journal-details.js';
import './journal.css';

const PAGE = 200;
type Check = ChannelOutput<'journal:verify'>;

/** The analyst's own actions, newest first, and a check of the hash chain that names the first broken entry. */
export function JournalDialog({ onClose }: { onClose: () => void }) {
  const zone = useZone();
  const [entries, setEntries] = useState<JournalEntryRow[]>([]);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [checking, setChecking] = useState(false);

  const load = useCallback(async (before?: number) => {
    try {
      const page = await api.invoke('journal:list', { limit: PAGE, before });
      setEntries((old) => (before === undefined ? page.entries : [...old, ...page.entries]));
      setTotal(page.total);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const verify = async () => {
    setChecking(true);
    try {
      setCheck(await api.invoke('journal:verify', {}));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setChecking(false);
    }
  };
  const oldest = entries.length > 0 ? entries[entries.length - 1].seq : undefined;

  return (
    <Dialog title="Case journal" onClose={onClose} className="journal-dialog" testId="journal-dialog">
      <div className="journal-bar">
        <span className="muted">{countOf(total, 'entry', 'entries')}, append-only and hash-chained (newest first)</span>
        <span className="spacer" />
        <button type="button" onClick={verify} disabled={checking}>
          {checking ? 'Verifying…' : 'Verify chain'}
        </button>
      </div>
      {check && (
        <p role="status" className={check.ok ? 'journal-ok' : 'journal-bad'} data-testid="journal-verify-result">
          {check.ok ? '✓ ' : '✗ '}
          {check.message}
        </p>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="journal-scroll">
        <table className="journal-table" aria-label="Journal entries">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Time ({zoneTitle(zone)})</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} className={check?.firstBad === e.seq ? 'journal-broken' : undefined} aria-invalid={check?.firstBad === e.seq || undefined}>
                <td className="num mono">{e.seq}</td>
                <td className="nowrap mono">{formatTime(e.at, zone)}</td>
                <td>{e.actor}</td>
                <td className="mono nowrap">{e.action}</td>
                <td className="journal-details" title={e.details}>{detailsText(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 && !error && <p className="muted">Nothing journaled yet: imports, pulls, exports, packs, annotations and purges appear here.</p>}
      </div>
      {oldest !== undefined && oldest > 1 && entries.length < total && (
        <button type="button" onClick={() => void load(oldest)}>
          Load older entries
        </button>
      )}
    </Dialog>
  );
}
