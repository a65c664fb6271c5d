import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend.js';
import { cliAsync } from '../helpers/cli.js';
import { digestChain, testKey } from '../helpers/cloudtrail-digests.js';
import { cloudTrailObject, S3RVER_KEYS, startS3rver, upload, type LocalS3, type TrailObject } from '../helpers/s3.js';

/**
 * `auditlens import s3://... --validate [--public-key FILE]`, `auditlens integrity` and the `integrity:*` channels on
 * a small signed trail (two days): one tampered log file, one the digest does not list.
 */

let dir: string;
let s3: LocalS3;
const key = testKey();
const env = { AWS_ACCESS_KEY_ID: S3RVER_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: S3RVER_KEYS.secretAccessKey, AWS_REGION: 'us-east-1' };
let logs: TrailObject[] = [];
let tampered: TrailObject;
let extra: TrailObject;
let pem: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-integrity-cli-'));
  s3 = await startS3rver(path.join(dir, 's3'), ['trail']);
  const periods = Array.from({ length: 48 }, (_, h) => Date.UTC(2026, 2, 1, h));
  logs = periods.map((t) => cloudTrailObject('us-east-1', t + 10 * 60_000, 2));
  extra = cloudTrailObject('us-east-1', periods[30] + 40 * 60_000, 1);
  const digests = digestChain('trail', 'us-east-1', periods, [...logs, extra], key, new Set([extra.key]));
  tampered = { ...logs[7], body: cloudTrailObject('us-east-1', logs[7].time, 2).body };
  await upload(s3.client, 'trail', [...logs.filter((l) => l !== logs[7]), tampered, extra, ...digests]);
  pem = path.join(dir, 'key.pem');
  fs.writeFileSync(pem, key.publicPem);
}, 60_000);

