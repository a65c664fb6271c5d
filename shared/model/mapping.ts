import { z } from 'zod';

/**
 * A named field mapping for JSON or CSV records that no format module recognises: which field holds the time, the
 * actor, the action... Field names may use dots for nested JSON (`client.ip`). Only `time` is required.
 */
export const MAPPED_FIELDS = [
  'time', 'actor', 'actorType', 'action', 'category', 'targetType', 'target', 'outcome', 'severity', 'sourceIp',
  'userAgent', 'location', 'sessionId', 'vendorId', 'summary',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

const fieldName = z.string().min(1).max(200);

export const MappingProfileSchema = z.object({
  name: z.string().max(200).optional(),
  fields: z
    .object({ time: fieldName })
    .extend(Object.fromEntries(MAPPED_FIELDS.filter((f) => f !== 'time').map((f) => [f, fieldName.optional()])) as Record<
      Exclude<(typeof MAPPED_FIELDS)[number], 'time'>,
      z.ZodOptional<typeof fieldName>
    >)
    .strict(),
  /**
   * The outcome field's own words for success and failure (`"OK"`, `"DENIED"`...), compared case-insensitively.
   * A value in neither list stays `unknown`; without lists the usual words (success, failed, true, HTTP codes) apply.
   */
  outcomeValues: z
    .object({ success: z.array(z.string().max(200)).max(50), failure: z.array(z.string().max(200)).max(50) })
    .optional(),
});
export type MappingProfile = z.infer<typeof MappingProfileSchema>;
