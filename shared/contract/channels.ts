import { z } from 'zod';
import { AuditEventSchema, EventRowSchema } from '../model/event.js';
import { MappingProfileSchema } from '../model/mapping.js';
import { packChannels } from './packs.js';
import * as wb from './workbench.js';
import { mappingChannels } from './mapping.js';
import { exportChannels } from './exports.js';
import { valueChannels } from './values.js';
import { annotationChannels } from './annotations.js';
import { annotationCorrectionChannels } from './annotation-corrections.js';
import { PullRowSchema, SourceHistoryInputSchema, sourceChannels } from './sources.js';
import { integrityChannels } from './integrity.js';
import { caseAdminChannels } from './case-admin.js';
import { StackBySchema, StackCountsSchema, timelineChannels } from './timeline.js';

/**
 * Every request the renderer (or the CLI) can make: `'domain:verb'` -> input and output schemas. Hosts parse
 * inputs with these before anything reaches the backend; the renderer's typed client infers its types from here.
 */

export const OrderSchema = z.enum(['desc', 'asc']);
export type Order = z.infer<typeof OrderSchema>;

const QueryText = z.string().max(10_000);

export const CaseInfoSchema = z.object({
  path: z.string(),
  caseId: z.string(),
  schemaVersion: z.number().int(),
  events: z.number().int(),
  imports: z.number().int(),
  rejects: z.number().int(),
  firstTime: z.string().nullable(),
  lastTime: z.string().nullable(),
});
export type CaseInfo = z.infer<typeof CaseInfoSchema>;

/** Long tasks that run in a worker and report progress: imports, exports, evidence packs, API/S3 pulls. */
export const JobKindSchema = z.enum(['import', 'export', 'pack', 'pull']);
export type JobKind = z.infer<typeof JobKindSchema>;

export const JobProgressSchema = z.object({
  jobId: z.string(),
  kind: JobKindSchema,
  /** Object being read right now (file name), if any. */
  current: z.string().nullable(),
  filesDone: z.number().int(),
  filesTotal: z.number().int(),
  records: z.number().int(),
  inserted: z.number().int(),
  duplicates: z.number().int(),
  rejects: z.number().int(),
  bytesRead: z.number(),
  bytesTotal: z.number(),
  /** Records per second over the whole job so far. */
  rate: z.number(),
  elapsedMs: z.number(),
  /** Records the job expects to handle in all, when known up front (evidence packs). */
  recordsTotal: z.number().int().optional(),
});
export type JobProgress = z.infer<typeof JobProgressSchema>;

export const JobStatusSchema = z.enum(['running', 'completed', 'failed', 'cancelled']);
export const JobSchema = z.object({
  jobId: z.string(),
  kind: JobKindSchema,
  status: JobStatusSchema,
  progress: JobProgressSchema,
  error: z.string().nullable(),
});
export type Job = z.infer<typeof JobSchema>;

