import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import type { Job } from '../../shared/contract/channels.js';
import { digestChain, testKey } from '../helpers/cloudtrail-digests.js';
import { cloudTrailObject, S3RVER_KEYS, startFaultProxy, startS3rver, upload, type LocalS3 } from '../helpers/s3.js';
import { useTempDir } from '../helpers/temp.js';

/**
 * An S3 bucket as a configured source, through the backend's channels against s3rver: save, test, pull as a 'pull'
 * job, pull again (only new objects), wrong keys, and the typed secret never reaching the case file.
 * s3rver checks the access key id but not the signature, so any secret works with its key id: a distinctive one
 * lets the test look for it in every byte the case wrote.
 */

const SECRET = 'typed-secret-Zq8vKp3WmX7T';
const KEYS = { accessKeyId: S3RVER_KEYS.accessKeyId, secretAccessKey: SECRET };
const start = Date.UTC(2026, 0, 2, 0, 0);
const key = testKey();
const tempDir = useTempDir('auditlens-s3-source-');
let s3: LocalS3;
let s3Dir: string;

beforeAll(async () => {
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-s3rver-'));
  s3 = await startS3rver(s3Dir, ['trail', 'faults', 'signed']);
  await upload(s3.client, 'trail', Array.from({ length: 6 }, (_, i) => cloudTrailObject('us-east-1', start + i * 3_600_000, 3)));
});

afterAll(async () => {
  await s3?.close();
  fs.rmSync(s3Dir, { recursive: true, force: true });
});

function backendWithJobs(file: string): { backend: Backend; next(): Promise<Job> } {
  const waiting: ((j: Job) => void)[] = [];
  const backend = createBackend({ caseFile: file, emit: (event, payload) => event === 'job:finished' && waiting.shift()?.(payload as Job) });
  return { backend, next: () => new Promise<Job>((r) => waiting.push(r)) };
}

/** Every file the case wrote (case file, WAL, key + ETag checkpoints), concatenated. */
function caseBytes(dir: string): Buffer {
  return Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));
}

