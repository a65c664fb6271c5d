import { z } from 'zod';

/**
 * Channels of remote sources (vendor APIs and S3 buckets): the configured sources, their checkpoints and pull history, a
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

/**
 * An S3 bucket (or S3-compatible store) as a configured source. No secret: credentials come from the AWS default
 * chain, a named profile (SSO profiles included), or keys typed in for one session (`s3Keys` on test/pull).
 */
export const S3SourceConfigSchema = z
  .object({
    // AWS names are 3-63 of [a-z0-9.-]; S3-compatible stores allow a little more (as `import s3://` does).
    bucket: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/, 'a bucket name (letters, digits, dots, dashes, underscores)'),
    prefix: z.string().max(1024).default(''),
    region: z.string().regex(/^[a-z0-9-]{2,40}$/, 'an AWS region such as us-east-1').optional(),
    endpoint: z.string().url().refine((u) => /^https?:\/\//i.test(u), 'an http(s) URL').optional(),
    /** Path-style addressing (default on with a custom endpoint). */
    pathStyle: z.boolean().optional(),
    /** Glob on the key's file name (`*.json.gz`), or the whole key when it contains '/'. */
    pattern: z.string().max(200).optional(),
    since: z.string().max(40).optional(),
    until: z.string().max(40).optional(),
    profile: z.string().regex(/^[A-Za-z0-9_.@+-]{1,64}$/, 'an AWS profile name').optional(),
    /** CloudTrail log-file integrity validation after each pull. */
    validate: z.boolean().optional(),
    /** PEM file (on the machine running the backend) with CloudTrail's public key(s) for digest signatures. */
    publicKeyPath: z.string().max(4096).optional(),
  })
  .strict();
export type S3SourceConfig = z.infer<typeof S3SourceConfigSchema>;

/** Access keys typed in for this session only (held in memory, passed with one request, never stored). */
export const S3KeysSchema = z
  .object({
    accessKeyId: z.string().min(1).max(128),
    secretAccessKey: z.string().min(1).max(1024),
    sessionToken: z.string().min(1).max(4096).optional(),
  })
  .strict();
export type S3Keys = z.infer<typeof S3KeysSchema>;

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
  /** S3 pulls: objects fetched, skipped as unchanged (key + ETag), failed; and the integrity check when on. */
  s3: z
    .object({
      objects: z.number().int(),
      skipped: z.number().int(),
      failed: z.number().int(),
      events: z.number().int(),
      integrity: z
        .object({
          verified: z.number().int(), unverified: z.number().int(), mismatch: z.number().int(),
          missingFromDigest: z.number().int(), digests: z.number().int(), invalidSignatures: z.number().int(),
          uncheckedSignatures: z.number().int(), brokenLinks: z.number().int(), gaps: z.number().int(),
        })
        .nullable(),
    })
    .nullable()
    .optional(),
});
export type PullRow = z.infer<typeof PullRowSchema>;

const SourceState = { name: z.string(), checkpoint: CheckpointSchema.nullable(), lastPull: PullRowSchema.nullable() };
export const SourceInfoSchema = z.discriminatedUnion('kind', [
  z.object({ ...SourceState, kind: z.literal('api'), preset: z.string().nullable(), config: ApiSourceConfigSchema }),
  z.object({ ...SourceState, kind: z.literal('s3'), preset: z.null(), config: S3SourceConfigSchema }),
]);
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
    input: z.union([
      z.object({ name: SourceNameSchema, preset: z.string().min(1), config: ApiSourceConfigSchema }),
      z.object({ name: SourceNameSchema, kind: z.literal('s3'), config: S3SourceConfigSchema }),
    ]),
    output: SourceInfoSchema,
  },
  /** `token` and `s3Keys` are used for this request only and never stored. S3: one LIST page of the prefix. */
  'source:test': {
    input: z.object({ name: SourceNameSchema, token: Token, s3Keys: S3KeysSchema.optional() }),
    output: z.object({
      ok: z.literal(true), url: z.string(), status: z.number().int(), records: z.number().int(),
      sampleKeys: z.array(z.string()).optional(),
    }),
  },
  'source:pull': {
    input: z.object({ name: SourceNameSchema, token: Token, s3Keys: S3KeysSchema.optional() }),
    output: z.object({ jobId: z.string() }),
  },
} as const;
