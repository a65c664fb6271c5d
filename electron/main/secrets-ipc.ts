import { ipcMain, safeStorage } from 'electron';
import path from 'node:path';
import type { BackendHost } from './backend-host.js';
import { trusted } from './ipc-gateway.js';
import { SecretStore, targetOf, type SecretScope } from './secret-store.js';

/**
 * The Sources screen's typed secrets in the desktop app: the renderer names a source, the main process works out the
 * scope (case id + source + the target from the source's stored config, asked of the backend) so the renderer can
 * neither read another case's secrets nor aim a stored one at a new endpoint.
 */
export function installSecretsIpc(backend: BackendHost, userData: string): void {
  const store = new SecretStore(path.join(userData, 'source-secrets.json'), {
    available: () => safeStorage.isEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  });
  ipcMain.handle('auditlens:secret-get', async (event, source: unknown) => {
    const scope = trusted(event) ? await scopeOf(backend, source) : null;
    return scope ? store.get(scope) : null;
  });
  ipcMain.handle('auditlens:secret-set', async (event, source: unknown, secret: unknown) => {
    const scope = trusted(event) ? await scopeOf(backend, source) : null;
    if (!scope || (secret !== null && typeof secret !== 'string')) return false;
    return store.set(scope, secret);
  });
}

async function scopeOf(backend: BackendHost, source: unknown): Promise<SecretScope | null> {
  if (typeof source !== 'string') return null;
  const [info, sources] = await Promise.all([backend.invoke('case:info', {}), backend.invoke('sources:list', {})]);
  if (!info.ok || !sources.ok) return null;
  const found = (sources.value as { name: string; kind: string; config: Record<string, unknown> }[]).find((s) => s.name === source);
  return found ? { caseId: (info.value as { caseId: string }).caseId, source, target: targetOf(found) } : null;
}
