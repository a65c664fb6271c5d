import type { Db } from '../store/open.js';

/**
 * What the S3 and API pulls of other features recorded, where the case has their tables: every S3 object version
 * with its ETag, SHA-256 and CloudTrail integrity verdict, the integrity gaps the last validation found, and each API
 * source's checkpoint and pulls. Request URLs and cursors are left out (they can carry credentials or session state).
 */

const STATEMENTS: { key: string; table: string; sql: string }[] = [
  {
    key: 's3Objects', table: 's3_objects',
    // Every object version with its verdict (`unverified` until a validation run judged it) and when it was judged.
    sql: `SELECT url, etag, version_id AS versionId, sha256, content_sha256 AS contentSha256, bytes, last_modified AS lastModified,
            import_id AS importId, events, integrity, integrity_detail AS integrityDetail, digest_key AS digestKey,
            checked_at AS integrityCheckedAt FROM s3_objects ORDER BY id`,
  },
  {
    key: 's3IntegrityGaps', table: 's3_integrity_gaps',
    sql: `SELECT bucket, trail, kind, start_time AS startTime, end_time AS endTime, detail, checked_at AS checkedAt
          FROM s3_integrity_gaps ORDER BY bucket, trail, start_time, id`,
  },
  { key: 'apiCheckpoints', table: 'checkpoints', sql: `SELECT source, since, high, pages, updated FROM checkpoints ORDER BY source` },
  {
    key: 'apiPulls', table: 'pulls',
    sql: `SELECT source, status, pages, records, inserted, duplicates, rejects, error, started_at AS startedAt,
            finished_at AS finishedAt FROM pulls ORDER BY id`,
  },
];

export function pulledSources(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const s of STATEMENTS) {
    const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(s.table);
    if (!exists) continue;
    try {
      out[s.key] = db.prepare(s.sql).all();
    } catch (err) {
      // A table of that name with another shape (an older or newer feature): say so rather than fail the pack.
      out[s.key] = [{ unreadable: (err as Error).message }];
    }
  }
  return out;
}
