import type {
  DigestRow, IntegrityGap, IntegrityStatus, IntegritySummary, S3ObjectRow,
} from '../../../../shared/contract/integrity.js';
import type { Db } from '../open.js';

/** S3 provenance and CloudTrail integrity verdicts (migration 0007). */

export interface S3ObjectRecord {
  bucket: string;
  key: string;
  url: string;
  etag: string;
  versionId: string | null;
  sha256: string;
  contentSha256: string | null;
  bytes: number;
  lastModified: string | null;
  importId: number | null;
}

/**
 * Records objects brought into the case. The same bytes pulled again (a resumed pull, a lost checkpoint) keep their
 * row and verdict; only the ETag/version seen last and a missing content hash are refreshed. `events` is recounted
 * from the import log (every attempt that imported this object's bytes, including one cut short by a cancel), so
 * it stays exact whichever way the object came in.
 */
export function recordS3Objects(db: Db, objects: S3ObjectRecord[]): void {
  if (objects.length === 0) return;
  const now = new Date().toISOString();
  const eventsOf = `(SELECT COALESCE(SUM(inserted), 0) FROM imports WHERE sha256 = @sha256 AND object = @url)`;
  const stmt = db.prepare(
    `INSERT INTO s3_objects (bucket, key, url, etag, version_id, sha256, content_sha256, bytes, last_modified, import_id,
       events, pulled_at)
     VALUES (@bucket, @key, @url, @etag, @versionId, @sha256, @contentSha256, @bytes, @lastModified, @importId, ${eventsOf}, @now)
     ON CONFLICT (bucket, key, sha256) DO UPDATE SET etag = excluded.etag, version_id = excluded.version_id,
       content_sha256 = COALESCE(s3_objects.content_sha256, excluded.content_sha256),
       import_id = COALESCE(s3_objects.import_id, excluded.import_id), events = ${eventsOf}`,
  );
  db.transaction(() => {
    for (const o of objects) {
      stmt.run({ ...o, now });
    }
  })();
}

const OBJECT_COLUMNS = `url, bucket, key, etag, version_id AS versionId, sha256, content_sha256 AS contentSha256, bytes,
  events, integrity, integrity_detail AS detail, digest_key AS digestKey, pulled_at AS pulledAt, checked_at AS checkedAt`;

/** Objects of a bucket under a key prefix (what a validation run judges). */
export function s3ObjectsUnder(db: Db, bucket: string, prefix: string): (S3ObjectRow & { id: number })[] {
  return db
    .prepare(`SELECT id, ${OBJECT_COLUMNS} FROM s3_objects WHERE bucket = ? AND substr(key, 1, ?) = ? ORDER BY key`)
    .all(bucket, prefix.length, prefix) as (S3ObjectRow & { id: number })[];
}

export function s3ObjectFor(db: Db, url: string, sha256: string | null): S3ObjectRow | null {
  const row = sha256
    ? db.prepare(`SELECT ${OBJECT_COLUMNS} FROM s3_objects WHERE url = ? AND sha256 = ?`).get(url, sha256)
    : db.prepare(`SELECT ${OBJECT_COLUMNS} FROM s3_objects WHERE url = ? ORDER BY id DESC LIMIT 1`).get(url);
  return (row as S3ObjectRow | undefined) ?? null;
}

/**
 * Every recorded object's integrity verdict keyed by `url` + NUL + `sha256`, exactly as events' provenance names
 * their object (`prov_object`, `prov_sha256`): a verdict belongs to one version of an object, never to another.
 */
export function integrityByObject(db: Db): Map<string, IntegrityStatus> {
  const rows = db.prepare(`SELECT url, sha256, integrity FROM s3_objects`).all() as { url: string; sha256: string; integrity: IntegrityStatus }[];
  return new Map(rows.map((r) => [objectKey(r.url, r.sha256), r.integrity]));
}

export function objectKey(url: string, sha256: string): string {
  return `${url}\u0000${sha256}`;
}

export interface Verdict {
  id: number;
  integrity: IntegrityStatus;
  detail: string | null;
  digestKey: string | null;
}

export function setVerdicts(db: Db, verdicts: Verdict[]): void {
  const now = new Date().toISOString();
  const stmt = db.prepare(`UPDATE s3_objects SET integrity = ?, integrity_detail = ?, digest_key = ?, checked_at = ? WHERE id = ?`);
  db.transaction(() => {
    for (const v of verdicts) stmt.run(v.integrity, v.detail, v.digestKey, now, v.id);
  })();
}

/** A digest as judged by a validation run; `sha256` is the hash of its decompressed content. */
export type DigestFinding = DigestRow & { sha256: string };

/**
 * Records a validation of one trail over `span` (ISO times): its digests' verdicts, and its gaps, replacing the gaps
 * an earlier validation found inside that span (those outside it, from other ranges, are kept).
 */
