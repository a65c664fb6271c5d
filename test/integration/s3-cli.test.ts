import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliAsync } from '../helpers/cli.js';
import { cloudTrailObject, S3RVER_KEYS, startS3rver, upload, type LocalS3 } from '../helpers/s3.js';

let dir: string;
let s3: LocalS3;
const env = { AWS_ACCESS_KEY_ID: S3RVER_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: S3RVER_KEYS.secretAccessKey, AWS_REGION: 'us-east-1' };

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-s3cli-'));
  s3 = await startS3rver(path.join(dir, 's3'), ['trail']);
  const start = Date.UTC(2026, 0, 2, 0, 0);
  await upload(s3.client, 'trail', Array.from({ length: 12 }, (_, i) => cloudTrailObject('us-east-1', start + i * 3_600_000, 2)));
});

afterAll(async () => {
  await s3?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('auditlens import s3://', () => {
  it('pulls a bucket with credentials from the environment, then skips unchanged objects', async () => {
    const caseFile = path.join(dir, 'c.auditlens');
    const first = await cliAsync(['import', 's3://trail/AWSLogs/', '--case', caseFile, '--endpoint', s3.endpoint], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/12 objects listed, 0 unchanged \(skipped\), 12 imported, 0 failed; 24 new events/);
    const again = await cliAsync(['import', 's3://trail/AWSLogs/', '--case', caseFile, '--endpoint', s3.endpoint], env);
    expect(again.stdout).toMatch(/12 unchanged \(skipped\), 0 imported/);
    const q = await cliAsync(['query', '--case', caseFile, '--format', 'jsonl', '--limit', '1']);
    expect(JSON.parse(q.stdout).provenance.object).toMatch(/^s3:\/\/trail\/AWSLogs\/.*\.json\.gz$/);
  });

  it('says so when the credentials are wrong, with exit code 1', async () => {
    const r = await cliAsync(['import', 's3://trail/', '--case', path.join(dir, 'w.auditlens'), '--endpoint', s3.endpoint], {
      ...env,
      AWS_ACCESS_KEY_ID: 'WRONG',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/credentials/i);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
