import { useEffect, useState } from 'react';
import type { PackRow, PackVerifyResult } from '../../../../shared/contract/packs.js';
import { api, errorMessage } from '../../api/index.js';
import { RevealButton } from '../../components/RevealButton.js';
import { formatBytes, formatInt } from '../../lib/format.js';
import { formatTime } from '../../lib/time.js';
import { CopyButton } from '../details/CopyButton.js';
import { useZone } from '../zone/zone-context.js';
import { TYPE_LABELS } from './pack-form.js';

function VerifyOutcome({ result }: { result: PackVerifyResult }) {
  if (result.ok) {
    return (
      <p className="pack-verify ok" role="status" data-testid="pack-verify-result">
        Verify OK: {formatInt(result.events)} events, Payload-Oxum {result.payloadOxum}; every hash and the CSV/JSONL agreement check out.
      </p>
    );
  }
  return (
    <div className="pack-verify bad" role="alert" data-testid="pack-verify-result">
      <p>Verify FAILED: {result.path}</p>
      <ul>
        {result.problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * In the browser host the zip is on the machine running Auditlens, not the analyst's: a completed pack gets a link to
 * `/api/packs/<id>/download`. In the desktop app the file is local: Show in folder.
 */
function PackDownload({ row }: { row: PackRow }) {
  if (row.status !== 'completed') return null;
  const url = api.fileUrl(`/api/packs/${encodeURIComponent(row.id)}/download`);
  if (!url) return <RevealButton path={row.outPath} label={`Show the ${TYPE_LABELS[row.type]} pack built ${row.createdAt} in its folder`} />;
  return (
    <a className="button small" href={url} download aria-label={`Download the ${TYPE_LABELS[row.type]} pack built ${row.createdAt}`}>
      Download
    </a>
  );
}

/** Every pack built from this case (UI and CLI): what was asked, the zip's SHA-256, and a Verify button. */
export function PackHistory({ version }: { version: number }) {
  const zone = useZone();
  const [rows, setRows] = useState<PackRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState<string | null>(null);
  const [verified, setVerified] = useState<{ id: string; result: PackVerifyResult } | null>(null);
  useEffect(() => {
    api.invoke('pack:list', { limit: 200 }).then(setRows, (e: unknown) => setError(errorMessage(e)));
  }, [version]);

  const verify = async (row: PackRow) => {
    setVerifying(row.id);
    setVerified(null);
    try {
      setVerified({ id: row.id, result: await api.invoke('pack:verify', { path: row.outPath }) });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setVerifying(null);
    }
  };

  return (
    <section aria-labelledby="pack-history-title" className="pack-history">
      <h3 id="pack-history-title">History</h3>
      {error && <p className="error" role="alert">{error}</p>}
      {verified && <VerifyOutcome result={verified.result} />}
      {rows && rows.length === 0 && <p className="muted">No packs built from this case yet.</p>}
      {rows && rows.length > 0 && (
        <div className="log-scroll">
          <table className="plain" aria-label="Packs">
            <thead>
              <tr>
                <th>Type</th>
                <th>Period (UTC)</th>
                <th className="num">Events</th>
                <th className="num">Size</th>
                <th>SHA-256</th>
                <th>Status</th>
                <th>Built</th>
                <th>File</th>
                <th><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="pack-row">
                  <td>{TYPE_LABELS[r.type]}{r.query ? <div className="mono muted">{r.query}</div> : null}</td>
                  <td className="mono">{r.from.slice(0, 16).replace('T', ' ')} → {r.to.slice(0, 16).replace('T', ' ')}</td>
                  <td className="num">{r.status === 'completed' ? formatInt(r.events) : '–'}</td>
                  <td className="num">{r.status === 'completed' ? formatBytes(r.bytes) : '–'}</td>
                  <td className="mono sha" title={r.sha256 ?? ''} data-testid="pack-sha256">
                    {r.sha256 ? `${r.sha256.slice(0, 16)}…` : '–'}
                    {r.sha256 && <CopyButton text={r.sha256} label="Copy" ariaLabel={`Copy the SHA-256 of the ${r.type} pack`} />}
                  </td>
                  <td data-testid="pack-status">{r.status}{r.message ? <div className="muted">{r.message}</div> : null}</td>
                  <td>{formatTime(r.createdAt, zone)}</td>
                  <td>
                    <span className="mono" title={r.outPath}>{r.outPath.split(/[\\/]/).pop()}</span>
                    <CopyButton text={r.outPath} label="Copy path" ariaLabel={`Copy the path of the ${r.type} pack`} />
                  </td>
                  <td className="pack-row-actions">
                    <PackDownload row={r} />
                    <button type="button" disabled={r.status !== 'completed' || verifying !== null} onClick={() => void verify(r)}
                      aria-label={`Verify the ${r.type} pack built ${r.createdAt}`}>
                      {verifying === r.id ? 'Verifying…' : 'Verify'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
