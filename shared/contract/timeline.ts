import { z } from 'zod';

/** Timeline schemas (issue 5 item 3): stacked histograms and per-actor swimlanes. */

const QueryText = z.string().max(10_000);

export const StackBySchema = z.enum(['outcome', 'severity']);
export type StackBy = z.infer<typeof StackBySchema>;

/** Counts per value of the stacked field inside one bucket (only values that occur). */
export const StackCountsSchema = z.record(z.string(), z.number().int());

export const SwimlanesInputSchema = z.object({
  query: QueryText,
  buckets: z.number().int().min(10).max(2000).default(120),
  actors: z.number().int().min(1).max(50).default(8),
});

export const SwimlanesSchema = z.object({
  bucketMs: z.number(),
  /** Range of the whole result (not only of the lanes), bucket-aligned; null for an empty result. */
  from: z.number().nullable(),
  to: z.number().nullable(),
  /** The busiest actors of the result, busiest first, each with its non-empty buckets ascending. */
  lanes: z.array(
    z.object({
      actor: z.string(),
      total: z.number().int(),
      buckets: z.array(z.object({ t: z.number(), count: z.number().int() })),
    }),
  ),
  /** Events of the result with an actor outside the lanes (or none). */
  others: z.number().int(),
});
export type Swimlanes = z.infer<typeof SwimlanesSchema>;

export const timelineChannels = {
  /** The busiest actors of a result and their events over time, on the same buckets as the histogram. */
  'events:swimlanes': { input: SwimlanesInputSchema, output: SwimlanesSchema },
} as const;
