import { useEffect, useState } from 'react';
import type { ImportRow } from '../../../../shared/contract/channels.js';
import type { PullRow } from '../../../../shared/contract/sources.js';
import { api, errorMessage } from '../../api/index.js';
import { formatBytes, formatInt } from '../../lib/format.js';
import { formatTime } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { S3PullTable } from './S3PullTable.js';

/**
 * A source's pulls (counts, errors) and every page or object they fetched (one import row each: URL + cursor, or
 * s3://bucket/key; a failed object's row says why).
 */
export function SourceHistory({ name, baseUrl, version, s3 = false }: { name: string; baseUrl: string; version: number; s3?: boolean }) {
  // The base URL is the same on every row: show what differs (path, cursor, page), the whole URL on hover.
  const short = (object: string) => (object.startsWith(baseUrl) ? object.slice(baseUrl.replace(/\/+$/, '').length) || '/' : object);
  const zone = useZone();
  const [history, setHistory] = useState<{ pulls: PullRow[]; pages: ImportRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    api.invoke('source:history', { name, limit: 200 }).then(setHistory, (e: unknown) => setError(errorMessage(e)));
  }, [name, version]);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!history) return <p className="muted">Loading…</p>;
  return (
    <>
      <h3>Pull history</h3>
      {s3 ? <S3PullTable name={name} pulls={history.pulls} /> : <table className="plain" data-testid="pull-history" aria-label={`Pulls of ${name}`}>
        <thead>
          <tr>
            <th>Started</th><th>Status</th><th className="num">Pages</th><th className="num">Records</th>
            <th className="num">New</th><th className="num">Dupes</th><th className="num">Rejects</th><th>Error</th>
          </tr>
        </thead>
        <tbody>
          {history.pulls.length === 0 && <tr><td colSpan={8} className="muted">Never pulled.</td></tr>}
          {history.pulls.map((p) => (
            <tr key={p.id} data-testid="pull-row" className={p.status === 'failed' ? 'is-failed' : ''}>
              <td>{formatTime(p.startedAt, zone)}</td><td>{p.status}</td><td className="num">{formatInt(p.pages)}</td>
              <td className="num">{formatInt(p.records)}</td><td className="num">{formatInt(p.inserted)}</td>
              <td className="num">{formatInt(p.duplicates)}</td><td className="num">{formatInt(p.rejects)}</td>
              <td className="error-cell">{p.error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>}
      <h3>{s3 ? 'Objects' : 'Pages'}</h3>
      <div className="log-scroll">
        <table className="plain page-history" data-testid="page-history" aria-label={s3 ? `Objects of ${name}` : `Pages of ${name}`}>
          <thead>
            <tr>
              <th>{s3 ? 'Object (key)' : 'Request (path + cursor)'}</th><th>Status</th><th className="num">Size</th><th className="num">Records</th>
              <th className="num">New</th><th className="num">Dupes</th><th className="num">Rejects</th><th>Message</th>
            </tr>
          </thead>
          <tbody>
            {history.pages.map((r) => (
              <tr key={r.id} data-testid="page-row">
                <td className="mono ellipsis" title={`${r.object}${r.sha256 ? `\nsha256 ${r.sha256}` : ''}`}>{short(r.object)}</td>
                <td>{r.status}</td><td className="num">{formatBytes(r.bytes)}</td><td className="num">{formatInt(r.records)}</td>
                <td className="num">{formatInt(r.inserted)}</td><td className="num">{formatInt(r.duplicates)}</td>
                <td className="num">{formatInt(r.rejects)}</td><td className="ellipsis" title={r.message ?? ''}>{r.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
