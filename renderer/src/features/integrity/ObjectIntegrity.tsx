import { useEffect, useState } from 'react';
import type { S3ObjectRow } from '../../../../shared/contract/integrity.js';
import type { Provenance } from '../../../../shared/model/event.js';
import { api, errorMessage } from '../../api/index.js';
import { FieldList } from '../details/FieldList.js';
import { IntegrityBadge } from './IntegrityBadge.js';

/**
 * For events pulled from S3: the object's ETag, version id and CloudTrail integrity verdict, under the event's
 * provenance (which already shows the s3:// URL and the object's SHA-256). Renders nothing for other sources.
 */
export function ObjectIntegrity({ provenance }: { provenance: Provenance }) {
  const [row, setRow] = useState<S3ObjectRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const isS3 = provenance.object.startsWith('s3://');
  useEffect(() => {
    let live = true;
    setRow(null);
    setError(null);
    if (isS3) {
      api.invoke('integrity:object', { object: provenance.object, sha256: provenance.objectSha256 }).then(
        (r) => live && setRow(r),
        (e: unknown) => live && setError(errorMessage(e)),
      );
    }
    return () => {
      live = false;
    };
  }, [isS3, provenance.object, provenance.objectSha256]);
  if (!isS3) return null;
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!row) return null;
  return (
    <div data-testid="object-integrity">
      <FieldList
        compact
        items={[
          { label: 'ETag', value: row.etag, mono: true },
          { label: 'Version id', value: row.versionId, mono: true },
          { label: 'Content SHA-256', value: row.contentSha256, mono: true },
        ]}
      />
      {/* The verdict is a badge plus CloudTrail's reason, not a filterable value: its own row in the same layout. */}
      <dl className="fields compact">
        <div className="field" data-field="Integrity">
          <dt>Integrity</dt>
          <dd data-testid="object-integrity-status">
            {row.checkedAt ? <IntegrityBadge status={row.integrity} /> : <span className="muted">not validated (import with --validate)</span>}
            {row.checkedAt && row.detail && <span className="integrity-detail">{row.detail}</span>}
          </dd>
        </div>
      </dl>
      <FieldList compact items={[{ label: 'Digest', value: row.digestKey, mono: true }]} />
    </div>
  );
}
