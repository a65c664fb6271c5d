import type { IntegrityStatus } from '../../../../shared/contract/integrity.js';
import './integrity.css';

const LABELS: Record<IntegrityStatus, string> = {
  verified: 'Verified',
  unverified: 'Unverified',
  mismatch: 'Mismatch',
  'missing-from-digest': 'Missing from digest',
};

/** The CloudTrail integrity verdict of an S3 object, coloured by severity. */
export function IntegrityBadge({ status }: { status: IntegrityStatus }) {
  return (
    <span className={`integrity integrity-${status}`} data-testid="integrity-badge" data-status={status}>
      {LABELS[status]}
    </span>
  );
}
