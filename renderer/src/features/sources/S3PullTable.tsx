import type { PullRow } from '../../../../shared/contract/sources.js';
import { formatInt } from '../../lib/format.js';
import { formatTime } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';

/** CloudTrail validation of one pull in a line: verdicts, digest signatures, chain and gaps. */
function integrityText(v: NonNullable<NonNullable<PullRow['s3']>['integrity']>): string {
  return `${formatInt(v.verified)} verified, ${formatInt(v.unverified)} unverified, ${formatInt(v.mismatch)} mismatch, ` +
    `${formatInt(v.missingFromDigest)} missing from digest · ${formatInt(v.digests)} digests (${formatInt(v.invalidSignatures)} bad signatures, ` +
    `${formatInt(v.uncheckedSignatures)} unchecked) · ${formatInt(v.brokenLinks)} broken links · ${formatInt(v.gaps)} gaps`;
}

/** The pulls of an S3 source: objects fetched, skipped as unchanged, failed (reasons in the objects below), events. */
export function S3PullTable({ name, pulls }: { name: string; pulls: PullRow[] }) {
  const zone = useZone();
  const validated = pulls.some((p) => p.s3?.integrity);
  return (
    <table className="plain" data-testid="pull-history" aria-label={`Pulls of ${name}`}>
      <thead>
        <tr>
          <th>Started</th><th>Status</th><th className="num">Objects</th><th className="num">Skipped</th>
          <th className="num">Failed</th><th className="num">Events</th><th className="num">Dupes</th>
          {validated && <th>Integrity</th>}<th>Error</th>
        </tr>
      </thead>
      <tbody>
        {pulls.length === 0 && <tr><td colSpan={validated ? 9 : 8} className="muted">Never pulled.</td></tr>}
        {pulls.map((p) => (
          <tr key={p.id} data-testid="pull-row" className={p.status === 'failed' || (p.s3?.failed ?? 0) > 0 ? 'is-failed' : ''}>
            <td>{formatTime(p.startedAt, zone)}</td><td>{p.status}</td>
            <td className="num">{formatInt(p.s3?.objects ?? p.pages)}</td>
            <td className="num" title="unchanged since the last pull (same key and ETag): not fetched again">{p.s3 ? formatInt(p.s3.skipped) : '…'}</td>
            <td className="num">{p.s3 ? formatInt(p.s3.failed) : '…'}</td>
            <td className="num">{formatInt(p.inserted)}</td><td className="num">{formatInt(p.duplicates)}</td>
            {validated && <td data-testid="pull-integrity">{p.s3?.integrity ? integrityText(p.s3.integrity) : 'not validated'}</td>}
            <td className="error-cell">{p.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
