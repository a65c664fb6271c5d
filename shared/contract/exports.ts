import { z } from 'zod';

/**
 * Exports of the current view: one history row per export (UI or CLI), the file written in keyset order.
 * `rows` counts event rows only; when a row limit cut the result short, `truncated` is true and the file ends with
 * one note record saying so (README "Export the current view").
 */

export const ExportFormatSchema = z.enum(['csv', 'json', 'jsonl']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const ExportStatusSchema = z.enum(['started', 'completed', 'failed', 'cancelled']);
export type ExportStatus = z.infer<typeof ExportStatusSchema>;

/** The values of channels.ts OrderSchema (importing it from there would be a circular import). */
const OrderSchema = z.enum(['desc', 'asc']);

export const ExportOriginSchema = z.enum(['ui', 'cli']);

export const ExportRowSchema = z.object({
  id: z.number().int(),
  jobId: z.string().nullable(),
  name: z.string(),
  format: ExportFormatSchema,
  query: z.string(),
  order: OrderSchema,
  /** Where the file is (or was to be) written, on the machine running the backend; '(stdout)' for a CLI pipe. */
  outPath: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string().nullable(),
  status: ExportStatusSchema,
  error: z.string().nullable(),
  /** The row limit asked for (null: every matching row). */
  rowLimit: z.number().int().nullable(),
  /** More rows matched than the limit let through. */
  truncated: z.boolean(),
  origin: ExportOriginSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ExportRow = z.infer<typeof ExportRowSchema>;

/** A name that is also a safe file name stem: no path separators, no leading dot. */
export const ExportNameSchema = z
  .string()
  .trim()
  .min(1, 'give the export a name')
  .max(120)
  .refine((s) => !/[\\/:*?"<>|\u0000-\u001f]/.test(s) && !s.startsWith('.'), 'a name cannot contain / \\ : * ? " < > | or start with a dot');

export const exportChannels = {
  /**
   * Starts an export job. Without `outPath` the file goes to `<case>.exports/<name>.<ext>` (a free name is chosen
   * when that one is taken); an explicit `outPath` must not exist yet.
   */
  'export:start': {
    input: z.object({
      name: ExportNameSchema,
      format: ExportFormatSchema,
      query: z.string().max(10_000),
      order: OrderSchema.default('desc'),
      limit: z.number().int().min(1).optional(),
      outPath: z.string().min(1).optional(),
    }),
    output: z.object({ jobId: z.string(), exportId: z.number().int(), outPath: z.string() }),
  },
  'export:list': {
    input: z.object({ limit: z.number().int().min(1).max(10_000).default(200) }),
    output: z.array(ExportRowSchema),
  },
  'export:get': { input: z.object({ id: z.number().int() }), output: ExportRowSchema },
  'export:cancel': { input: z.object({ jobId: z.string() }), output: z.object({ cancelled: z.boolean() }) },
} as const;
