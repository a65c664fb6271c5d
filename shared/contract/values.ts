import { z } from 'zod';

/**
 * Distinct values of one field for the current query (the filter bar's pickers: which actions, entity types... are
 * present), and the extra vendor columns a case carries (entityVersion, engineVersion...) for the column chooser.
 */

/** Fields whose distinct values can be listed: the low-cardinality text and enum columns. */
export const VALUE_FIELDS = [
  'action', 'targetType', 'actor', 'target', 'category', 'outcome', 'severity', 'actorType', 'source', 'format',
  'location',
] as const;
export const ValueFieldSchema = z.enum(VALUE_FIELDS);
export type ValueField = z.infer<typeof ValueFieldSchema>;

export const FieldValuesSchema = z.object({
  field: ValueFieldSchema,
  /** Most frequent first; ties alphabetical. */
  values: z.array(z.object({ value: z.string(), count: z.number().int() })),
  /** True when more distinct values exist than `limit`. */
  truncated: z.boolean(),
});
export type FieldValues = z.infer<typeof FieldValuesSchema>;

export const valueChannels = {
  'events:values': {
    input: z.object({
      field: ValueFieldSchema,
      query: z.string().max(10_000),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: FieldValuesSchema,
  },
  /** Attribute names present in the case (sampled), for attribute table columns. */
  'events:attribute-keys': { input: z.object({}), output: z.array(z.string()) },
} as const;
