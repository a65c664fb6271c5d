import { z } from 'zod';

/**
 * Evidence packs (issue 6): a BagIt zip of the events of one or more populations (named queries) over a period,
 * with summaries, the exact queries, a completeness statement, an offline report, the case journal and verify.py.
 */

export const PACK_TYPES = ['access-review', 'change-management', 'incident-response', 'custom'] as const;
export const PackTypeSchema = z.enum(PACK_TYPES);
export type PackType = z.infer<typeof PackTypeSchema>;

const IsoTime = z.string().min(1).max(64).refine((s) => !Number.isNaN(Date.parse(s)), 'not an ISO-8601 time');

export const PackSampleSchema = z.object({
  /** Events drawn per population. */
  n: z.number().int().min(1).max(10_000_000),
  /** Seed of the PRNG: the same seed over the same case draws the same events. */
  seed: z.number().int().min(0).max(0xffffffff),
});
export type PackSample = z.infer<typeof PackSampleSchema>;

export const PackRequestSchema = z.object({
  type: PackTypeSchema,
  /** Period in UTC: from inclusive, to exclusive. */
  from: IsoTime,
  to: IsoTime,
  /** Custom packs: the query (the query language of the query bar). */
  query: z.string().max(10_000).optional(),
  /** Custom packs: the analyst's tagged events instead of (or besides) a query. */
  tagged: z.boolean().optional(),
  /** Only events of these import sources (empty or absent: all sources). */
  sources: z.array(z.string().min(1).max(200)).max(1000).optional(),
  sample: PackSampleSchema.optional(),
  /** Recorded as "generated at" and Bagging-Date; defaults to the period end so a rebuild is byte-identical. */
  generatedAt: IsoTime.optional(),
  /** Display zone named in the report (times in the data stay UTC). */
  displayZone: z.string().max(64).optional(),
  /** Recorded in bag-info.txt as Source-Organization. */
  organization: z.string().max(200).optional(),
});
export type PackRequest = z.infer<typeof PackRequestSchema>;

export const PopulationCountSchema = z.object({
  name: z.string(),
  label: z.string(),
  /** The population's full query (period and sources included), in the query language. */
  query: z.string(),
  count: z.number().int(),
});
export type PopulationCount = z.infer<typeof PopulationCountSchema>;

export const PackPreviewSchema = z.object({
  populations: z.array(PopulationCountSchema),
  /** Distinct events in the union of the populations (an event can belong to several). */
  total: z.number().int(),
  /** Events in the period (and sources) that no population selects. */
  excluded: z.number().int(),
});
export type PackPreview = z.infer<typeof PackPreviewSchema>;

export const PackStatusSchema = z.enum(['running', 'completed', 'failed', 'cancelled']);

export const PackRowSchema = z.object({
  id: z.string(),
  type: PackTypeSchema,
  from: z.string(),
  to: z.string(),
  query: z.string(),
  outPath: z.string(),
  sha256: z.string().nullable(),
  events: z.number().int(),
  bytes: z.number(),
  status: PackStatusSchema,
  message: z.string().nullable(),
  createdAt: z.string(),
  jobId: z.string().nullable(),
});
export type PackRow = z.infer<typeof PackRowSchema>;

export const PackFileCheckSchema = z.object({
  path: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  ok: z.boolean(),
});

export const PackVerifyResultSchema = z.object({
  ok: z.boolean(),
  path: z.string(),
  /** SHA-256 of the zip itself (what the pack history records). */
  sha256: z.string().nullable(),
  /** Every problem found, each naming the file and what is wrong; empty when ok. */
  problems: z.array(z.string()),
  files: z.array(PackFileCheckSchema),
  events: z.number().int(),
  payloadOxum: z.string().nullable(),
});
export type PackVerifyResult = z.infer<typeof PackVerifyResultSchema>;

export const packChannels = {
  'pack:preview': { input: PackRequestSchema, output: PackPreviewSchema },
  /** Starts the build as a worker job; progress arrives as job:progress events (kind 'pack'). */
  'pack:build': {
    input: PackRequestSchema.extend({ outPath: z.string().min(1).max(4096).optional() }),
    output: z.object({ jobId: z.string(), packId: z.string(), outPath: z.string() }),
  },
  'pack:cancel': { input: z.object({ jobId: z.string() }), output: z.object({ cancelled: z.boolean() }) },
  'pack:list': { input: z.object({ limit: z.number().int().min(1).max(10_000).default(200) }), output: z.array(PackRowSchema) },
  'pack:verify': { input: z.object({ path: z.string().min(1).max(4096) }), output: PackVerifyResultSchema },
} as const;
