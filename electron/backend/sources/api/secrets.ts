import { AppError } from '../../../../shared/errors.js';
import type { ApiAuth } from '../../../../shared/contract/sources.js';
import type { Preset } from './types.js';

/**
 * Where a source's secret comes from: a token given for this pull only (typed in the UI, or at the CLI prompt), else
 * the environment variable the source names. The secret only ever becomes a request header: it is never written to
 * the case file, the journal, the import log, an error message or an export.
 */

export function resolveSecret(sourceName: string, auth: ApiAuth, given: string | undefined, env = process.env): string | null {
  if (auth.kind === 'none') return null;
  if (given) return given;
  const fromEnv = auth.tokenEnv ? env[auth.tokenEnv] : undefined;
  if (fromEnv) return fromEnv;
  const where = auth.tokenEnv ? `the environment variable ${auth.tokenEnv} is not set` : 'no token environment variable is configured';
  throw new AppError('SOURCE_AUTH', `source ${sourceName} needs a token: ${where}; set it, or enter the token when pulling`);
}

/** Request headers for the source's auth; the preset gives the default scheme (Okta: `Authorization: SSWS`). */
export function authHeaders(auth: ApiAuth, preset: Preset, secret: string | null): Record<string, string> {
  if (secret === null) return {};
  const kind = auth.kind ?? preset.auth.kind;
  if (kind === 'basic') {
    return { authorization: `Basic ${Buffer.from(`${auth.username ?? ''}:${secret}`).toString('base64')}` };
  }
  if (kind === 'header') {
    const header = auth.header ?? preset.auth.header ?? 'Authorization';
    return { [header.toLowerCase()]: `${auth.prefix ?? preset.auth.prefix ?? ''}${secret}` };
  }
  return { authorization: `Bearer ${secret}` };
}
