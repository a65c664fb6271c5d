import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testS3Connection } from '../../electron/backend/sources/s3-client.js';
import { pullS3, type PullS3Options, type S3PullSummary } from '../../electron/backend/sources/s3-pull.js';
import type { Db } from '../../electron/backend/store/open.js';
import { AppError } from '../../shared/errors.js';
import {
  ACCOUNT, closedPort, cloudTrailObject, digestObject, startErrorEndpoint, startFaultProxy, startS3rver, upload, type LocalS3,
  type TrailObject,
} from '../helpers/s3.js';
import { useCaseFiles } from '../helpers/temp.js';

/**
 * The S3 puller against a real S3-compatible server on loopback: a CloudTrail-shaped bucket of more than 1,000
 * gzipped log files (so every listing needs continuation tokens), digest files beside it, two regions.
 */

let s3: LocalS3;
let serverDir: string;
const trail: TrailObject[] = [];
const DAYS = 10;
const PER_DAY = 110;

beforeAll(async () => {
  serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-s3rver-'));
  s3 = await startS3rver(serverDir, ['trail']);
  const digests = [];
  for (let day = 1; day <= DAYS; day++) {
    for (let i = 0; i < PER_DAY; i++) {
      trail.push(cloudTrailObject('us-east-1', Date.UTC(2026, 0, day, i % 24, (i * 7) % 60), 1 + (i % 3)));
    }
    digests.push(digestObject('us-east-1', Date.UTC(2026, 0, day, 1, 0)));
  }
  for (let day = 1; day <= 2; day++) {
    for (let i = 0; i < 5; i++) trail.push(cloudTrailObject('eu-west-1', Date.UTC(2026, 0, day, 3 + i, 15), 2));
  }
  await upload(s3.client, 'trail', [...trail, ...digests]);
}, 120_000);

afterAll(async () => {
  await s3?.close();
  fs.rmSync(serverDir, { recursive: true, force: true });
});

const newCase = useCaseFiles();

function pull(db: Db, extra: Partial<PullS3Options> = {}): Promise<S3PullSummary> {
  return pullS3({ db, bucket: 'trail', client: s3.options, jobId: `job-${Math.random()}`, ...extra });
}

