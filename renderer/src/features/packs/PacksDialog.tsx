import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { CaseInfo } from '../../../../shared/contract/channels.js';
import { api } from '../../api/index.js';
import { Dialog } from '../../components/Dialog.js';
import { formatInt } from '../../lib/format.js';
import { zoneTitle } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { PackFormFields } from './PackFormFields.js';
import { PackHistory } from './PackHistory.js';
import { defaultForm, toRequest, type PackForm } from './pack-form.js';
import { usePackJob } from './use-pack-job.js';
import { usePackPreview } from './use-pack-preview.js';
import './packs.css';

/**
 * Evidence packs: choose type, period and sources, see how many events each population holds, build the BagIt zip
 * (progress and cancel), and check any built pack again with Verify.
 */
export function PacksDialog({ onClose, query = '' }: { onClose: () => void; query?: string }) {
  const [form, setForm] = useState<PackForm | null>(null);
  const [sources, setSources] = useState<string[]>([]);
  const job = usePackJob();
  useEffect(() => {
    api.invoke('case:info', {}).then((info: CaseInfo) => setForm(defaultForm(info, query)), () => setForm(defaultForm(null, query)));
    api.invoke('sources:coverage', {}).then((rows) => setSources(rows.map((r) => r.source).sort()), () => setSources([]));
  }, [query]);
  // The report shows times in the zone the analyst is looking at; the data files stay UTC.
  const zone = useZone();
  const displayZone = zone !== 'utc' && zoneTitle(zone) !== 'local' ? zoneTitle(zone) : 'UTC';
  const checked = useMemo(() => (form ? toRequest(form, displayZone) : null), [form, displayZone]);
  const request = checked && 'request' in checked ? checked.request : null;
  const { preview, error: previewError, loading } = usePackPreview(request);
  const p = job.progress;
  const total = p?.recordsTotal ?? 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (request) void job.build(request);
  };

  return (
    <Dialog title="Evidence packs" onClose={onClose} className="packs-dialog" testId="packs-dialog">
      {form && (
        <form onSubmit={submit} aria-label="New evidence pack">
          <PackFormFields form={form} sources={sources} onChange={setForm} />
          {checked && 'problem' in checked && <p className="hint" role="status">{checked.problem}</p>}
          {previewError && <p className="error" role="alert">{previewError}</p>}
          {preview && (
            <table className="plain pack-preview" aria-label="Preview" aria-busy={loading}>
              <thead>
                <tr>
                  <th>Population</th>
                  <th>Query</th>
                  <th className="num">Events</th>
                </tr>
              </thead>
              <tbody>
                {preview.populations.map((pop) => (
                  <tr key={pop.name}>
                    <td>{pop.label}</td>
                    <td className="mono muted">{pop.query}</td>
                    <td className="num" data-testid={`pack-count-${pop.name}`}>{formatInt(pop.count)}</td>
                  </tr>
                ))}
                <tr className="total">
                  <td colSpan={2}>Distinct events in the pack{request?.sample ? ' before sampling' : ''} (the period holds {formatInt(preview.excluded)} more that no population selects)</td>
                  <td className="num" data-testid="pack-total">{formatInt(preview.total)}</td>
                </tr>
              </tbody>
            </table>
          )}
          <div className="pack-actions">
            {job.jobId ? (
              <>
                <progress aria-label="Pack build progress" max={total || 1} value={p?.records ?? 0} />
                <span role="status" data-testid="pack-progress">
                  {p?.current ?? 'starting'}: {formatInt(p?.records ?? 0)} of {formatInt(total)} events
                </span>
                <button type="button" onClick={job.cancel}>Cancel build</button>
              </>
            ) : (
              <button type="submit" className="primary" disabled={!request || loading}>Build pack</button>
            )}
          </div>
          {job.error && <p className="error" role="alert">{job.error}</p>}
        </form>
      )}
      <PackHistory version={job.historyVersion} />
    </Dialog>
  );
}
