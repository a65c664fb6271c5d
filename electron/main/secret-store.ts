import fs from 'node:fs';
import path from 'node:path';

/**
 * Secrets the analyst typed into the Sources screen of the desktop app (API tokens, S3 access keys), kept encrypted
 * with the OS keychain (Electron safeStorage) in one JSON file in the user data folder: never in the case file,
 * logs or exports. A secret is filed under the case, the source's name AND the source's target (base URL, or
 * bucket + endpoint), so a source that is edited to point elsewhere, or a same-named source in another case, never
 * receives it.
 */

export interface Cipher {
  available(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export interface SecretScope {
  caseId: string;
  source: string;
  /** Where the secret is sent: the API base URL, or `s3://bucket` + endpoint. */
  target: string;
}

const keyOf = (s: SecretScope) => JSON.stringify([s.caseId, s.source, s.target]);

export class SecretStore {
  constructor(
    private readonly file: string,
    private readonly cipher: Cipher,
  ) {}

  get(scope: SecretScope): string | null {
    if (!this.cipher.available()) return null;
    const sealed = this.read()[keyOf(scope)];
    if (!sealed) return null;
    try {
      return this.cipher.decrypt(Buffer.from(sealed, 'base64'));
    } catch {
      // Sealed by another OS user or keychain: as good as absent; the analyst types it again.
      return null;
    }
  }

  /** Stores (or, with null, forgets) a secret. False when the OS offers no encryption: then nothing is written. */
  set(scope: SecretScope, secret: string | null): boolean {
    const all = this.read();
    if (secret === null) delete all[keyOf(scope)];
    else if (!this.cipher.available()) return false;
    else all[keyOf(scope)] = this.cipher.encrypt(secret).toString('base64');
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(this.file, JSON.stringify(all), { mode: 0o600 });
    return true;
  }

  private read(): Record<string, string> {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }
}

/** The target a source's secret is sent to, from its stored (secret-free) config. */
export function targetOf(source: { kind: string; config: Record<string, unknown> }): string {
  const c = source.config;
  if (source.kind === 's3') return `s3://${String(c.bucket)} ${String(c.endpoint ?? 'aws')}`;
  return String(c.baseUrl);
}
