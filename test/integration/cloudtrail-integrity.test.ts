import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPublicKeys } from '../../electron/backend/sources/cloudtrail-digest.js';
import { validateCloudTrail, type ValidateOptions } from '../../electron/backend/sources/cloudtrail-digest-validate.js';
import { pullS3 } from '../../electron/backend/sources/s3-pull.js';
import { openCase, type Db } from '../../electron/backend/store/open.js';
import { AppError } from '../../shared/errors.js';
import { digestChain, forgeSignature, testKey, type DigestObject } from '../helpers/cloudtrail-digests.js';
import { cloudTrailObject, createBucket, startFaultProxy, startS3rver, upload, type LocalS3, type TrailObject } from '../helpers/s3.js';
import { useCaseFiles, useTempDir } from '../helpers/temp.js';

/**
 * CloudTrail log-file integrity validation against s3rver on loopback: a trail of 3 days x 24 hours x 15 gzipped log
 * files (1,065 objects after the faults below) with hourly digests signed by a test RSA key, and the faults an
 * analyst must be told about: one tampered log file, one hour without any log file, one digest deleted (a hole in
 * the chain), one log file no digest lists, one digest re-signed with a foreign key, one listed log file deleted.
 */

const BUCKET = 'trail';
const REGION = 'us-east-1';
const hourStart = (day: number, hour: number) => Date.UTC(2026, 1, day, hour);
const tempDir = useTempDir('auditlens-integrity-');
const key = testKey();
const forger = testKey();
let s3: LocalS3;
let serverDir: string;
let uploadedLogs: TrailObject[] = [];
let digests: DigestObject[] = [];
const fault = {} as { tampered: TrailObject; extra: TrailObject; deleted: TrailObject; emptyHour: number; lostDigest: DigestObject; forged: DigestObject };

beforeAll(async () => {
  serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-s3rver-'));
  s3 = await startS3rver(serverDir, [BUCKET]);
  fault.emptyHour = hourStart(2, 5);
  const periods: number[] = [];
  const logs: TrailObject[] = [];
  for (let day = 1; day <= 3; day++) {
    for (let hour = 0; hour < 24; hour++) {
      periods.push(hourStart(day, hour));
      if (hourStart(day, hour) === fault.emptyHour) continue;
      for (let i = 0; i < 15; i++) logs.push(cloudTrailObject(REGION, hourStart(day, hour) + (2 + i * 4) * 60_000, 1 + (i % 2)));
    }
  }
  fault.extra = cloudTrailObject(REGION, hourStart(3, 3) + 59 * 60_000, 2);
  digests = digestChain(BUCKET, REGION, periods, [...logs, fault.extra], key, new Set([fault.extra.key]));
  fault.deleted = logs[8 * 15 + 4]; // day 1, 08:xx: listed by its digest, then removed from the bucket
  fault.lostDigest = digests.find((d) => d.start === hourStart(2, 12))!;
  const forgedAt = digests.findIndex((d) => d.start === hourStart(3, 20));
  fault.forged = forgeSignature(digests[forgedAt], forger);
  digests[forgedAt] = fault.forged;
  // Tampered after CloudTrail hashed it: one record removed, re-gzipped under the same key.
  const original = logs[30 * 15 + 7];
  const records = JSON.parse(zlib.gunzipSync(original.body).toString()).Records as unknown[];
  fault.tampered = { ...original, body: zlib.gzipSync(JSON.stringify({ Records: records.slice(0, 1) })) };
  uploadedLogs = [...logs.filter((l) => l !== fault.deleted && l !== original), fault.tampered, fault.extra];
  await upload(s3.client, BUCKET, [...uploadedLogs, ...digests.filter((d) => d !== fault.lostDigest)], 24);
}, 120_000);

afterAll(async () => {
  await s3?.close();
  fs.rmSync(serverDir, { recursive: true, force: true });
});

const newCase = useCaseFiles();

const pull = (db: Db, extra: Partial<Parameters<typeof pullS3>[0]> = {}) =>
  pullS3({ db, bucket: BUCKET, prefix: 'AWSLogs/', client: s3.options, jobId: `job-${Math.random()}`, concurrency: 8, ...extra });

const validate = (db: Db, extra: Partial<ValidateOptions> = {}) =>
  validateCloudTrail({ db, bucket: BUCKET, prefix: 'AWSLogs/', client: s3.options, publicKeys: [], ...extra });

function statusOf(db: Db, k: string): { integrity: string; integrity_detail: string | null } {
  return db.prepare(`SELECT integrity, integrity_detail FROM s3_objects WHERE key = ?`).get(k) as { integrity: string; integrity_detail: string | null };
}

const pemFile = (dir: string) => {
  const file = path.join(dir, 'cloudtrail-us-east-1.pem');
  fs.writeFileSync(file, key.publicPem);
  return file;
};

