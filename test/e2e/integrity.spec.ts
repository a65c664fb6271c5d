import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { digestChain, testKey } from '../helpers/cloudtrail-digests.js';
import { cloudTrailObject, S3RVER_KEYS, startS3rver, upload } from '../helpers/s3.js';
import { expect, REPO, test } from './fixtures.js';

/**
 * CloudTrail integrity in the UI: a signed trail on s3rver (one tampered file, one hour without a log file) pulled
 * and validated with the real CLI, then the Integrity panel and the event details' provenance in Chromium.
 */

const run = promisify(execFile);

test('shows integrity verdicts and gaps, and each S3 event\'s object, ETag and verdict', async ({ page, startHost, dataDir }) => {
  const s3 = await startS3rver(path.join(dataDir, 's3'), ['trail']);
  try {
    const key = testKey();
    const periods = Array.from({ length: 12 }, (_, h) => Date.UTC(2026, 3, 1, h));
    const logs = periods.filter((_, h) => h !== 5).map((t) => cloudTrailObject('us-east-1', t + 20 * 60_000, 2));
    const digests = digestChain('trail', 'us-east-1', periods, logs, key);
    const tampered = { ...logs[3], body: cloudTrailObject('us-east-1', logs[3].time, 2).body };
    await upload(s3.client, 'trail', [...logs.filter((l) => l !== logs[3]), tampered, ...digests.map((d) => ({ ...d }))]);
    const pem = path.join(dataDir, 'key.pem');
    fs.writeFileSync(pem, key.publicPem);
    const caseFile = path.join(dataDir, 'trail.auditlens');
    const pulled = await run(process.execPath, [path.join(REPO, 'bin', 'auditlens.js'), 'import', 's3://trail/AWSLogs/', '--case', caseFile,
      '--endpoint', s3.endpoint, '--validate', '--public-key', pem], {
      cwd: REPO,
      env: { ...process.env, AWS_ACCESS_KEY_ID: S3RVER_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: S3RVER_KEYS.secretAccessKey },
    }).catch((e: { code: number; stdout: string }) => e);
    expect(pulled.stdout).toContain('11 log files — 10 verified, 0 unverified, 1 mismatch');

    const host = await startHost({ caseFile });
    await page.goto(host.url);

    await test.step('the Integrity panel counts verdicts and lists the gap and the tampered file', async () => {
      await page.getByRole('button', { name: 'Integrity' }).click();
      const dialog = page.getByRole('dialog', { name: 'Log-file integrity' });
      await expect(dialog.getByTestId('integrity-count-verified')).toContainText('10');
      await expect(dialog.getByTestId('integrity-count-mismatch')).toContainText('1');
      const gaps = dialog.getByRole('table', { name: 'Integrity gaps' });
      await expect(gaps.getByRole('row')).toHaveCount(2);
      await expect(gaps.getByRole('row').nth(1)).toContainText('no-log-file');
      await expect(gaps.getByRole('row').nth(1)).toContainText('2026-04-01 05:00');
      const objects = dialog.getByRole('table', { name: 'Objects not verified' });
      await expect(objects.getByRole('row').nth(1)).toContainText('Mismatch');
      await expect(objects.getByRole('row').nth(1)).toContainText(tampered.key);
      await dialog.getByRole('button', { name: 'Close' }).click();
    });

    await test.step('the event details show the object, its ETag and its verdict', async () => {
      await page.getByRole('row').nth(1).click();
      await page.keyboard.press('Enter');
      const provenance = page.getByRole('region', { name: 'Provenance' });
      await expect(provenance).toContainText('s3://trail/AWSLogs/');
      await expect(provenance.getByTestId('object-integrity')).toContainText('ETag');
      await expect(provenance.getByTestId('integrity-badge')).toHaveText(/Verified|Mismatch/);
    });
  } finally {
    await s3.close();
  }
});
