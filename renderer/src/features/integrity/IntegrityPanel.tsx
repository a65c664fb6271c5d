import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/channels.js';
import type { IntegrityStatus } from '../../../../shared/contract/integrity.js';
import { api, errorMessage } from '../../api/index.js';
import { Dialog } from '../../components/Dialog.js';
import { formatInt } from '../../lib/format.js';
import { formatTime } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { IntegrityBadge } from './IntegrityBadge.js';

type Result = ChannelOutput<'integrity:list'>;
const STATUSES: IntegrityStatus[] = ['verified', 'unverified', 'mismatch', 'missing-from-digest'];

/** CloudTrail log-file integrity of the case's S3 objects: counts, the objects that are not verified, the gaps. */
export function IntegrityPanel({ onClose }: { onClose: () => void }) {
  const zone = useZone();
  const [data, setData] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.invoke('integrity:list', { limit: 500 }).then(setData, (e: unknown) => setError(errorMessage(e)));
  }, []);
  const s = data?.summary;
  return (
    <Dialog title="Log-file integrity" onClose={onClose} className="integrity-dialog" testId="integrity-panel">
      {error && <p className="error" role="alert">{error}</p>}
      {s && s.objects === 0 && <p>No S3 objects in this case. Pull a CloudTrail bucket with <code>auditlens import s3://… --validate</code>.</p>}
      {s && s.objects > 0 && (
        <>
          <ul className="integrity-counts" aria-label="Objects by integrity status">
            {STATUSES.map((st) => (
              <li key={st} data-testid={`integrity-count-${st}`}>
                <IntegrityBadge status={st} /> {formatInt(s.byStatus[st])}
              </li>
            ))}
          </ul>
          <p className="muted">
            {formatInt(s.digests)} digests: {formatInt(s.digestsBySignature.valid)} with a valid signature,{' '}
            {formatInt(s.digestsBySignature.invalid)} invalid, {formatInt(s.digestsBySignature['no-key'])} not checked (no public key),{' '}
            {formatInt(s.digestsBySignature.unsigned)} unsigned; {formatInt(s.brokenLinks)} broken chain links.{' '}
            {s.lastChecked ? `Last validated ${formatTime(s.lastChecked, zone)}.` : 'Never validated.'}
          </p>
          <h3>Gaps ({formatInt(s.gaps)})</h3>
          <table className="plain" aria-label="Integrity gaps" data-testid="integrity-gaps">
            <thead>
              <tr><th>Kind</th><th>Trail</th><th>From</th><th>To</th><th>Detail</th></tr>
            </thead>
            <tbody>
              {data.gaps.map((g, i) => (
                <tr key={i}>
                  <td>{g.kind}</td><td className="mono">{g.trail}</td><td>{formatTime(g.start, zone)}</td>
                  <td>{formatTime(g.end, zone)}</td><td className="detail">{g.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Objects not verified</h3>
          <table className="plain" aria-label="Objects not verified" data-testid="integrity-objects">
            <thead>
              <tr><th>Status</th><th>Object</th><th className="num">Events</th><th>Detail</th></tr>
            </thead>
            <tbody>
              {data.objects.map((o) => (
                <tr key={`${o.url}#${o.sha256}`}>
                  <td><IntegrityBadge status={o.integrity} /></td><td className="mono">{o.key}</td>
                  <td className="num">{formatInt(o.events)}</td><td className="detail">{o.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Dialog>
  );
}
