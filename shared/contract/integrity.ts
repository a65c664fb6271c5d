import { z } from 'zod';

/**
 * S3 provenance and CloudTrail log-file integrity, as the UI and the CLI see them. Statuses follow CloudTrail's own
 * validation: `verified` (the object's content hashes to what a digest with a valid signature says), `unverified`
 * (no digest covers it, or the digest's signature could not be checked or did not verify: see `detail`),
 * `mismatch` (the content differs from the digest's hash: modified after delivery), `missing-from-digest` (a digest
 * covers the hour it was delivered in but does not list it: not delivered by CloudTrail).
 */

export const IntegrityStatusSchema = z.enum(['verified', 'unverified', 'mismatch', 'missing-from-digest']);
export type IntegrityStatus = z.infer<typeof IntegrityStatusSchema>;

export const S3ObjectRowSchema = z.object({
  url: z.string(),
  bucket: z.string(),
  key: z.string(),
  etag: z.string(),
  versionId: z.string().nullable(),
  /** SHA-256 of the object's bytes as stored in S3 (the events' provenance hash). */
  sha256: z.string(),
  /** SHA-256 of the decompressed content (what CloudTrail digests list), for gzip objects. */
  contentSha256: z.string().nullable(),
  bytes: z.number(),
  events: z.number().int(),
  integrity: IntegrityStatusSchema,
  detail: z.string().nullable(),
  digestKey: z.string().nullable(),
  pulledAt: z.string(),
  checkedAt: z.string().nullable(),
});
export type S3ObjectRow = z.infer<typeof S3ObjectRowSchema>;

export const IntegrityGapSchema = z.object({
  bucket: z.string(),
  trail: z.string(),
  kind: z.enum(['no-log-file', 'no-digest', 'chain-broken', 'log-file-not-in-case']),
  start: z.string(),
  end: z.string(),
  detail: z.string(),
});
export type IntegrityGap = z.infer<typeof IntegrityGapSchema>;

export const DigestRowSchema = z.object({
  bucket: z.string(),
  key: z.string(),
  trail: z.string(),
  start: z.string(),
  end: z.string(),
  logFiles: z.number().int(),
  signature: z.enum(['valid', 'invalid', 'no-key', 'unsigned']),
  chain: z.enum(['linked', 'start', 'broken']),
  detail: z.string().nullable(),
});
export type DigestRow = z.infer<typeof DigestRowSchema>;

export const IntegritySummarySchema = z.object({
  objects: z.number().int(),
  byStatus: z.record(IntegrityStatusSchema, z.number().int()),
  digests: z.number().int(),
  digestsBySignature: z.record(z.enum(['valid', 'invalid', 'no-key', 'unsigned']), z.number().int()),
  brokenLinks: z.number().int(),
  gaps: z.number().int(),
  lastChecked: z.string().nullable(),
});
export type IntegritySummary = z.infer<typeof IntegritySummarySchema>;

export const integrityChannels = {
  /** Summary, gaps, and the objects that are not `verified` first (or those of one status). */
  'integrity:list': {
    input: z.object({
      status: IntegrityStatusSchema.optional(),
      limit: z.number().int().min(1).max(10_000).default(200),
    }),
    output: z.object({
      summary: IntegritySummarySchema,
      objects: z.array(S3ObjectRowSchema),
      gaps: z.array(IntegrityGapSchema),
      digests: z.array(DigestRowSchema),
    }),
  },
  /** The S3 object an event came from (its provenance object + SHA-256), or null for other sources. */
  'integrity:object': {
    input: z.object({ object: z.string().min(1), sha256: z.string().nullable() }),
    output: S3ObjectRowSchema.nullable(),
  },
} as const;