afterAll(async () => {
  await s3?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('auditlens import s3:// --validate and auditlens integrity', () => {
  const caseFile = () => path.join(dir, 'c.auditlens');

  it('pulls, validates with the public key, prints the verdicts and gaps, and exits 1 on a mismatch', async () => {
    const r = await cliAsync(['import', 's3://trail/AWSLogs/', '--case', caseFile(), '--endpoint', s3.endpoint, '--validate', '--public-key', pem], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('integrity s3://trail/AWSLogs/: 49 log files — 47 verified, 0 unverified, 1 mismatch, 1 missing-from-digest; ' +
      '48 digests (signature 48 valid, 0 INVALID, 0 not checked, 0 unsigned), 0 broken chain links, 0 gaps');
    expect(r.stdout).toMatch(new RegExp(`^mismatch +s3://trail/${tampered.key} — content SHA-256 [0-9a-f]{64} differs`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^missing-from-digest +s3://trail/${extra.key} — delivered 2026-03-02T06:40:00Z`, 'm'));
  }, 60_000);

  it('lists the statuses, exports every object as CSV, and answers integrity:list / integrity:object', async () => {
    const table = await cliAsync(['integrity', '--case', caseFile()]);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toBe('integrity of the case: 49 log files — 47 verified, 0 unverified, 1 mismatch, 1 missing-from-digest; ' +
      '48 digests (signature 48 valid, 0 INVALID, 0 not checked, 0 unsigned), 0 broken chain links, 0 gaps');
    expect(table.stdout).toContain(`s3://trail/${tampered.key}`);
    const csv = await cliAsync(['integrity', '--case', caseFile(), '--format', 'csv']);
    const lines = csv.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFurl,bucket,key,etag,versionId,sha256,contentSha256,bytes,events,integrity,detail,digestKey,pulledAt,checkedAt');
    expect(lines).toHaveLength(50);
    expect(lines.filter((l) => l.includes(',verified,'))).toHaveLength(47);
    // The verdicts travel with the events: each exported event names its object version's verdict in provenance.
    const verdictOf = new Map(lines.slice(1).map((l) => l.split(',')).map((c) => [`${c[0]}|${c[5]}`, c[9]]));
    const events = (await cliAsync(['query', '--case', caseFile(), '--format', 'jsonl', '--limit', '1000000'])).stdout.trim().split('\n');
    const provs = events.map((l) => (JSON.parse(l) as { provenance: { object: string; objectSha256: string; integrity?: string } }).provenance);
    expect(provs.length).toBeGreaterThan(49);
    for (const p of provs) expect(p.integrity, p.object).toBe(verdictOf.get(`${p.object}|${p.objectSha256}`));
    expect(new Set(provs.map((p) => p.integrity))).toEqual(new Set(['verified', 'mismatch', 'missing-from-digest']));

    const backend = createBackend({ caseFile: caseFile() });
    try {
      const list = await backend.invoke('integrity:list', {});
      expect(list).toMatchObject({ ok: true, value: { summary: { objects: 49, byStatus: { verified: 47, mismatch: 1 } } } });
      const objects = (list as { value: { objects: { integrity: string }[] } }).value.objects;
      expect(objects.map((o) => o.integrity)).toEqual(['mismatch', 'missing-from-digest']);
      const ev = await backend.invoke('events:window', { query: '', order: 'asc', offset: 0, limit: 1 });
      const first = (ev as { value: { rows: { id: string }[] } }).value.rows[0];
      const full = (await backend.invoke('events:get', { id: first.id })) as { value: { provenance: { object: string; objectSha256: string } } };
      const obj = await backend.invoke('integrity:object', { object: full.value.provenance.object, sha256: full.value.provenance.objectSha256 });
      expect(obj).toMatchObject({ ok: true, value: { url: full.value.provenance.object, integrity: 'verified', etag: expect.stringMatching(/^"/) } });
      expect(await backend.invoke('integrity:object', { object: '/tmp/local.json', sha256: null })).toEqual({ ok: true, value: null });
    } finally {
      await backend.close();
    }
  }, 60_000);

  it('refuses --public-key without --validate, and a missing key file before pulling anything', async () => {
    const a = await cliAsync(['import', 's3://trail/AWSLogs/', '--case', path.join(dir, 'x.auditlens'), '--endpoint', s3.endpoint, '--public-key', pem], env);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/--public-key and --cloudtrail-keys are only used with --validate/);
    const b = await cliAsync(['import', 's3://trail/AWSLogs/', '--case', path.join(dir, 'y.auditlens'), '--endpoint', s3.endpoint, '--validate', '--public-key', path.join(dir, 'none.pem')], env);
    expect(b.code).toBe(2);
    expect(b.stderr.trim()).toBe(`auditlens: cannot read the public key file ${path.join(dir, 'none.pem')}: ENOENT`);
    expect(fs.existsSync(path.join(dir, 'y.auditlens'))).toBe(false);
  }, 60_000);
});

/**
 * A loopback CloudTrail endpoint answering ListPublicKeys the way AWS does (JSON 1.1 protocol: POST /, X-Amz-Target
 * CloudTrail_20131101.ListPublicKeys, blobs in base64, times in epoch seconds), reached through the SDK's standard
 * AWS_ENDPOINT_URL_CLOUDTRAIL variable.
 */
async function startCloudTrailKeys(status = 200): Promise<{ endpoint: string; requests: { target: string; body: Record<string, unknown> }[]; close(): Promise<void> }> {
  const requests: { target: string; body: Record<string, unknown> }[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      requests.push({ target: String(req.headers['x-amz-target']), body: JSON.parse(text || '{}') });
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      if (status !== 200) {
        res.end(JSON.stringify({ __type: 'AccessDeniedException', message: 'User is not authorized to perform: cloudtrail:ListPublicKeys' }));
        return;
      }
      const der = key.publicKey.export({ type: 'pkcs1', format: 'der' });
      res.end(JSON.stringify({ PublicKeyList: [{
        Value: der.toString('base64'), ValidityStartTime: Date.UTC(2026, 0, 1) / 1000, ValidityEndTime: Date.UTC(2026, 5, 1) / 1000,
        Fingerprint: key.fingerprint,
      }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('auditlens import s3:// --validate --cloudtrail-keys', () => {
  it('verifies signatures with the keys CloudTrail ListPublicKeys returns for the region and time range', async () => {
    const ct = await startCloudTrailKeys();
    try {
      const r = await cliAsync(['import', 's3://trail/AWSLogs/', '--case', path.join(dir, 'k.auditlens'), '--endpoint', s3.endpoint, '--validate', '--cloudtrail-keys'],
        { ...env, AWS_ENDPOINT_URL_CLOUDTRAIL: ct.endpoint });
      expect(r.stdout).toContain('49 log files — 47 verified, 0 unverified, 1 mismatch, 1 missing-from-digest; 48 digests (signature 48 valid');
      expect(ct.requests).toHaveLength(1);
      expect(ct.requests[0]).toEqual({
        target: 'CloudTrail_20131101.ListPublicKeys',
        body: { StartTime: Date.UTC(2026, 2, 1) / 1000, EndTime: Date.UTC(2026, 2, 3) / 1000 },
      });
    } finally {
      await ct.close();
    }
  }, 60_000);

  it('says why when CloudTrail refuses, and still checks every hash', async () => {
    const ct = await startCloudTrailKeys(400);
    try {
      const r = await cliAsync(['import', 's3://trail/AWSLogs/', '--case', path.join(dir, 'd.auditlens'), '--endpoint', s3.endpoint, '--validate', '--cloudtrail-keys'],
        { ...env, AWS_ENDPOINT_URL_CLOUDTRAIL: ct.endpoint });
      expect(r.stdout).toContain("public keys unavailable: cannot get CloudTrail's public keys for us-east-1 (ListPublicKeys): AccessDeniedException");
      expect(r.stdout).toContain('49 log files — 0 verified, 47 unverified, 1 mismatch, 1 missing-from-digest');
    } finally {
      await ct.close();
    }
  }, 60_000);
});
