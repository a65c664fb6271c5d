import { z } from 'zod';
import { IntegrityStatusSchema, type IntegrityStatus } from './integrity.js';

/**
 * Case administration: the analyst's journal (hash chain), the case overview, recent cases and the retention policy
 * with its journaled purge. channels.ts spreads `caseAdminChannels`.
 */

export const JournalEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  /** The entry's details as stored (JSON text): what the hash covers. */
  details: z.string(),
  hash: z.string(),
});
export type JournalEntryRow = z.infer<typeof JournalEntrySchema>;

export const JournalVerifySchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  /** Sequence number of the first entry that is edited, unlinked or missing; absent when the chain is intact. */
  firstBad: z.number().int().optional(),
  message: z.string(),
});

const CountRow = z.object({ name: z.string(), events: z.number().int() });

export const CaseOverviewSchema = z.object({
  path: z.string(),
  caseId: z.string(),
  /** Case file plus its write-ahead log, in bytes. */
  bytesOnDisk: z.number().int(),
  events: z.number().int(),
  firstTime: z.string().nullable(),
  lastTime: z.string().nullable(),
  sources: z.array(z.object({ source: z.string(), formats: z.array(z.string()), events: z.number().int(), firstTime: z.string(), lastTime: z.string() })),
  byFormat: z.array(CountRow),
  bySource: z.array(CountRow),
  rejects: z.number().int(),
  importsByStatus: z.record(z.string(), z.number().int()),
  /** Log-file integrity of the case's S3 objects, by status (all zero when nothing was pulled from S3). */
  integrity: z.object(Object.fromEntries(IntegrityStatusSchema.options.map((s) => [s, z.number().int()])) as Record<IntegrityStatus, z.ZodNumber>),
  journalEntries: z.number().int(),
});
export type CaseOverview = z.infer<typeof CaseOverviewSchema>;

export const RecentCaseSchema = z.object({ path: z.string(), openedAt: z.string(), exists: z.boolean() });

export const RetentionPolicySchema = z.object({
  amount: z.number().int().min(1).max(100_000),
  unit: z.enum(['days', 'months']),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

export const RetentionSchema = z.object({
  policy: RetentionPolicySchema,
  /** True when the case has no policy of its own and the default (13 months) applies. */
  isDefault: z.boolean(),
  /** Events strictly older than this instant are outside the policy (ISO-8601 UTC, at the time of the call). */
  cutoff: z.string(),
});

export const PurgeResultSchema = z.object({
  dryRun: z.boolean(),
  cutoff: z.string(),
  policy: RetentionPolicySchema,
  events: z.number().int(),
  stars: z.number().int(),
  tags: z.number().int(),
  comments: z.number().int(),
  /** Journal entry that records the purge (absent on a dry run). */
  journalSeq: z.number().int().optional(),
});
export type PurgeResult = z.infer<typeof PurgeResultSchema>;

export const caseAdminChannels = {
  /** The journal, newest first; `before` pages down from a sequence number. */
  'journal:list': {
    input: z.object({ limit: z.number().int().min(1).max(10_000).default(200), before: z.number().int().optional() }),
    output: z.object({ entries: z.array(JournalEntrySchema), total: z.number().int() }),
  },
  'journal:verify': { input: z.object({}), output: JournalVerifySchema },
  'case:overview': { input: z.object({}), output: CaseOverviewSchema },
  /** Case files this host opened, most recent first (kept in the user data directory). */
  'case:recent': { input: z.object({}), output: z.array(RecentCaseSchema) },
  /** Reads the retention policy, or sets it when `policy` is given (never below 60 days). */
  'case:retention': { input: z.object({ policy: RetentionPolicySchema.optional() }), output: RetentionSchema },
  /** Deletes the events older than the policy (with their annotations), journaled; `dryRun` only counts. */
  'case:purge': { input: z.object({ dryRun: z.boolean().default(false) }), output: PurgeResultSchema },
} as const;
