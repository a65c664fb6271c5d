import type { S3Keys } from '../../../../shared/contract/sources.js';

/**
 * Tokens typed into the Sources screen, by source name. They live in this page's memory only: never sent to be
 * stored, gone when the window closes. For unattended pulls the source names an environment variable instead.
 */
const tokens = new Map<string, string>();

export const sessionTokens = {
  get: (name: string): string | undefined => tokens.get(name),
  set(name: string, token: string): void {
    if (token) tokens.set(name, token);
    else tokens.delete(name);
  },
};

/** S3 access keys typed into the Sources screen, by source name: same rules as the tokens (memory, this session). */
const s3Keys = new Map<string, S3Keys>();

export const sessionS3Keys = {
  get: (name: string): S3Keys | undefined => s3Keys.get(name),
  set(name: string, keys: S3Keys | null): void {
    if (keys) s3Keys.set(name, keys);
    else s3Keys.delete(name);
  },
};
