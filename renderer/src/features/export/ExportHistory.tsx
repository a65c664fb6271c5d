import { useEffect, useState } from 'react';
import type { ExportRow } from '../../../../shared/contract/exports.js';
import { api, errorMessage } from '../../api/index.js';
import { Dialog } from '../../components/Dialog.js';
import { RevealButton } from '../../components/RevealButton.js';
import { formatBytes, formatInt } from '../../lib/format.js';
import { formatTime } from '../../lib/time.js';
import { CopyButton } from '../details/CopyButton.js';
import { useZone } from '../zone/zone-context.js';
import { downloadUrl } from './use-export-job.js';

function FileCell({ row }: { row: ExportRow }) {
  const url = row.status === 'completed' ? downloadUrl(row.id) : null;
  return (
    <td>
      <div className="export-file">
        <span className="mono export-file-name" title={row.outPath}>
          {row.outPath.split(/[\\/]/).pop()}
        </span>
        {url && (
          <a className="button small" href={url} download aria-label={`Download ${row.name}`}>
            Download
          </a>
        )}
        {!url && row.status === 'completed' && (
          <>
            <RevealButton path={row.outPath} label={`Show ${row.name} in its folder`} />
            <CopyButton text={row.outPath} label="Copy path" ariaLabel={`Copy the path of ${row.name}`} />
          </>
        )}
      </div>
    </td>
  );
}

/** Every export of this case, from the UI and the CLI: what was asked, what was written, and its SHA-256. */
export function ExportHistory({ version, onClose }: { version: number; onClose: () => void }) {
  const zone = useZone();
  const [rows, setRows] = useState<ExportRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.invoke('export:list', { limit: 1000 }).then(setRows, (e: unknown) => setError(errorMessage(e)));
  }, [version]);

  return (
    <Dialog title="Export history" onClose={onClose} className="export-history" testId="export-history">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="log-scroll">
        <table className="plain" aria-label="Exports">
          <thead>
            <tr>
              <th>Name</th>
              <th>Format</th>
              <th>Query</th>
              <th className="num">Rows</th>
              <th className="num">Size</th>
              <th>SHA-256</th>
              <th>Status</th>
              <th>Started</th>
              <th>From</th>
              <th>File</th>
            </tr>
          </thead>
          <tbody>
            {rows?.length === 0 && (
              <tr>
                <td colSpan={10} className="muted">
                  Nothing exported yet.
                </td>
              </tr>
            )}
            {rows?.map((r) => (
              <tr key={r.id} data-testid="export-row">
                <td>{r.name}</td>
                <td>{r.format.toUpperCase()}</td>
                <td className="mono ellipsis" title={r.query}>
                  {r.query || '(all events)'}
                </td>
                <td className="num" title={r.truncated ? `Cut short: only the first ${r.rowLimit} matching events` : undefined}>
                  {formatInt(r.rows)}
                  {r.truncated && <span className="badge-warn"> limit {formatInt(r.rowLimit ?? 0)}</span>}
                </td>
                <td className="num">{r.status === 'completed' ? formatBytes(r.bytes) : '—'}</td>
                <td className="export-sha">
                  {r.sha256 ? (
                    <>
                      <span className="mono" title={r.sha256}>
                        {r.sha256.slice(0, 12)}…
                      </span>
                      <CopyButton text={r.sha256} label="Copy" ariaLabel={`Copy SHA-256 of ${r.name}`} />
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td title={r.error ?? undefined}>
                  <span className={`status status-${r.status}`}>{r.status}</span>
                  {r.error && <div className="hint">{r.error}</div>}
                </td>
                <td className="nowrap">{formatTime(r.startedAt, zone)}</td>
                <td>{r.origin === 'cli' ? 'CLI' : 'UI'}</td>
                <FileCell row={r} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
