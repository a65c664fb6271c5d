import { useState, type FormEvent } from 'react';
import type { Order } from '../../../../shared/contract/channels.js';
import type { ExportFormat } from '../../../../shared/contract/exports.js';
import { api, errorMessage } from '../../api/index.js';
import { Dialog } from '../../components/Dialog.js';
import { countOf, formatCompact } from '../../lib/format.js';
import type { ResultCount } from '../count/use-result-count.js';
import type { ExportJob } from './use-export-job.js';

interface Props {
  query: string;
  order: Order;
  count: ResultCount;
  onStart: ExportJob['start'];
  onClose: () => void;
}

const FORMATS: { value: ExportFormat; label: string; hint: string }[] = [
  { value: 'csv', label: 'CSV', hint: 'spreadsheets; formulas neutralized' },
  { value: 'json', label: 'JSON', hint: 'one array of events' },
  { value: 'jsonl', label: 'JSONL', hint: 'one event per line' },
];

function defaultName(now = new Date()): string {
  return `export-${now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}`;
}

function rowsText(count: ResultCount): string {
  if (count.count === null) return 'every matching event (still counting)';
  return count.exact ? countOf(count.count, 'event') : `≈ ${formatCompact(count.count)} events or more (exact count running)`;
}

/** Name, format (and where, in Electron) for an export of exactly the rows the current query selects. */
export function ExportDialog({ query, order, count, onStart, onClose }: Props) {
  const [name, setName] = useState(defaultName);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [limited, setLimited] = useState(false);
  const [limit, setLimit] = useState('1000');
  const [outPath, setOutPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const electron = api.transport === 'electron';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(limit);
    if (limited && (!Number.isInteger(n) || n < 1)) return setError('The row limit must be a whole number of at least 1.');
    setBusy(true);
    setError(null);
    try {
      await onStart(
        { name: name.trim(), format, query, order, ...(limited ? { limit: n } : {}), ...(electron && outPath.trim() ? { outPath: outPath.trim() } : {}) },
        count.exact ? count.count : null,
      );
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Export the current view" onClose={onClose} testId="export-dialog">
      <form onSubmit={submit} className="path-form export-form">
        <dl className="export-what">
          <dt>Query</dt>
          <dd className="mono" data-testid="export-query">{query.trim() || '(all events)'}</dd>
          <dt>Rows</dt>
          <dd data-testid="export-rows">
            {rowsText(count)}, {order === 'desc' ? 'newest first' : 'oldest first'}
          </dd>
        </dl>
        <label htmlFor="export-name">Name</label>
        <input id="export-name" autoFocus spellCheck={false} value={name} onChange={(e) => setName(e.target.value)} maxLength={120} />
        <fieldset className="export-formats">
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.value}>
              <input type="radio" name="export-format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} />
              {f.label} <span className="hint">{f.hint}</span>
            </label>
          ))}
        </fieldset>
        <label className="export-limit">
          <input type="checkbox" checked={limited} onChange={(e) => setLimited(e.target.checked)} />
          Only the first
          <input type="number" min={1} aria-label="Row limit" value={limit} disabled={!limited} onChange={(e) => setLimit(e.target.value)} />
          rows
        </label>
        {limited && <p className="hint">If more events match, the history and the end of the file say the export was cut short.</p>}
        {electron ? (
          <>
            <label htmlFor="export-path">Save to (optional)</label>
            <input id="export-path" className="mono" spellCheck={false} placeholder="/home/analyst/exports/failures.csv" value={outPath} onChange={(e) => setOutPath(e.target.value)} />
            <p className="hint">Empty: the case's exports folder (next to the case file). An existing file is never overwritten.</p>
          </>
        ) : (
          <p className="hint">The file is written to the case's exports folder on the machine running Auditlens; download it when it is done.</p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Starting…' : 'Start export'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
