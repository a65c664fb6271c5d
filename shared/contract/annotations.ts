import { z } from 'zod';

/**
 * The analyst's annotations on events (stars, tags with description and colour, comments with author and time),
 * and the facets of a result (top values with counts per field). Annotations live in the case, are journaled,
 * searchable (tag:x, is:starred, has:comment, comment:word) and travel with every export.
 */

const EventId = z.string().min(1).max(500);
export const TagNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\s"():*]+$/, 'a tag name has no spaces, quotes, parentheses, colons or *');
export const TagColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');

export const TagDefSchema = z.object({
  name: z.string(),
  description: z.string(),
  color: z.string(),
});
export type TagDef = z.infer<typeof TagDefSchema>;

export const TagSummarySchema = TagDefSchema.extend({ events: z.number().int() });
export type TagSummary = z.infer<typeof TagSummarySchema>;

export const CommentSchema = z.object({
  id: z.number().int(),
  author: z.string(),
  at: z.string(),
  text: z.string(),
  /** When the current text replaced an earlier one (null: never edited). */
  editedAt: z.string().nullable(),
  /** How many texts the comment has had (1: never edited); earlier ones via annotations:comment-history. */
  versions: z.number().int(),
  /** True when the comment's author is the user of this Auditlens (only the author may edit or delete it). */
  mine: z.boolean(),
});
export type Comment = z.infer<typeof CommentSchema>;

export const EventAnnotationsSchema = z.object({
  eventId: z.string(),
  starred: z.boolean(),
  tags: z.array(TagDefSchema),
  comments: z.array(CommentSchema),
});
export type EventAnnotations = z.infer<typeof EventAnnotationsSchema>;

export const AnnotationImportSummarySchema = z.object({
  lines: z.number().int(),
  events: z.number().int(),
  missing: z.number().int(),
  stars: z.number().int(),
  tags: z.number().int(),
  comments: z.number().int(),
  /** Comments in the file that were deleted in this case: not brought back. */
  deletedComments: z.number().int(),
  problems: z.array(z.string()),
});
export type AnnotationImportSummary = z.infer<typeof AnnotationImportSummarySchema>;

export const FACET_FIELDS = ['actor', 'action', 'category', 'target', 'targetType', 'outcome', 'severity', 'ip', 'source', 'format'] as const;
export const FacetFieldSchema = z.enum(FACET_FIELDS);
export type FacetField = z.infer<typeof FacetFieldSchema>;

export const FacetsSchema = z.object({
  /** Per field: values most frequent first; `value` null counts events without one. */
  fields: z.array(
    z.object({
      field: FacetFieldSchema,
      values: z.array(z.object({ value: z.string().nullable(), count: z.number().int() })),
      /** Distinct values seen beyond `limit`. */
      more: z.boolean(),
    }),
  ),
  /** Events the counts describe (the result size, or an estimate of it when approximate). */
  total: z.number().int(),
  /** True when counts were scaled up from a systematic sample of a large result; `exact: true` asks for all rows. */
  approximate: z.boolean(),
  sampled: z.number().int(),
});
export type Facets = z.infer<typeof FacetsSchema>;

const tagInput = z.object({ eventId: EventId, tag: TagNameSchema });

export const annotationChannels = {
  'annotations:get': { input: z.object({ eventId: EventId }), output: EventAnnotationsSchema },
  'annotations:star': { input: z.object({ eventId: EventId, starred: z.boolean() }), output: EventAnnotationsSchema },
  /** Tags an event; an unknown tag is defined on the fly with the default colour. */
  'annotations:tag': { input: tagInput, output: EventAnnotationsSchema },
  'annotations:untag': { input: tagInput, output: EventAnnotationsSchema },
  'annotations:comment': {
    input: z.object({ eventId: EventId, text: z.string().trim().min(1).max(10_000), author: z.string().trim().min(1).max(200).optional() }),
    output: EventAnnotationsSchema,
  },
  /** Re-applies the tags, stars and comments of a JSONL export (by event id) to this case. */
  'annotations:import': { input: z.object({ path: z.string().min(1) }), output: AnnotationImportSummarySchema },
  'tags:define': {
    input: z.object({ name: TagNameSchema, description: z.string().max(1000).optional(), color: TagColorSchema.optional() }),
    output: TagDefSchema,
  },
  'tags:list': { input: z.object({}), output: z.array(TagSummarySchema) },
  'events:facets': {
    input: z.object({
      query: z.string().max(10_000),
      fields: z.array(FacetFieldSchema).min(1).optional(),
      limit: z.number().int().min(1).max(100).default(10),
      exact: z.boolean().default(false),
    }),
    output: FacetsSchema,
  },
} as const;