describe('CloudTrail log-file integrity (s3rver on 127.0.0.1)', () => {
  let db: Db;

  it('pulls a 1,000+ object trail, interrupted and resumed, with full S3 provenance and no duplicate', async () => {
    db = openCase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-integrity-main-')), 'case.auditlens'));
    expect(uploadedLogs.length).toBe(1065);
    const controller = new AbortController();
    const first = await pull(db, { signal: controller.signal, onProgress: (p) => p.objectsDone >= 300 && controller.abort() });
    expect(first.cancelled).toBe(true);
    const second = await pull(db);
    expect(second.failed).toEqual([]);
    expect(second.imported + second.alreadyInCase + first.imported + first.alreadyInCase).toBe(1065);
    const records = uploadedLogs.reduce((n, o) => n + o.eventIds.length, 0) - fault.tampered.eventIds.length + 1;
    const counts = db.prepare(`SELECT COUNT(*) AS n, COUNT(DISTINCT vendor_id) AS ids FROM events`).get();
    expect(counts).toEqual({ n: records, ids: records });
    const objects = db.prepare(`SELECT COUNT(*) AS n, SUM(events) AS events, COUNT(DISTINCT url) AS urls FROM s3_objects`).get();
    expect(objects).toEqual({ n: 1065, events: records, urls: 1065 });
    // Every event joins its object: s3:// URL + SHA-256 of the bytes, with the ETag (and version id where S3 has one).
    const orphan = db.prepare(`SELECT COUNT(*) AS n FROM events e LEFT JOIN s3_objects o ON o.url = e.prov_object AND o.sha256 = e.prov_sha256 WHERE o.id IS NULL`).get();
    expect(orphan).toEqual({ n: 0 });
    const sample = db.prepare(`SELECT etag, version_id AS versionId, content_sha256 AS content, bytes FROM s3_objects WHERE key = ?`).get(uploadedLogs[5].key);
    expect(sample).toMatchObject({ versionId: null, bytes: uploadedLogs[5].body.length });
    expect((sample as { etag: string }).etag).toMatch(/^"[0-9a-f]{32}"$/);
  }, 60_000);

  it('with the public key: verifies every untouched log file and names each fault', async () => {
    const publicKeys = readPublicKeys(pemFile(tempDir()));
    const summary = await validate(db, { publicKeys });
    expect(summary.failedDigests).toEqual([]);
    expect(summary.byStatus).toEqual({ verified: 1033, unverified: 30, mismatch: 1, 'missing-from-digest': 1 });
    expect(summary.digests).toBe(71);
    expect(summary.digestsBySignature).toEqual({ valid: 70, invalid: 1, 'no-key': 0, unsigned: 0 });
    expect(statusOf(db, fault.tampered.key).integrity).toBe('mismatch');
    expect(statusOf(db, fault.tampered.key).integrity_detail).toMatch(/modified after delivery/);
    expect(statusOf(db, fault.extra.key)).toMatchObject({ integrity: 'missing-from-digest' });
    const lostHour = uploadedLogs.find((l) => l.time >= fault.lostDigest.start && l.time < fault.lostDigest.end)!;
    expect(statusOf(db, lostHour.key)).toEqual({ integrity: 'unverified', integrity_detail: 'no digest read covers the hour it was delivered in' });
    const forgedHour = fault.forged.logKeys[0];
    expect(statusOf(db, forgedHour).integrity_detail).toMatch(/digest's signature does NOT verify/);

    const kinds = summary.gaps.map((g) => `${g.kind} ${g.start}`).sort();
    expect(kinds).toEqual([
      `chain-broken 2026-02-02T12:00:00Z`,
      `chain-broken 2026-02-03T21:00:00Z`,
      `log-file-not-in-case 2026-02-01T08:00:00Z`,
      `no-digest 2026-02-02T12:00:00Z`,
      `no-log-file 2026-02-02T05:00:00Z`,
    ]);
    expect(summary.gaps.find((g) => g.kind === 'log-file-not-in-case')!.detail).toContain(fault.deleted.key);
    expect(summary.gaps.find((g) => g.kind === 'chain-broken' && g.start.startsWith('2026-02-02'))!.detail).toMatch(/is missing from the bucket/);
    expect(summary.gaps.find((g) => g.kind === 'chain-broken' && g.start.startsWith('2026-02-03'))!.detail).toMatch(/different signature/);
    const stored = db.prepare(`SELECT kind, COUNT(*) AS n FROM s3_integrity_gaps GROUP BY kind ORDER BY kind`).all();
    expect(stored).toEqual([
      { kind: 'chain-broken', n: 2 }, { kind: 'log-file-not-in-case', n: 1 }, { kind: 'no-digest', n: 1 }, { kind: 'no-log-file', n: 1 },
    ]);
  }, 60_000);

  it('without a public key: hashes are still checked, nothing is called verified, and re-running replaces the findings', async () => {
    const summary = await validate(db);
    expect(summary.byStatus).toEqual({ verified: 0, unverified: 1063, mismatch: 1, 'missing-from-digest': 1 });
    expect(summary.digestsBySignature).toEqual({ valid: 0, invalid: 0, 'no-key': 71, unsigned: 0 });
    expect(statusOf(db, uploadedLogs[0].key).integrity_detail).toMatch(/not checked \(no public key\)/);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM s3_integrity_gaps`).get()).toEqual({ n: 5 });
    const journal = db.prepare(`SELECT COUNT(*) AS n FROM journal WHERE action = 's3-integrity'`).get();
    expect(journal).toEqual({ n: 2 });
  }, 60_000);

  it('validates only the range asked for (day folders of the digests), leaving other verdicts alone', async () => {
    const summary = await validate(db, { since: '2026-02-01T00:00:00Z', until: '2026-02-01T05:59:59Z', publicKeys: readPublicKeys(pemFile(tempDir())) });
    expect(summary.objects).toBe(6 * 15 + 15); // delivery slack: the hour after the range is judged too
    expect(summary.byStatus.verified).toBe(summary.objects);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM s3_objects WHERE integrity = 'verified'`).get()).toEqual({ n: summary.objects });
    // The gaps found elsewhere in the trail by the full validation are kept: only this range was re-checked.
    expect(summary.gaps).toEqual([]);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM s3_integrity_gaps`).get()).toEqual({ n: 5 });
    db.close();
  }, 60_000);

  it('a digest that cannot be read is reported by key and the rest is validated', async () => {
    const db2 = newCase();
    await pull(db2, { prefix: `AWSLogs/123456789012/CloudTrail/${REGION}/2026/02/01/` });
    const denied = digests[3];
    const proxy = await startFaultProxy(s3.endpoint, (method, url) => (method === 'GET' && url.includes(denied.key) ? 'deny' : undefined));
    try {
      const summary = await validate(db2, { client: { ...s3.options, endpoint: proxy.endpoint }, publicKeys: readPublicKeys(pemFile(tempDir())) });
      expect(summary.failedDigests).toHaveLength(1);
      expect(summary.failedDigests[0].error).toMatch(new RegExp(`^S3 denied access to s3://trail/${denied.key}: AccessDenied`));
      expect(summary.byStatus.unverified).toBe(15);
      expect(summary.byStatus.verified).toBe(24 * 15 - 1 - 15);
      // Only what concerns the pulled day: the deleted file of 08:xx and the unreadable digest.
      expect(summary.gaps.map((g) => g.kind).sort()).toEqual(['chain-broken', 'log-file-not-in-case', 'no-digest']);
      expect(summary.gaps.find((g) => g.kind === 'no-digest')).toMatchObject({
        start: '2026-02-01T03:00:00Z', end: '2026-02-01T04:00:00Z', detail: expect.stringMatching(/could not be read: S3 denied access/),
      });
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('verifies an evidence copy of the trail in another bucket (digests name the original bucket)', async () => {
    const db3 = newCase();
    await createBucket(s3.client, 'evidence-copy');
    const periods = [hourStart(4, 0), hourStart(4, 1), hourStart(4, 2)];
    const files = periods.map((t) => cloudTrailObject(REGION, t + 30 * 60_000, 2));
    const chain = digestChain(BUCKET, REGION, periods, files, key); // signed for the original bucket
    await upload(s3.client, 'evidence-copy', [...files, ...chain]);
    await pullS3({ db: db3, bucket: 'evidence-copy', prefix: 'AWSLogs/', client: s3.options, jobId: 'copy' });
    const summary = await validateCloudTrail({
      db: db3, bucket: 'evidence-copy', prefix: 'AWSLogs/', client: s3.options, publicKeys: readPublicKeys(pemFile(tempDir())),
    });
    expect(summary.byStatus).toMatchObject({ verified: 3, mismatch: 0, 'missing-from-digest': 0 });
    const detail = db3.prepare(`SELECT DISTINCT detail FROM s3_digests WHERE bucket = 'evidence-copy' ORDER BY detail`).all();
    expect(detail).toEqual([{ detail: 'a copy: CloudTrail delivered it to bucket trail' },
      { detail: 'a copy: CloudTrail delivered it to bucket trail; first digest of the chain (no previous digest)' }]);
  }, 60_000);

  it('rejects a public key file that is not a PEM public key, saying which file and why', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'key.pem');
    fs.writeFileSync(bad, 'not a key');
    expect(() => readPublicKeys(bad)).toThrow(new AppError('INVALID_INPUT', `${bad} holds no PEM block (expected -----BEGIN PUBLIC KEY-----)`));
    expect(() => readPublicKeys(path.join(dir, 'nope.pem'))).toThrow(/cannot read the public key file .*nope\.pem: ENOENT/);
    fs.writeFileSync(bad, key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/PRIVATE/g, 'PUBLIC'));
    expect(() => readPublicKeys(bad)).toThrow(/PEM block 1 is not a public key/);
  });
});
