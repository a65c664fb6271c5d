import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SecretStore, targetOf, type Cipher } from '../../electron/main/secret-store.js';
import { tempDir } from './readers-helpers.js';

// The desktop app's keychain-backed store of typed source secrets (the Electron safeStorage cipher is injected;
// Electron itself cannot run here). What matters: scoping, nothing in clear on disk, and failing closed.
const dir = tempDir('auditlens-secrets-');
const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
const cipher = (available = true): Cipher => ({
  available: () => available,
  encrypt: (s) => xor(Buffer.from(`sealed:${s}`)),
  decrypt: (b) => {
    const plain = xor(b).toString();
    if (!plain.startsWith('sealed:')) throw new Error('not ours');
    return plain.slice('sealed:'.length);
  },
});
const okta = { caseId: 'case-1', source: 'okta', target: 'https://acme.okta.com' };

describe('SecretStore', () => {
  it('returns a secret only for the same case, source and target, and never writes it in clear', () => {
    const file = path.join(dir.dir, 'a.json');
    const store = new SecretStore(file, cipher());
    expect(store.set(okta, 'ssws-TOKEN-123')).toBe(true);
    expect(store.get(okta)).toBe('ssws-TOKEN-123');
    expect(store.get({ ...okta, caseId: 'case-2' })).toBeNull();
    expect(store.get({ ...okta, target: 'https://evil.example' })).toBeNull();
    expect(store.get({ ...okta, source: 'okta2' })).toBeNull();
    expect(fs.readFileSync(file, 'utf8')).not.toContain('TOKEN-123');
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(store.set(okta, null)).toBe(true);
    expect(store.get(okta)).toBeNull();
  });

  it('stores nothing when the OS has no keychain, and treats unreadable entries and files as absent', () => {
    const file = path.join(dir.dir, 'b.json');
    expect(new SecretStore(file, cipher(false)).set(okta, 'x')).toBe(false);
    expect(fs.existsSync(file)).toBe(false);
    fs.writeFileSync(file, JSON.stringify({ [JSON.stringify(['case-1', 'okta', 'https://acme.okta.com'])]: 'bm90IHNlYWxlZA==' }));
    expect(new SecretStore(file, cipher()).get(okta)).toBeNull();
    fs.writeFileSync(file, '{not json');
    const store = new SecretStore(file, cipher());
    expect(store.get(okta)).toBeNull();
    expect(store.set(okta, 'fresh')).toBe(true);
    expect(store.get(okta)).toBe('fresh');
  });

  it('scopes S3 secrets to the bucket and endpoint, API secrets to the base URL', () => {
    expect(targetOf({ kind: 's3', config: { bucket: 'trail', endpoint: 'http://127.0.0.1:9000' } })).toBe('s3://trail http://127.0.0.1:9000');
    expect(targetOf({ kind: 's3', config: { bucket: 'trail' } })).toBe('s3://trail aws');
    expect(targetOf({ kind: 'api', config: { baseUrl: 'https://api.github.com' } })).toBe('https://api.github.com');
  });
});
