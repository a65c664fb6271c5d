import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliAsync } from '../helpers/cli.js';
import { cloudTrailObject, S3RVER_KEYS, startS3rver, upload, type LocalS3 } from '../helpers/s3.js';

/** `auditlens source add NAME --s3 ...` and `auditlens pull NAME` against s3rver, credentials from the environment. */

let dir: string;
let s3: LocalS3;
const env = { AWS_ACCESS_KEY_ID: S3RVER_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: S3RVER_KEYS.secretAccessKey };
const start = Date.UTC(2026, 1, 3, 0, 0);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-s3src-cli-'));
  s3 = await startS3rver(path.join(dir, 's3'), ['trail']);
  await upload(s3.client, 'trail', Array.from({ length: 4 }, (_, i) => cloudTrailObject('eu-west-1', start + i * 3_600_000, 2)));
});

afterAll(async () => {
  await s3?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('auditlens source add --s3 / pull', () => {
  it('adds an S3 source, pulls it, pulls again with only the new object, and lists it', async () => {
    const caseFile = path.join(dir, 'c.auditlens');
    const add = await cliAsync(['source', 'add', 'ct', '--s3', 's3://trail/AWSLogs/', '--endpoint', s3.endpoint, '--region', 'eu-west-1', '--case', caseFile]);
    expect(add.stderr).toBe('');
    expect(add.stdout).toBe(`source ct: S3 bucket s3://trail/AWSLogs/ at ${s3.endpoint} (the AWS default credential chain); pull it with: auditlens pull ct --case FILE\n`);

    const first = await cliAsync(['pull', 'ct', '--case', caseFile], env);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^pulled ct \[s3\]: 4 object\(s\) fetched, 0 skipped as unchanged, 0 failed; 8 new events, 0 duplicates, 0 rejects in [\d.]+ s — up to date\n$/);

    await upload(s3.client, 'trail', [cloudTrailObject('eu-west-1', start + 4 * 3_600_000, 3)]);
    const again = await cliAsync(['pull', 'ct', '--case', caseFile], env);
    expect(again.stdout).toMatch(/1 object\(s\) fetched, 4 skipped as unchanged, 0 failed; 3 new events/);

    const listed = await cliAsync(['sources', '--case', caseFile]);
    expect(listed.stdout).toMatch(new RegExp(`ct\\ts3\\ts3://trail/AWSLogs/ @ ${s3.endpoint.replace(/\./g, '\\.')}\\tAWS chain\\t-\\tobjects by key \\+ ETag\\tcompleted .*: 3 new, 0 dup`));
  });

  it('fails with exit code 1 and a clear message when the credentials are refused', async () => {
    const caseFile = path.join(dir, 'w.auditlens');
    await cliAsync(['source', 'add', 'ct', '--s3', 's3://trail/', '--endpoint', s3.endpoint, '--case', caseFile]);
    const r = await cliAsync(['pull', 'ct', '--case', caseFile], { ...env, AWS_ACCESS_KEY_ID: 'WRONG' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAILED \(SOURCE_AUTH\): S3 rejected the credentials for bucket trail: InvalidAccessKeyId/);
  });

  it('refuses bad input before storing anything', async () => {
    const caseFile = path.join(dir, 'b.auditlens');
    const bad = await cliAsync(['source', 'add', 'ct', '--s3', 'http://trail/', '--case', caseFile]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('not an S3 URL: http://trail/ (expected s3://bucket/prefix)');
    const key = await cliAsync(['source', 'add', 'ct', '--s3', 's3://trail/', '--validate', '--public-key', path.join(dir, 'none.pem'), '--case', caseFile]);
    expect(key.stderr).toMatch(/cannot read the public key file .*none\.pem: ENOENT/);
    const both = await cliAsync(['source', 'add', 'ct', '--s3', 's3://trail/', '--preset', 'okta', '--case', caseFile]);
    expect(both.stderr).toContain('either --s3 or --preset');
  });
});
