import { z } from 'zod';

/**
 * Channels of remote sources (vendor APIs): the configured sources, their checkpoints and pull history, a
 * connection test and a pull that runs as a worker job of kind 'pull'. Secrets never appear in a stored config:
 * a token is named by an environment variable (`tokenEnv`) or passed with one request (`token`, for this session).
 * `source:history` sits in channels.ts beside ImportRowSchema (this module must not import channels.ts: a cycle).
 */

export const SourceNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'a source name is 1-64 letters, digits, dots, dashes or underscores');

export const ApiAuthSchema = z
  .object({
    /** `header`: the token goes in `header` (e.g. Okta's `Authorization: SSWS <token>`) with `prefix`. */
    kind: z.enum(['bearer', 'basic', 'header', 'none']),
    /** Name of the environment variable that holds the token (or the password, for basic). */
    tokenEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').optional(),
    username: z.string().max(200).optional(),
    header: z.string().regex(/^[A-Za-z0-9-]+$/).optional(),
    prefix: z.string().max(40).optional(),
  })
  .strict();
export type ApiAuth = z.infer<typeof ApiAuthSchema>;

export const ApiSourceConfigSchema = z
  .object({
    baseUrl: z.string().url().refine((u) => /^https?:\/\//i.test(u), 'an http(s) URL'),
    /** Preset parameters (org, enterprise, application, endpoint...) and extra query parameters. */
    params: z.record(z.string(), z.string().max(2000)).default({}),
    /** Start of the first pull (ISO date or time); later pulls start from the checkpoint. */
    since: z.string().max(40).optional(),
    pageSize: z.number().int().min(1).max(10_000).optional(),
    auth: ApiAuthSchema,
  })
  .strict();
export type ApiSourceConfig = z.infer<typeof ApiSourceConfigSchema>;

export const CheckpointSchema = z.object({
  /** Human-readable next request (method, URL, cursor) or null when the last listing completed. */
  next: z.string().nullable(),
  since: z.string().nullable(),
  high: z.string().nullable(),
  pages: z.number().int(),
  updated: z.string(),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

export const PullRowSchema = z.object({
  id: z.number().int(),
  source: z.string(),
  jobId: z.string(),
  status: z.enum(['running', 'completed', 'failed', 'cancelled']),
  pages: z.number().int(),
  records: z.number().int(),
  inserted: z.number().int(),
  duplicates: z.number().int(),
  rejects: z.number().int(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type PullRow = z.infer<typeof PullRowSchema>;

export const SourceInfoSchema = z.object({
  name: z.string(),
  kind: z.enum(['api', 's3']),
  preset: z.string().nullable(),
  config: ApiSourceConfigSchema,
  checkpoint: CheckpointSchema.nullable(),
  lastPull: PullRowSchema.nullable(),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

export const PresetInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  format: z.string(),
  defaultBaseUrl: z.string(),
  auth: ApiAuthSchema.omit({ tokenEnv: true, username: true }),
  paging: z.string(),
  checkpoint: z.string(),
  params: z.array(z.object({ name: z.string(), required: z.boolean(), help: z.string() })),
});
export type PresetInfo = z.infer<typeof PresetInfoSchema>;

const Token = z.string().min(1).max(10_000).optional();

export const SourceHistoryInputSchema = z.object({
  name: SourceNameSchema,
  limit: z.number().int().min(1).max(10_000).default(200),
});

export const sourceChannels = {
  'sources:list': { input: z.object({}), output: z.array(SourceInfoSchema) },
  'sources:presets': { input: z.object({}), output: z.array(PresetInfoSchema) },
  'sources:save': {
    input: z.object({ name: SourceNameSchema, preset: z.string().min(1), config: ApiSourceConfigSchema }),
    output: SourceInfoSchema,
  },
  /** `token` is used for this request only and never stored. */
  'source:test': {
    input: z.object({ name: SourceNameSchema, token: Token }),
    output: z.object({ ok: z.literal(true), url: z.string(), status: z.number().int(), records: z.number().int() }),
  },
  'source:pull': { input: z.object({ name: SourceNameSchema, token: Token }), output: z.object({ jobId: z.string() }) },
} as const;
