import type { AuditEvent } from '../../../shared/model/event.js';
import type { Db } from '../store/open.js';
import { integrityByObject, objectKey } from '../store/queries/s3-objects.js';

/**
 * Exported events carry the CloudTrail integrity verdict of the S3 object they came from as `provenance.integrity`
 * (JSON and JSONL; the CSV's provenance cell keeps its documented `object#recordIndex` form). The verdicts are read
 * once, when the export starts, so one file states one validation's view; events from files, uploads and APIs, and
 * from S3 objects the case has no row for, get no key.
 */
export function* withS3Integrity(db: Db, events: Iterable<AuditEvent>): Generator<AuditEvent> {
  const verdicts = integrityByObject(db);
  if (verdicts.size === 0) {
    yield* events;
    return;
  }
  for (const event of events) {
    const p = event.provenance;
    const integrity = p.objectSha256 && p.object.startsWith('s3://') ? verdicts.get(objectKey(p.object, p.objectSha256)) : undefined;
    yield integrity ? { ...event, provenance: { ...p, integrity } } : event;
  }
}
