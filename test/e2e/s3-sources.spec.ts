import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cloudTrailObject, digestObject, startS3rver, upload } from '../helpers/s3.js';
import { expect, REPO, test } from './fixtures.js';

/**
 * The Sources screen with an S3 bucket (s3rver on loopback, started here): add it with keys typed for this session
 * and CloudTrail validation on, test the connection, pull, pull again (only the new object, the rest skipped), read
 * the pull history with its integrity summary; wrong keys are a clear SOURCE_AUTH message.
 */

// s3rver checks the access key id, not the signature: the secret only has to be typed.
const KEY_ID = 'S3RVER';
const start = Date.UTC(2026, 2, 10, 0, 0);

test('add an S3 source, test it, pull it twice and read the pull history', async ({ page, startHost }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-e2e-s3-'));
  const s3 = await startS3rver(dir, ['trail']);
  try {
    // The digest file is never imported as events: 3 objects are pulled, not 4.
    await upload(s3.client, 'trail', [
      ...Array.from({ length: 3 }, (_, i) => cloudTrailObject('us-east-1', start + i * 3_600_000, 2)),
      digestObject('us-east-1', start + 3_600_000),
    ]);
    const host = await startHost();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Sources' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sources' });

    await test.step('add an S3 bucket with keys for this session', async () => {
      await dialog.getByRole('button', { name: 'Add source…' }).click();
      const form = dialog.getByRole('form', { name: 'Add a source' });
      await form.getByLabel('Name').fill('cloudtrail');
      await form.getByLabel('Preset').selectOption({ label: 'S3 bucket' });
      await form.getByLabel('Bucket and prefix').fill('s3://trail/AWSLogs/');
      await form.getByLabel('Region').fill('us-east-1');
      await form.getByLabel('Custom endpoint (S3-compatible store)').fill(s3.endpoint);
      await form.getByLabel('Access key id for this session').fill(KEY_ID);
      await form.getByLabel('Secret access key for this session').fill('e2e-typed-secret');
      await expect(form.getByTestId('s3-keys-note')).toContainText('never in the case file, logs or exports');
      await form.getByLabel('Validate CloudTrail log-file integrity after each pull').check();
      await form.getByRole('button', { name: 'Add source' }).click();
      await expect(dialog.getByRole('button', { name: /cloudtrail S3 bucket/ })).toBeVisible();
      const facts = dialog.getByTestId('s3-source-facts');
      await expect(facts).toContainText('s3://trail/AWSLogs/');
      await expect(facts).toContainText(`access key ${KEY_ID} entered for this session`);
      await expect(facts).toContainText('CloudTrail validation after each pull, signatures unchecked');
    });

    await test.step('test the connection, then pull now', async () => {
      await dialog.getByRole('button', { name: 'Test connection' }).click();
      await expect(dialog.getByTestId('source-message')).toContainText('Connected: listed s3://trail/AWSLogs/, first keys: AWSLogs/123456789012/');
      await dialog.getByRole('button', { name: 'Pull now' }).click();
      await expect(dialog.getByTestId('pull-result')).toContainText('Pull completed: 6 new events, 0 duplicates');
      const row = dialog.getByTestId('pull-row');
      await expect(row).toHaveCount(1);
      // Started, Status, Objects, Skipped, Failed, Events, Dupes, Integrity, Error
      await expect(row.getByRole('cell').nth(2)).toHaveText('3');
      await expect(row.getByRole('cell').nth(3)).toHaveText('0');
      await expect(row.getByRole('cell').nth(4)).toHaveText('0');
      await expect(row.getByRole('cell').nth(5)).toHaveText('6');
      // The bucket's only digest file is not a real one for these hours: every file judged, none verified.
      await expect(row.getByTestId('pull-integrity')).toContainText('0 verified, 3 unverified, 0 mismatch');
      await expect(dialog.getByRole('table', { name: 'Objects of cloudtrail' }).getByTestId('page-row')).toHaveCount(3);
    });

    await test.step('pull again: only the new object, the others skipped as unchanged', async () => {
      await upload(s3.client, 'trail', [cloudTrailObject('us-east-1', start + 3 * 3_600_000, 5)]);
      await dialog.getByRole('button', { name: 'Pull now' }).click();
      await expect(dialog.getByTestId('pull-result')).toContainText('Pull completed: 5 new events');
      const newest = dialog.getByTestId('pull-row').first();
      await expect(dialog.getByTestId('pull-row')).toHaveCount(2);
      await expect(newest.getByRole('cell').nth(2)).toHaveText('1');
      await expect(newest.getByRole('cell').nth(3)).toHaveText('3');
      await page.screenshot({ path: path.join(REPO, 'docs', 'sources-s3.png') });
    });

    await test.step('wrong keys are a clear authentication error', async () => {
      await dialog.getByRole('button', { name: 'Edit…' }).click();
      const form = dialog.getByRole('form', { name: 'Edit source cloudtrail' });
      await expect(form.getByLabel('Bucket and prefix')).toHaveValue('s3://trail/AWSLogs/');
      await form.getByLabel('Access key id for this session').fill('AKIAWRONG');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await dialog.getByRole('button', { name: 'Test connection' }).click();
      await expect(dialog.getByRole('alert')).toContainText('S3 rejected the credentials for bucket trail: InvalidAccessKeyId');
    });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('result-count')).toContainText('11');
  } finally {
    await s3.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
