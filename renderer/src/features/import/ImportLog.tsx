import { useEffect, useState } from 'react';
import type { ImportRow, RejectRow } from '../../../../shared/contract/channels.js';
import { api, errorMessage } from '../../api/index.js';
import { Dialog } from '../../components/Dialog.js';
import { formatBytes, formatInt } from '../../lib/format.js';
import { formatTime } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { SourceCoverage } from './SourceCoverage.js';

interface Props {
  onClose: () => void;
  version: number;
}

/** Every object imported into the case and what could not be parsed (nothing is dropped silently). */
export function ImportLog({ onClose, version }: Props) {
  const zone = useZone();
  const [imports, setImports] = useState<ImportRow[] | null>(null);
  const [rejects, setRejects] = useState<RejectRow[] | null>(null);
  const [importId, setImportId] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.invoke('imports:list', { limit: 1000 }).then(setImports, (e: unknown) => setError(errorMessage(e)));
  }, [version]);

  useEffect(() => {
    let live = true;
    setRejects(null);
    const input = importId === undefined ? { limit: 1000 } : { importId, limit: 1000 };
    api.invoke('rejects:list', input).then(
      (r) => live && setRejects(r),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [importId, version]);

  const selected = imports?.find((i) => i.id === importId);
  return (
    <Dialog title="Import log" onClose={onClose} className="import-log" testId="import-log">
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="log-scroll">
        <table className="plain" data-testid="imports-table">
          <thead>
            <tr>
              <th>Object</th>
              <th>Format</th>
              <th>Status</th>
              <th className="num">Size</th>
              <th className="num">Records</th>
              <th className="num">Inserted</th>
              <th className="num">Dupes</th>
              <th className="num">Conflicts</th>
              <th className="num">Rejects</th>
              <th>Started</th>
            </tr>
          </thead>
          <tbody>
            {imports?.length === 0 && (
              <tr>
                <td colSpan={10} className="muted">
                  Nothing imported yet.
                </td>
              </tr>
            )}
            {imports?.map((r) => (
              <tr
                key={r.id}
                className={r.id === importId ? 'is-selected' : ''}
                onClick={() => setImportId(r.id === importId ? undefined : r.id)}
                data-testid="import-row"
              >
                <td className="mono ellipsis" title={`${r.object}${r.sha256 ? `\nsha256 ${r.sha256}` : ''}`}>
                  {r.object}
                </td>
                <td>{r.format ?? '—'}</td>
                <td title={r.message ?? undefined}>
                  <span className={`status status-${r.status}`}>{r.status}</span>
                </td>
                <td className="num">{formatBytes(r.bytes)}</td>
                <td className="num">{formatInt(r.records)}</td>
                <td className="num">{formatInt(r.inserted)}</td>
                <td className="num">{formatInt(r.duplicates)}</td>
                <td className="num">{formatInt(r.conflicts)}</td>
                <td className="num">
                  {r.rejects > 0 ? (
                    <button
                      type="button"
                      className="link"
                      onClick={(e) => {
                        e.stopPropagation();
                        setImportId(r.id);
                      }}
                    >
                      {formatInt(r.rejects)}
                    </button>
                  ) : (
                    '0'
                  )}
                </td>
                <td className="nowrap">{formatTime(r.startedAt, zone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <SourceCoverage version={version} />
      <h3>
        Rejects {selected ? `in ${selected.object}` : '(all imports)'}
        {importId !== undefined && (
          <button type="button" className="link" onClick={() => setImportId(undefined)}>
            show all
          </button>
        )}
      </h3>
      <div className="log-scroll">
        <table className="plain" data-testid="rejects-table">
          <thead>
            <tr>
              <th>File</th>
              <th className="num">Line</th>
              <th>Reason</th>
              <th>Excerpt</th>
            </tr>
          </thead>
          <tbody>
            {rejects === null && (
              <tr>
                <td colSpan={4} className="muted">
                  Loading…
                </td>
              </tr>
            )}
            {rejects?.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  No rejects.
                </td>
              </tr>
            )}
            {rejects?.map((r) => (
              <tr key={r.id} data-testid="reject-row">
                <td className="mono ellipsis" title={r.object}>
                  {r.object}
                </td>
                <td className="num">{r.line ?? (r.recordIndex !== null ? `#${r.recordIndex}` : '—')}</td>
                <td>{r.reason}</td>
                <td className="mono excerpt" title={r.excerpt}>
                  {r.excerpt}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Dialog>
  );
}
