import { S3KeysSchema, type S3Keys, type SourceInfo } from '../../../../shared/contract/sources.js';

/**
 * Secrets typed into the Sources screen, by source name. In the browser they live in this page's memory only:
 * never sent to be stored, gone when the window closes (for unattended pulls a source names an environment variable
 * instead). In the desktop app they are also sealed with the OS keychain by the main process (Electron safeStorage,
 * electron/main/secret-store.ts), scoped to this case and the source's target, and loaded back when the screen opens.
 */
const keychain = typeof window !== 'undefined' ? window.auditlens?.secrets : undefined;

/** Whether typed secrets outlive the window (desktop app with an OS keychain). */
export const secretsPersist = keychain !== undefined;

const tokens = new Map<string, string>();

export const sessionTokens = {
  get: (name: string): string | undefined => tokens.get(name),
  set(name: string, token: string): void {
    if (token) tokens.set(name, token);
    else tokens.delete(name);
    void keychain?.set(name, token || null);
  },
};

/** S3 access keys typed into the Sources screen, by source name: same rules as the tokens. */
const s3Keys = new Map<string, S3Keys>();

export const sessionS3Keys = {
  get: (name: string): S3Keys | undefined => s3Keys.get(name),
  set(name: string, keys: S3Keys | null): void {
    if (keys) s3Keys.set(name, keys);
    else s3Keys.delete(name);
    void keychain?.set(name, keys ? JSON.stringify(keys) : null);
  },
};

/** Desktop app: fills the session maps with what the OS keychain holds for these sources (typed ones win). */
export async function loadKeychainSecrets(sources: readonly SourceInfo[]): Promise<void> {
  if (!keychain) return;
  await Promise.all(
    sources.map(async (s) => {
      if (tokens.has(s.name) || s3Keys.has(s.name)) return;
      const secret = await keychain.get(s.name).catch(() => null);
      if (!secret) return;
      if (s.kind === 'api') tokens.set(s.name, secret);
      else {
        const keys = S3KeysSchema.safeParse(safeJson(secret));
        if (keys.success) s3Keys.set(s.name, keys.data);
      }
    }),
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