describe('S3 sources through the channels', () => {
  it('saves, tests and pulls a bucket; a second pull fetches only the new object and counts the skipped ones', async () => {
    const dir = tempDir();
    const { backend, next } = backendWithJobs(path.join(dir, 'case.auditlens'));
    try {
      const config = { bucket: 'trail', prefix: 'AWSLogs/', region: 'us-east-1', endpoint: s3.endpoint };
      const saved = await backend.call('sources:save', { name: 'trail', kind: 's3', config });
      expect(saved).toMatchObject({ name: 'trail', kind: 's3', preset: null, config: { ...config, prefix: 'AWSLogs/' }, lastPull: null });

      const test = await backend.call('source:test', { name: 'trail', s3Keys: KEYS });
      expect(test).toMatchObject({ ok: true, url: 's3://trail/AWSLogs/', records: 5 });
      expect(test.sampleKeys?.every((k) => k.startsWith('AWSLogs/123456789012/CloudTrail/us-east-1/2026/01/02/'))).toBe(true);

      let done = next();
      const first = await backend.call('source:pull', { name: 'trail', s3Keys: KEYS });
      expect(await done).toMatchObject({ jobId: first.jobId, kind: 'pull', status: 'completed', error: null });

      await upload(s3.client, 'trail', [cloudTrailObject('us-east-1', start + 6 * 3_600_000, 4)]);
      done = next();
      const second = await backend.call('source:pull', { name: 'trail', s3Keys: KEYS });
      expect((await done).progress).toMatchObject({ kind: 'pull', inserted: 4, filesDone: 1, filesTotal: 1 });

      const history = await backend.call('source:history', { name: 'trail' });
      expect(history.pulls).toMatchObject([
        { jobId: second.jobId, status: 'completed', pages: 1, inserted: 4, error: null, s3: { objects: 1, skipped: 6, failed: 0, events: 4, integrity: null } },
        { jobId: first.jobId, status: 'completed', pages: 6, inserted: 18, error: null, s3: { objects: 6, skipped: 0, failed: 0, events: 18, integrity: null } },
      ]);
      expect(history.pages).toHaveLength(7);
      expect(history.pages.every((p) => p.object.startsWith('s3://trail/AWSLogs/') && p.status === 'completed')).toBe(true);
      const [listed] = await backend.call('sources:list', {});
      expect(listed).toMatchObject({ kind: 's3', lastPull: { jobId: second.jobId, s3: { skipped: 6 } } });
      const sources = await backend.call('sources:coverage', {});
      expect(sources.find((s) => s.source === 'trail')?.events).toBe(22);
    } finally {
      await backend.close();
    }
    // The typed secret went to the S3 client only: not into the case file, its WAL, the journal or the checkpoints.
    expect(caseBytes(dir).includes(Buffer.from(SECRET))).toBe(false);
    expect(caseBytes(dir).includes(Buffer.from('AWSLogs/123456789012'))).toBe(true);
  });

  it('runs CloudTrail validation after the pull when the source asks for it, with the public key, and records it', async () => {
    // 4 hours x 2 log files, hourly digests signed by a test key; one file tampered after CloudTrail hashed it.
    const hours = [0, 1, 2, 3].map((h) => start + h * 3_600_000);
    const logs = hours.flatMap((h) => [cloudTrailObject('us-east-1', h + 5 * 60_000, 2), cloudTrailObject('us-east-1', h + 35 * 60_000, 2)]);
    const digests = digestChain('signed', 'us-east-1', hours, logs, key);
    const records = JSON.parse(zlib.gunzipSync(logs[3].body).toString()).Records as unknown[];
    const tampered = { ...logs[3], body: zlib.gzipSync(JSON.stringify({ Records: records.slice(0, 1) })) };
    await upload(s3.client, 'signed', [...logs.filter((l) => l !== logs[3]), tampered, ...digests]);
    const dir = tempDir();
    const pem = path.join(dir, 'cloudtrail.pem');
    fs.writeFileSync(pem, key.publicPem);
    const { backend, next } = backendWithJobs(path.join(dir, 'case.auditlens'));
    try {
      const config = { bucket: 'signed', prefix: 'AWSLogs/', endpoint: s3.endpoint, validate: true, publicKeyPath: pem };
      await backend.call('sources:save', { name: 'v', kind: 's3', config });
      const done = next();
      await backend.call('source:pull', { name: 'v', s3Keys: KEYS });
      expect(await done).toMatchObject({ status: 'completed' });
      const [pull] = (await backend.call('source:history', { name: 'v' })).pulls;
      expect(pull.s3).toMatchObject({
        objects: 8, skipped: 0, failed: 0,
        integrity: { verified: 7, mismatch: 1, unverified: 0, missingFromDigest: 0, digests: 4, invalidSignatures: 0, uncheckedSignatures: 0, brokenLinks: 0 },
      });
      await expect(backend.call('sources:save', { name: 'v', kind: 's3', config: { ...config, publicKeyPath: path.join(dir, 'none.pem') } }))
        .rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/cannot read the public key file .*none\.pem: ENOENT/) });
      // A key file gone since the source was saved fails the pull with the same message.
      fs.rmSync(pem);
      const failed = next();
      await backend.call('source:pull', { name: 'v', s3Keys: KEYS });
      expect(await failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/cannot read the public key file .*cloudtrail\.pem: ENOENT/) });
    } finally {
      await backend.close();
    }
  });

  it('completes the pull when one object is denied, and says which one and why in the history', async () => {
    const objects = Array.from({ length: 4 }, (_, i) => cloudTrailObject('us-west-2', start + i * 3_600_000, 2));
    await upload(s3.client, 'faults', objects);
    const denied = objects[2].key;
    const proxy = await startFaultProxy(s3.endpoint, (method, url) => (method === 'GET' && url.includes(denied) ? 'deny' : undefined));
    const { backend, next } = backendWithJobs(path.join(tempDir(), 'case.auditlens'));
    try {
      await backend.call('sources:save', { name: 'f', kind: 's3', config: { bucket: 'faults', endpoint: proxy.endpoint } });
      let done = next();
      await backend.call('source:pull', { name: 'f', s3Keys: KEYS });
      expect(await done).toMatchObject({ status: 'completed' });
      const history = await backend.call('source:history', { name: 'f' });
      expect(history.pulls[0]).toMatchObject({
        status: 'completed', inserted: 6, s3: { objects: 3, skipped: 0, failed: 1, events: 6 },
        error: `1 object(s) failed, first: S3 denied access to s3://faults/${denied}: AccessDenied (bucket faults at ${proxy.endpoint} (region us-east-1))`,
      });
      expect(history.pages.filter((p) => p.status === 'failed')).toMatchObject([{ object: `s3://faults/${denied}`, message: expect.stringContaining('AccessDenied') }]);
      // The denied object was not checkpointed: the next pull (direct, nothing denied) fetches it and skips the rest.
      await backend.call('sources:save', { name: 'f', kind: 's3', config: { bucket: 'faults', endpoint: s3.endpoint } });
      done = next();
      await backend.call('source:pull', { name: 'f', s3Keys: KEYS });
      await done;
      expect((await backend.call('source:history', { name: 'f' })).pulls[0]).toMatchObject({ s3: { objects: 1, skipped: 3, failed: 0, events: 2 }, error: null });
    } finally {
      await backend.close();
      await proxy.close();
    }
  });

  it('says clearly when the keys are wrong, the bucket is missing or the prefix is empty', async () => {
    const { backend, next } = backendWithJobs(path.join(tempDir(), 'case.auditlens'));
    try {
      await backend.call('sources:save', { name: 'trail', kind: 's3', config: { bucket: 'trail', endpoint: s3.endpoint } });
      const wrong = { accessKeyId: 'AKIAWRONGKEY', secretAccessKey: SECRET };
      await expect(backend.call('source:test', { name: 'trail', s3Keys: wrong })).rejects.toMatchObject({
        code: 'SOURCE_AUTH',
        message: expect.stringMatching(/S3 rejected the credentials for bucket trail: InvalidAccessKeyId \(bucket trail at http:\/\/127\.0\.0\.1:\d+/),
      });
      const done = next();
      const { jobId } = await backend.call('source:pull', { name: 'trail', s3Keys: wrong });
      expect(await done).toMatchObject({ jobId, status: 'failed', error: expect.stringContaining('InvalidAccessKeyId') });
      const [pull] = (await backend.call('source:history', { name: 'trail' })).pulls;
      expect(pull).toMatchObject({ status: 'failed', error: expect.stringContaining('rejected the credentials'), s3: { objects: 0 } });

      await backend.call('sources:save', { name: 'gone', kind: 's3', config: { bucket: 'no-such-bucket', endpoint: s3.endpoint } });
      await expect(backend.call('source:test', { name: 'gone', s3Keys: KEYS })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/no such bucket: bucket no-such-bucket at/) });
      await backend.call('sources:save', { name: 'typo', kind: 's3', config: { bucket: 'trail', prefix: 'AWSLog/', endpoint: s3.endpoint } });
      await expect(backend.call('source:test', { name: 'typo', s3Keys: KEYS })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('s3://trail/AWSLog/') });
      // A secret can never be part of a stored config; names of API and S3 sources do not collide.
      const withSecret = await backend.invoke('sources:save', { name: 'x', kind: 's3', config: { bucket: 'trail', secretAccessKey: SECRET } });
      expect(withSecret).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      await expect(backend.call('sources:save', { name: 'trail', preset: 'okta', config: { baseUrl: 'https://x.okta.com', params: {}, auth: { kind: 'none' } } }))
        .rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('is an S3 source') });
    } finally {
      await backend.close();
    }
  });
});
