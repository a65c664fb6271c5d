import { z } from 'zod';
import { EventRowSchema } from '../model/event.js';
import { MappingProfileSchema } from '../model/mapping.js';

/**
 * Channels of the field mapping editor: preview a file through a mapping (fields, example values, the first rows
 * normalized with per-row errors) and the case's saved, named mapping profiles.
 */

/** Profiles saved in the case carry a name (the CLI's `--mapping NAME`). */
export const NamedMappingProfileSchema = MappingProfileSchema.extend({ name: z.string().trim().min(1).max(200) });
export type NamedMappingProfile = z.infer<typeof NamedMappingProfileSchema>;

export const SavedMappingSchema = z.object({
  name: z.string(),
  profile: NamedMappingProfileSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedMapping = z.infer<typeof SavedMappingSchema>;

/** A field of the file (CSV column, or JSON key with dots into nested objects) and values from the first rows. */
export const PreviewFieldSchema = z.object({
  name: z.string(),
  /** Up to three distinct example values, as text (long values cut). */
  examples: z.array(z.string()),
  /** In how many of the previewed records the field has a value. */
  present: z.number().int(),
});
export type PreviewField = z.infer<typeof PreviewFieldSchema>;

/** The normalized fields a preview row shows (the event as the import would store it, minus raw and provenance). */
export const PreviewEventSchema = EventRowSchema.pick({
  time: true, actor: true, actorType: true, action: true, category: true, targetType: true, target: true,
  outcome: true, severity: true, sourceIp: true, userAgent: true, location: true, sessionId: true, vendorId: true,
  summary: true,
}).extend({ notes: z.array(z.string()) });
export type PreviewEvent = z.infer<typeof PreviewEventSchema>;

export const PreviewRowSchema = z.object({
  /** 0-based record index within the file (or zip entry), 1-based line where the reader knows it. */
  recordIndex: z.number().int().nullable(),
  line: z.number().int().nullable(),
  /** The normalized event, or null when the record was rejected (then `error` says why). */
  event: PreviewEventSchema.nullable(),
  error: z.string().nullable(),
});
export type PreviewRow = z.infer<typeof PreviewRowSchema>;

export const MappingPreviewSchema = z.object({
  /** The object previewed (the file, or the first entry of a zip). */
  object: z.string(),
  kind: z.enum(['json', 'csv']),
  /** What detection would pick without a mapping (a vendor id, or `json`/`csv` for the generic reader). */
  detectedFormat: z.string().nullable(),
  detectedLabel: z.string().nullable(),
  fields: z.array(PreviewFieldSchema),
  /** Field names a generic reader would pick (mapped field -> file field): a starting point, never applied unasked. */
  suggested: z.record(z.string(), z.string()),
  rows: z.array(PreviewRowSchema),
  /** True when the file has more records than were read. */
  truncated: z.boolean(),
});
export type MappingPreview = z.infer<typeof MappingPreviewSchema>;

export const mappingChannels = {
  /**
   * Reads only the first `limit` records (streaming, the import's own readers) of a local or uploaded file and
   * normalizes them through `mapping` exactly as an import with that mapping would.
   */
  'mapping:preview': {
    input: z.object({
      path: z.string().min(1),
      /** Display name (uploaded files keep their original name). */
      name: z.string().optional(),
      mapping: MappingProfileSchema.optional(),
      limit: z.number().int().min(1).max(200).default(20),
    }),
    output: MappingPreviewSchema,
  },
  'mapping:list': { input: z.object({}), output: z.array(SavedMappingSchema) },
  /** Creates or replaces the profile of that name. */
  'mapping:save': { input: z.object({ profile: NamedMappingProfileSchema }), output: SavedMappingSchema },
  'mapping:delete': { input: z.object({ name: z.string().min(1) }), output: z.object({ deleted: z.boolean() }) },
} as const;