export const ImportRowSchema = z.object({
  id: z.number().int(),
  jobId: z.string().nullable(),
  object: z.string(),
  sha256: z.string().nullable(),
  bytes: z.number(),
  format: z.string().nullable(),
  records: z.number().int(),
  inserted: z.number().int(),
  duplicates: z.number().int(),
  conflicts: z.number().int(),
  rejects: z.number().int(),
  status: z.enum(['running', 'completed', 'partial', 'failed', 'cancelled', 'skipped']),
  message: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportRow = z.infer<typeof ImportRowSchema>;

export const RejectRowSchema = z.object({
  id: z.number().int(),
  importId: z.number().int(),
  object: z.string(),
  line: z.number().int().nullable(),
  recordIndex: z.number().int().nullable(),
  byteOffset: z.number().nullable(),
  reason: z.string(),
  excerpt: z.string(),
});
export type RejectRow = z.infer<typeof RejectRowSchema>;

export const HistogramSchema = z.object({
  bucketMs: z.number(),
  /** Bucket start times (epoch ms) and counts, ascending, only non-empty buckets. */
  buckets: z.array(z.object({ t: z.number(), count: z.number().int(), by: StackCountsSchema.optional() })),
  from: z.number().nullable(),
  to: z.number().nullable(),
});
export type Histogram = z.infer<typeof HistogramSchema>;

/**
 * Per source: how many events lack each element PCI DSS requirement 10.2.2 asks an audit trail to record
 * (user, type of event, date and time, success or failure, origination, affected resource).
 */
export const SourceCoverageSchema = z.object({
  source: z.string(),
  formats: z.array(z.string()),
  events: z.number().int(),
  firstTime: z.string().nullable(),
  lastTime: z.string().nullable(),
  missing: z.object({
    user: z.number().int(),
    eventType: z.number().int(),
    time: z.number().int(),
    outcome: z.number().int(),
    origin: z.number().int(),
    resource: z.number().int(),
  }),
});
export type SourceCoverage = z.infer<typeof SourceCoverageSchema>;

export const channels = {
  'case:info': { input: z.object({}), output: CaseInfoSchema },
  'case:open': { input: z.object({ path: z.string().min(1) }), output: CaseInfoSchema },
  'case:new': { input: z.object({ path: z.string().min(1) }), output: CaseInfoSchema },

  /** A window of rows at a row offset of the result (page-aligned keyset underneath). */
  'events:window': {
    input: z.object({
      query: QueryText,
      order: OrderSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
    }),
    output: z.object({ offset: z.number().int(), rows: z.array(EventRowSchema) }),
  },
  /** Fast estimate first (`exact: false`), exact count on request. */
  'events:count': {
    input: z.object({ query: QueryText, exact: z.boolean() }),
    output: z.object({ count: z.number().int(), exact: z.boolean() }),
  },
  'events:get': { input: z.object({ id: z.string().min(1) }), output: AuditEventSchema },
  'events:histogram': {
    input: z.object({ query: QueryText, buckets: z.number().int().min(10).max(2000).default(120), stackBy: StackBySchema.optional() }),
    output: HistogramSchema,
  },
  /** Validates a query without running it; the error carries the column. */
  'query:check': {
    input: z.object({ query: QueryText }),
    output: z.object({ ok: z.boolean(), message: z.string().nullable(), column: z.number().int().nullable() }),
  },

  /** Paths are local to the machine running the backend (Electron: the user's files; web: uploaded copies). */
  'import:start': {
    input: z.object({
      paths: z.array(z.string().min(1)).min(1).max(10_000),
      source: z.string().min(1).max(200).optional(),
      /** Display names for uploaded files, parallel to `paths` (web transport). */
      names: z.array(z.string()).optional(),
      /** Read every record through this field mapping instead of detecting the format. */
      mapping: MappingProfileSchema.optional(),
    }),
    output: z.object({ jobId: z.string() }),
  },
  'import:cancel': { input: z.object({ jobId: z.string() }), output: z.object({ cancelled: z.boolean() }) },
  'jobs:list': { input: z.object({}), output: z.array(JobSchema) },
  'imports:list': { input: z.object({ limit: z.number().int().min(1).max(10_000).default(500) }), output: z.array(ImportRowSchema) },
  'sources:coverage': { input: z.object({}), output: z.array(SourceCoverageSchema) },
  'rejects:list': {
    input: z.object({ importId: z.number().int().optional(), limit: z.number().int().min(1).max(10_000).default(500) }),
    output: z.array(RejectRowSchema),
  },
  ...mappingChannels,
  ...exportChannels,
  ...valueChannels,
  ...annotationChannels,
  ...annotationCorrectionChannels,
  ...sourceChannels,
  /** An API source's pulls and their pages (import rows: counts, duplicates, rejects, errors), newest first. */
  'source:history': {
    input: SourceHistoryInputSchema,
    output: z.object({ pulls: z.array(PullRowSchema), pages: z.array(ImportRowSchema) }),
  },
  ...packChannels,
  ...integrityChannels,
  ...caseAdminChannels,
  ...timelineChannels,
  /** Workbench: surrounding events, an actor's sessions, saved searches, sequence investigations. */
  'events:context': { input: wb.ContextInputSchema, output: wb.ContextResultSchema },
  'actor:sessions': { input: wb.SessionsInputSchema, output: wb.SessionsResultSchema },
  'searches:list': { input: z.object({}), output: z.array(wb.SavedSearchSchema) },
  'searches:save': { input: wb.SaveSearchInputSchema, output: wb.SavedSearchSchema },
  'searches:delete': { input: z.object({ id: z.number().int() }), output: z.object({ deleted: z.boolean() }) },
  'investigations:failedlogins': { input: wb.FailedThenSuccessInputSchema, output: z.array(wb.FailedThenSuccessSchema) },
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.infer<Channels[C]['output']>;
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