export function replaceTrailFindings(
  db: Db,
  bucket: string,
  trail: string,
  span: { start: string; end: string },
  digests: DigestFinding[],
  gaps: IntegrityGap[],
): void {
  const now = new Date().toISOString();
  const putDigest = db.prepare(
    `INSERT INTO s3_digests (bucket, key, trail, start_time, end_time, sha256, log_files, signature, chain, detail, checked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (bucket, key) DO UPDATE SET signature = excluded.signature, chain = excluded.chain,
       detail = excluded.detail, sha256 = excluded.sha256, log_files = excluded.log_files, checked_at = excluded.checked_at`,
  );
  const putGap = db.prepare(
    `INSERT INTO s3_integrity_gaps (bucket, trail, kind, start_time, end_time, detail, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    db.prepare(
      `DELETE FROM s3_integrity_gaps WHERE bucket = ? AND trail = ? AND (start_time = '' OR (start_time < ? AND end_time >= ?))`,
    ).run(bucket, trail, span.end, span.start);
    for (const d of digests) {
      putDigest.run(bucket, d.key, trail, d.start, d.end, d.sha256, d.logFiles,
        d.signature, d.chain, d.detail, now);
    }
    for (const g of gaps) putGap.run(bucket, trail, g.kind, g.start, g.end, g.detail, now);
  })();
}

export function integritySummary(db: Db): IntegritySummary {
  const byStatus: IntegritySummary['byStatus'] = { verified: 0, unverified: 0, mismatch: 0, 'missing-from-digest': 0 };
  for (const r of db.prepare(`SELECT integrity AS s, COUNT(*) AS n FROM s3_objects GROUP BY integrity`).all() as { s: IntegrityStatus; n: number }[]) {
    byStatus[r.s] = r.n;
  }
  const digestsBySignature: IntegritySummary['digestsBySignature'] = { valid: 0, invalid: 0, 'no-key': 0, unsigned: 0 };
  for (const r of db.prepare(`SELECT signature AS s, COUNT(*) AS n FROM s3_digests GROUP BY signature`).all() as { s: DigestRow['signature']; n: number }[]) {
    digestsBySignature[r.s] = r.n;
  }
  const one = (sql: string) => (db.prepare(sql).get() as { n: number | string | null }).n;
  return {
    objects: Object.values(byStatus).reduce((a, b) => a + b, 0),
    byStatus,
    digests: Object.values(digestsBySignature).reduce((a, b) => a + b, 0),
    digestsBySignature,
    brokenLinks: one(`SELECT COUNT(*) AS n FROM s3_digests WHERE chain = 'broken'`) as number,
    gaps: one(`SELECT COUNT(*) AS n FROM s3_integrity_gaps`) as number,
    lastChecked: one(`SELECT MAX(checked_at) AS n FROM s3_objects`) as string | null,
  };
}

/** Objects of one status, or (without one) every object that is not `verified`, problems first. */
export function listS3Objects(db: Db, status: IntegrityStatus | undefined, limit: number): S3ObjectRow[] {
  const rank = `CASE integrity WHEN 'mismatch' THEN 0 WHEN 'missing-from-digest' THEN 1 WHEN 'unverified' THEN 2 ELSE 3 END`;
  return (
    status
      ? db.prepare(`SELECT ${OBJECT_COLUMNS} FROM s3_objects WHERE integrity = ? ORDER BY key LIMIT ?`).all(status, limit)
      : db.prepare(`SELECT ${OBJECT_COLUMNS} FROM s3_objects WHERE integrity != 'verified' ORDER BY ${rank}, key LIMIT ?`).all(limit)
  ) as S3ObjectRow[];
}

export function listGaps(db: Db, limit: number): IntegrityGap[] {
  return db
    .prepare(`SELECT bucket, trail, kind, start_time AS start, end_time AS end, detail FROM s3_integrity_gaps
              ORDER BY bucket, trail, start_time, kind LIMIT ?`)
    .all(limit) as IntegrityGap[];
}

/** Digests whose signature did not verify or whose chain link is broken (the valid ones are only counted). */
export function listProblemDigests(db: Db, limit: number): DigestRow[] {
  return db
    .prepare(`SELECT bucket, key, trail, start_time AS start, end_time AS end, log_files AS logFiles, signature, chain, detail
              FROM s3_digests WHERE signature != 'valid' OR chain = 'broken' ORDER BY bucket, trail, end_time LIMIT ?`)
    .all(limit) as DigestRow[];
}

/** Every object with its verdict, in key order (the integrity export). */
export function* iterateS3Objects(db: Db): Generator<S3ObjectRow> {
  yield* db.prepare(`SELECT ${OBJECT_COLUMNS} FROM s3_objects ORDER BY bucket, key, id`).iterate() as IterableIterator<S3ObjectRow>;
}
