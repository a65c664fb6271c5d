import { z } from 'zod';

/** Closed list of error codes that cross the wire (DESIGN.md section 3). */
export const ERROR_CODES = [
  'INVALID_INPUT', 'NOT_FOUND', 'CANCELLED', 'SOURCE_UNREACHABLE', 'SOURCE_AUTH', 'SOURCE_FORMAT', 'CASE_CORRUPT',
  'CASE_READONLY', 'QUERY_SYNTAX', 'UNAUTHORIZED', 'INTERNAL',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorInfoSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

/** An error that knows its wire code. Anything else that escapes a handler becomes INTERNAL. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof AppError) return err.toInfo();
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    const parsed = ErrorInfoSchema.safeParse(err);
    if (parsed.success) return parsed.data;
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message };
}
