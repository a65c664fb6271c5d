import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliAsync, REPO } from '../helpers/cli.js';
import { S3RVER_KEYS, startS3rver, upload, type LocalS3 } from '../helpers/s3.js';

// Seed 000: Specmatic Insights exports audit logs to an S3 destination of the organization. The analyst pulls that
// prefix with `auditlens import s3://...` (a real S3-compatible server) and reads the events with their S3 origin.
const SEED = fs.readFileSync(path.join(REPO, 'test', 'e2e', 'seeds', 'seed-000-specmatic-audit.jsonl'));
const env = { AWS_ACCESS_KEY_ID: S3RVER_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: S3RVER_KEYS.secretAccessKey, AWS_REGION: 'us-east-1' };
let root: string;
let s3: LocalS3;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-seed000-'));
  s3 = await startS3rver(path.join(root, 's3'), ['specmatic-audit-exports']);
  const lines = SEED.toString('utf8').trim().split('\n');
  // Two export batches, as the exporter writes them (batch size configurable in Settings -> Audit).
  await upload(s3.client, 'specmatic-audit-exports', [
    { key: 'org-7f3a/2026/04/01/audit-batch-000001.jsonl', body: Buffer.from(`${lines.slice(0, 17).join('\n')}\n`) },
    { key: 'org-7f3a/2026/04/02/audit-batch-000002.jsonl', body: Buffer.from(`${lines.slice(17).join('\n')}\n`) },
  ]);
});

afterAll(async () => {
  await s3?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('seed 000: the organization\'s S3 audit export', () => {
  it('imports the export prefix and answers the Audit Events questions from it', async () => {
    const caseFile = path.join(root, 'specmatic.auditlens');
    const pull = await cliAsync(['import', 's3://specmatic-audit-exports/org-7f3a/', '--case', caseFile, '--endpoint', s3.endpoint], env);
    expect(pull.stderr).toBe('');
    expect(pull.code).toBe(0);
    expect(pull.stdout).toMatch(/2 objects listed, 0 unchanged \(skipped\), 2 imported, 0 failed; 20 new events/);
    const q = await cliAsync(['query', '--case', caseFile, 'action:LOGIN_FAILURE', '--format', 'jsonl']);
    const failures = q.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(failures.map((e) => [e.actor, e.sourceIp, e.outcome])).toEqual(Array(3).fill(['mallory@evil.example', '198.51.100.66', 'failure']));
    expect((failures[0].provenance as { object: string }).object).toBe('s3://specmatic-audit-exports/org-7f3a/2026/04/01/audit-batch-000001.jsonl');
    const exports = await cliAsync(['query', '--case', caseFile, 'action:AUDIT_EXPORT_*', '--format', 'jsonl', '--order', 'asc']);
    expect(exports.stdout.trim().split('\n').map((l) => [JSON.parse(l).action, JSON.parse(l).outcome])).toEqual([
      ['AUDIT_EXPORT_STARTED', 'unknown'], ['AUDIT_EXPORT_FAILED', 'failure'],
      ['AUDIT_EXPORT_STARTED', 'unknown'], ['AUDIT_EXPORT_COMPLETED', 'success'],
    ]);
  }, 120_000);
});
