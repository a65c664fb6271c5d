import { z } from 'zod';
import { IntegrityStatusSchema } from '../contract/integrity.js';

/**
 * The normalized audit event (DESIGN.md section 4). Every importer produces exactly this shape, and the CLI's
 * JSONL export writes these field names in this order: they are a public contract other tools read.
 */

export const FORMAT_IDS = [
  'cloudtrail', 'github', 'okta', 'k8s', 'gcp', 'azure-activity', 'entra', 'm365', 'workspace', 'slack', 'auth0',
  'onepassword', 'cloudflare', 'atlassian', 'salesforce', 'entity-csv', 'writeback', 'csv', 'json',
] as const;

export const ACTOR_TYPES = ['user', 'service', 'api_key', 'system', 'unknown'] as const;
export const CATEGORIES = [
  'authentication', 'authorization', 'user_management', 'configuration', 'data_access', 'resource_change', 'export',
  'other',
] as const;
export const OUTCOMES = ['success', 'failure', 'unknown'] as const;
export const SEVERITIES = ['info', 'warning', 'critical'] as const;

export const ActorTypeSchema = z.enum(ACTOR_TYPES);
export type ActorType = z.infer<typeof ActorTypeSchema>;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;
export const OutcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof OutcomeSchema>;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

export const ProvenanceSchema = z.object({
  /** File path, `s3://bucket/key` + ETag, or API URL + cursor. */
  object: z.string(),
  /** SHA-256 (hex) of the whole original object the record came from. */
  objectSha256: z.string().nullable(),
  /** 0-based position of the record in its object (for line-based files: the record's ordinal, see `line`). */
  recordIndex: z.number().int(),
  /** 1-based line where the record starts, for text files. */
  line: z.number().int().nullable().optional(),
  /**
   * CloudTrail log-file integrity verdict of the S3 object the record came from (`s3_objects.integrity`). Set by
   * exports for events from S3 objects the case recorded; absent otherwise (it is not an event column).
   */
  integrity: IntegrityStatusSchema.optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** Fields shown in the table: everything but the raw record and provenance. */
export const EventRowSchema = z.object({
  id: z.string(),
  time: z.string(),
  receivedTime: z.string().nullable(),
  format: z.string(),
  source: z.string(),
  vendorId: z.string().nullable(),
  actor: z.string().nullable(),
  actorType: ActorTypeSchema,
  action: z.string().nullable(),
  category: CategorySchema,
  targetType: z.string().nullable(),
  target: z.string().nullable(),
  outcome: OutcomeSchema,
  severity: SeveritySchema,
  sourceIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  location: z.string().nullable(),
  sessionId: z.string().nullable(),
  summary: z.string(),
  /** Table windows only: the event's top-level vendor attributes (entityVersion...) for attribute columns. */
  attributes: z.record(z.string(), z.string()).optional(),
  /** Table windows only: the analyst's star and tag names on this event (absent when none). */
  starred: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
});
export type EventRow = z.infer<typeof EventRowSchema>;

export const AuditEventSchema = EventRowSchema.extend({
  /** The record exactly as the vendor wrote it (JSON text for JSON sources, a column object for CSV). */
  raw: z.unknown(),
  provenance: ProvenanceSchema,
  /** Importer remarks that qualify the mapping, e.g. "time had no zone; treated as UTC". Not part of JSONL. */
  notes: z.array(z.string()).optional(),
  /** Extra vendor columns worth showing (entityVersion, engineVersion...). Not part of JSONL. */
  attributes: z.record(z.string(), z.string()).optional(),
  /** True when another record in the case carries the same vendor id with different content. */
  idConflict: z.boolean().optional(),
  /** The analyst's star, tags and comments, attached when events are read for an export. Not part of JSONL's core. */
  annotations: z
    .object({
      starred: z.boolean(),
      tags: z.array(z.object({ name: z.string(), description: z.string(), color: z.string() })),
      comments: z.array(z.object({ author: z.string(), at: z.string(), text: z.string() })),
    })
    .optional(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** The JSONL export's field order (DESIGN.md section 4). */
export const EXPORT_FIELDS = [
  'id', 'time', 'receivedTime', 'format', 'source', 'vendorId', 'actor', 'actorType', 'action', 'category',
  'targetType', 'target', 'outcome', 'severity', 'sourceIp', 'userAgent', 'location', 'sessionId', 'summary', 'raw',
  'provenance',
] as const;

/** Table columns a user can show, in default order. */
export const TABLE_COLUMNS = [
  'starred', 'time', 'outcome', 'severity', 'actor', 'action', 'category', 'targetType', 'target', 'sourceIp', 'summary',
  'format', 'source', 'actorType', 'userAgent', 'location', 'sessionId', 'vendorId', 'receivedTime', 'id', 'tags',
] as const satisfies readonly (keyof EventRow)[];
export type TableColumn = (typeof TABLE_COLUMNS)[number];