const recordsOf = (objects: TrailObject[]) => objects.reduce((n, o) => n + o.eventIds.length, 0);
const eventCount = (db: Db) => (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

async function pullError(db: Db, extra: Partial<PullS3Options>): Promise<AppError> {
  const err = await pull(db, extra).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('S3 pull (s3rver on 127.0.0.1)', () => {
  it('imports every record with s3:// provenance, skips unchanged objects on the next pull, then fetches only new ones', async () => {
    const db = newCase();
    const first = await pull(db, { prefix: 'AWSLogs/' });
    expect(first.failed).toEqual([]);
    expect(first).toMatchObject({ mode: 'prefix', listed: trail.length, imported: trail.length, skippedUnchanged: 0 });
    // s3rver pages its filesystem walk in directory order, not S3 key order, so the digest keys (CloudTrail-Digest/
    // sorts before CloudTrail/ in S3) fall behind the first continuation token; real S3 returns them too.
    expect(first.scanned).toBeGreaterThanOrEqual(trail.length);
    expect(first.scanned).toBe(trail.length + first.skippedDigest);
    expect(first.listRequests).toBeGreaterThan(1); // > 1,000 keys: continuation tokens were followed
    expect(first.events).toBe(recordsOf(trail));
    expect(eventCount(db)).toBe(recordsOf(trail));

    const sample = trail[777];
    const sha = createHash('sha256').update(sample.body).digest('hex');
    const ev = db.prepare('SELECT prov_object AS object, prov_sha256 AS sha, format FROM events WHERE vendor_id = ?').get(sample.eventIds[0]);
    expect(ev).toEqual({ object: `s3://trail/${sample.key}`, sha, format: 'cloudtrail' });
    const note = first.objects.find((o) => o.key === sample.key);
    expect(note).toMatchObject({ url: `s3://trail/${sample.key}`, sha256: sha, size: sample.body.length, status: 'completed' });
    expect(note!.etag).toBe(`"${createHash('md5').update(sample.body).digest('hex')}"`);
    const row = db.prepare('SELECT object, sha256, status FROM imports WHERE id = ?').get(note!.importId);
    expect(row).toEqual({ object: `s3://trail/${sample.key}`, sha256: sha, status: 'completed' });

    const second = await pull(db, { prefix: 'AWSLogs/' });
    expect(second).toMatchObject({ listed: trail.length, skippedUnchanged: trail.length, imported: 0, events: 0, failed: [] });

    const added = [1, 2, 3].map((i) => cloudTrailObject('us-east-1', Date.UTC(2026, 0, 28, i, 0), 2));
    await upload(s3.client, 'trail', added);
    trail.push(...added);
    const third = await pull(db, { prefix: 'AWSLogs/' });
    expect(third).toMatchObject({ listed: trail.length, skippedUnchanged: trail.length - 3, imported: 3, events: recordsOf(added) });
    expect(third.objects.map((o) => o.key).sort()).toEqual(added.map((o) => o.key).sort());
    expect(eventCount(db)).toBe(recordsOf(trail));
  }, 180_000);

  it('with a date range, lists only the day folders it needs (discovering account and regions from the bucket root)', async () => {
    const db = newCase();
    const summary = await pull(db, { since: '2026-01-03', until: '2026-01-04' });
    const folder = (region: string, day: string) => `AWSLogs/${ACCOUNT}/CloudTrail/${region}/2026/01/${day}/`;
    // until 2026-01-04 means the end of that day; an hour of delivery slack reaches into the 5th.
    expect(summary.mode).toBe('days');
    expect([...summary.prefixes].sort()).toEqual(
      ['eu-west-1', 'us-east-1'].flatMap((r) => ['03', '04', '05'].map((d) => folder(r, d))).sort(),
    );
    const expected = trail.filter((o) => o.time >= Date.UTC(2026, 0, 3) && o.time < Date.UTC(2026, 0, 5, 1));
    expect(summary.listed).toBe(expected.length);
    expect(summary.scanned).toBeLessThan(4 * PER_DAY);
    expect(summary.imported).toBe(expected.length);
    expect(eventCount(db)).toBe(recordsOf(expected));
  }, 120_000);

  it('filters keys by a glob pattern', async () => {
    const db = newCase();
    const summary = await pull(db, { prefix: 'AWSLogs/', pattern: `**/eu-west-1/**` });
    expect(summary.listed).toBe(10);
    expect(summary.imported).toBe(10);
  });

  it('reports wrong credentials as SOURCE_AUTH and records the failure in the import log', async () => {
    const db = newCase();
    const badKey = await pullError(db, { client: { ...s3.options, credentials: { accessKeyId: 'NOPE', secretAccessKey: 'S3RVER' } } });
    expect(badKey.code).toBe('SOURCE_AUTH');
    expect(badKey.message).toBe(`S3 rejected the credentials for bucket trail: InvalidAccessKeyId (bucket trail at ${s3.endpoint} (region us-east-1))`);
    // s3rver checks the key id but not SigV4 signatures: a wrong secret is answered by an endpoint that does.
    const strict = await startErrorEndpoint(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match');
    try {
      const badSecret = await pullError(db, { client: { ...s3.options, endpoint: strict.endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wrong-secret' } } });
      expect(badSecret.code).toBe('SOURCE_AUTH');
      expect(badSecret.message).toMatch(/^S3 rejected the credentials for bucket trail: SignatureDoesNotMatch/);
      expect(badSecret.message).not.toContain('wrong-secret');
    } finally {
      await strict.close();
    }
    const rows = db.prepare(`SELECT object, status, message FROM imports ORDER BY id`).all() as { object: string; status: string; message: string }[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ object: 's3://trail/', status: 'failed' });
    expect(rows[0].message).toContain('InvalidAccessKeyId');
  });

  it('tests a connection with one small LIST, with the same classified errors as a pull', async () => {
    const ok = await testS3Connection(s3.options, 'trail', 'AWSLogs/');
    expect(ok.sampleKeys).toHaveLength(5);
    expect(ok.more).toBe(true);
    await expect(testS3Connection({ ...s3.options, credentials: { accessKeyId: 'NOPE', secretAccessKey: 'x' } }, 'trail')).rejects.toMatchObject({
      code: 'SOURCE_AUTH',
    });
    await expect(testS3Connection(s3.options, 'missing-bucket')).rejects.toMatchObject({ code: 'SOURCE_UNREACHABLE' });
  });

  it('skips CloudTrail digest files (they are for integrity validation, not events)', async () => {
    const db = newCase();
    const summary = await pull(db, { prefix: `AWSLogs/${ACCOUNT}/CloudTrail-Digest/` });
    expect(summary).toMatchObject({ scanned: DAYS, skippedDigest: DAYS, listed: 0, imported: 0, events: 0 });
  });

  it('reports a closed port and a missing bucket as SOURCE_UNREACHABLE, naming bucket, endpoint and region', async () => {
    const db = newCase();
    const port = await closedPort();
    const down = await pullError(db, { client: { ...s3.options, endpoint: `http://127.0.0.1:${port}`, maxAttempts: 1 } });
    expect(down.code).toBe('SOURCE_UNREACHABLE');
    expect(down.message).toBe(`cannot reach bucket trail at http://127.0.0.1:${port} (region us-east-1): ECONNREFUSED`);
    const missing = await pullError(db, { bucket: 'no-such-bucket' });
    expect(missing.code).toBe('SOURCE_UNREACHABLE');
    expect(missing.message).toContain(`bucket no-such-bucket at ${s3.endpoint} (region us-east-1): NoSuchBucket`);
  });

  it('after a cancel mid-pull, a re-run imports every remaining object exactly once', async () => {
    const db = newCase();
    const controller = new AbortController();
    const first = await pull(db, {
      prefix: 'AWSLogs/',
      signal: controller.signal,
      onProgress: (p) => {
        if (p.objectsDone >= 150) controller.abort();
      },
    });
    expect(first.cancelled).toBe(true);
    expect(first.imported).toBeGreaterThanOrEqual(150);
    expect(first.imported).toBeLessThan(trail.length);
    const second = await pull(db, { prefix: 'AWSLogs/' });
    expect(second.cancelled).toBe(false);
    expect(second.failed).toEqual([]);
    expect(second.skippedUnchanged).toBe(first.imported + first.alreadyInCase);
    expect(first.imported + first.alreadyInCase + second.imported + second.alreadyInCase).toBe(trail.length);
    expect(eventCount(db)).toBe(recordsOf(trail));
    const ids = db.prepare('SELECT COUNT(DISTINCT vendor_id) AS n FROM events').get() as { n: number };
    expect(ids.n).toBe(recordsOf(trail));
  }, 180_000);

  it('when the checkpoint file is lost (killed before it was written), re-downloads but adds nothing', async () => {
    const db = newCase();
    const first = await pull(db, { prefix: `AWSLogs/${ACCOUNT}/CloudTrail/eu-west-1/` });
    expect(first.imported).toBe(10);
    fs.rmSync(first.checkpointFile);
    const again = await pull(db, { prefix: `AWSLogs/${ACCOUNT}/CloudTrail/eu-west-1/` });
    expect(again).toMatchObject({ listed: 10, skippedUnchanged: 0, imported: 0, alreadyInCase: 10, events: 0 });
    expect(eventCount(db)).toBe(20);
    const third = await pull(db, { prefix: `AWSLogs/${ACCOUNT}/CloudTrail/eu-west-1/` });
    expect(third.skippedUnchanged).toBe(10);
  });

  it('a denied object and a connection dropped mid-object fail alone: the rest completes, and the next pull gets them', async () => {
    const db = newCase();
    const prefix = `AWSLogs/${ACCOUNT}/CloudTrail/eu-west-1/`;
    const eu = trail.filter((o) => o.key.startsWith(prefix)).sort((a, b) => (a.key < b.key ? -1 : 1));
    const [denied, cut] = [eu[2], eu[5]];
    const proxy = await startFaultProxy(s3.endpoint, (method, url) =>
      method !== 'GET' ? undefined : url.includes(denied.key) ? 'deny' : url.includes(cut.key) ? 'cut' : undefined,
    );
    try {
      const summary = await pull(db, { prefix, client: { ...s3.options, endpoint: proxy.endpoint } });
      expect(summary).toMatchObject({ listed: 10, imported: 8, stoppedEarly: null });
      const failures = Object.fromEntries(summary.failed.map((f) => [f.key, f.error]));
      expect(Object.keys(failures).sort()).toEqual([denied.key, cut.key].sort());
      expect(failures[denied.key]).toMatch(new RegExp(`^S3 denied access to s3://trail/${denied.key}: AccessDenied`));
      expect(failures[cut.key]).toMatch(/connection dropped mid-object/);
      const rows = db.prepare(`SELECT object, message FROM imports WHERE status = 'failed' ORDER BY object`).all() as { object: string; message: string }[];
      expect(rows.map((r) => r.object).sort()).toEqual([`s3://trail/${denied.key}`, `s3://trail/${cut.key}`].sort());
      expect(eventCount(db)).toBe(recordsOf(eu) - recordsOf([denied, cut]));
    } finally {
      await proxy.close();
    }
    const retry = await pull(db, { prefix });
    expect(retry).toMatchObject({ listed: 10, skippedUnchanged: 8, imported: 2, failed: [] });
    expect(eventCount(db)).toBe(recordsOf(eu));
  });

  it('stops early when every download is refused instead of failing a thousand objects one by one', async () => {
    const db = newCase();
    const proxy = await startFaultProxy(s3.endpoint, (method, url) => (method === 'GET' && url.includes('.json.gz') ? 'deny' : undefined));
    try {
      const summary = await pull(db, { prefix: 'AWSLogs/', client: { ...s3.options, endpoint: proxy.endpoint } });
      expect(summary.listed).toBe(trail.length);
      expect(summary.imported).toBe(0);
      expect(summary.failed.length).toBeGreaterThanOrEqual(8);
      expect(summary.failed.length).toBeLessThan(8 + 4); // at most the downloads already in flight
      expect(summary.stoppedEarly).toMatch(/^stopped after 8 consecutive failures \(last: S3 denied access/);
    } finally {
      await proxy.close();
    }
  });
});
