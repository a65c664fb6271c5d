import type { Migration } from './index.js';

/**
 * S3 provenance and CloudTrail log-file integrity. `s3_objects`: one row per object version brought into the case
 * (bucket + key + SHA-256 of the bytes: a changed object is a new row), with its ETag, version id, the SHA-256 of the
 * decompressed content (what CloudTrail digests hash), how many events it added, and its integrity status.
 * Events find their object through `prov_object` (`s3://bucket/key`) + `prov_sha256`.
 * `s3_digests`: every CloudTrail digest file read during a validation, with its signature and chain verdicts.
 * `s3_integrity_gaps`: what the last validation of a trail found missing (hours without a log file or a digest,
 * broken chain links, log files a digest lists that are not in the case). Replaced per trail on every validation.
 */
export const migration0007: Migration = {
  version: 7,
  name: 's3-objects',
  up: `
    CREATE TABLE s3_objects (
      id               INTEGER PRIMARY KEY,
      bucket           TEXT NOT NULL,
      key              TEXT NOT NULL,
      url              TEXT NOT NULL,
      etag             TEXT NOT NULL,
      version_id       TEXT,
      sha256           TEXT NOT NULL,
      content_sha256   TEXT,
      bytes            INTEGER NOT NULL,
      last_modified    TEXT,
      import_id        INTEGER REFERENCES imports(id),
      events           INTEGER NOT NULL DEFAULT 0,
      integrity        TEXT NOT NULL DEFAULT 'unverified'
                       CHECK (integrity IN ('verified','unverified','mismatch','missing-from-digest')),
      integrity_detail TEXT,
      digest_key       TEXT,
      pulled_at        TEXT NOT NULL,
      checked_at       TEXT,
      UNIQUE (bucket, key, sha256)
    ) STRICT;
    CREATE INDEX s3_objects_by_url ON s3_objects(url, sha256);

    CREATE TABLE s3_digests (
      id                 INTEGER PRIMARY KEY,
      bucket             TEXT NOT NULL,
      key                TEXT NOT NULL,
      trail              TEXT NOT NULL,
      start_time         TEXT NOT NULL,
      end_time           TEXT NOT NULL,
      sha256             TEXT NOT NULL,
      log_files          INTEGER NOT NULL,
      signature          TEXT NOT NULL CHECK (signature IN ('valid','invalid','no-key','unsigned')),
      chain              TEXT NOT NULL CHECK (chain IN ('linked','start','broken')),
      detail             TEXT,
      checked_at         TEXT NOT NULL,
      UNIQUE (bucket, key)
    ) STRICT;

    CREATE TABLE s3_integrity_gaps (
      id          INTEGER PRIMARY KEY,
      bucket      TEXT NOT NULL,
      trail       TEXT NOT NULL,
      kind        TEXT NOT NULL CHECK (kind IN ('no-log-file','no-digest','chain-broken','log-file-not-in-case')),
      start_time  TEXT NOT NULL,
      end_time    TEXT NOT NULL,
      detail      TEXT NOT NULL,
      checked_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX s3_integrity_gaps_by_bucket_trail ON s3_integrity_gaps(bucket, trail);
  `,
};
