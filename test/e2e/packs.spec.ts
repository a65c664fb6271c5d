import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { cli, expect, test } from './fixtures.js';

/**
 * Evidence packs from the UI: open Packs from the header, see the populations' counts for an access review of the
 * demo case, build the pack with progress, find it in the history with the zip's SHA-256, and Verify it.
 */

const POPULATION = 'time>=2026-10-06T00:00:00Z time<2026-11-05T00:00:00Z (category:authentication OR category:user_management OR category:authorization)';

test('build an access-review pack from the UI, see it in the history, Verify says OK, download it', async ({ page, startHost, dataDir }) => {
  const host = await startHost({ demoEvents: 2000 });
  const expected = (await cli(['query', '--case', host.caseFile, POPULATION, '--format', 'jsonl', '--limit', '100000'])).trim().split('\n').length;
  expect(expected).toBeGreaterThan(100);

  await page.goto(host.url);
  await expect(page.getByTestId('result-count')).toHaveText('2,000 events');
  const dialog = page.getByRole('dialog', { name: 'Evidence packs' });

  await test.step('the Packs screen previews the counts per population', async () => {
    await page.getByRole('button', { name: 'Packs' }).click();
    await expect(dialog.getByLabel('Pack type')).toHaveValue('access-review');
    await expect(dialog.getByLabel('From (UTC)')).toHaveValue('2026-10-06T00:00');
    await expect(dialog.getByLabel('To (UTC, exclusive)')).toHaveValue('2026-11-05T00:00');
    await expect(dialog.getByRole('group', { name: 'Sources' }).getByRole('checkbox', { name: 'demo' })).toBeVisible();
    await expect(dialog.getByTestId('pack-total')).toHaveText(expected.toLocaleString('en-US'));
    await expect(dialog.getByRole('table', { name: 'Preview' }).getByRole('row')).toHaveCount(5);
    await expect(dialog.getByText('No packs built from this case yet.')).toBeVisible();
  });

  let sha = '';
  let file = '';
  await test.step('Build pack: the history lists it, completed, with its SHA-256', async () => {
    await dialog.getByRole('button', { name: 'Build pack' }).click();
    const row = dialog.getByTestId('pack-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('pack-status')).toHaveText('completed', { timeout: 60_000 });
    await expect(row.getByRole('cell').nth(2)).toHaveText(expected.toLocaleString('en-US'));
    sha = (await row.getByTestId('pack-sha256').getAttribute('title')) ?? '';
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    file = (await row.getByRole('cell').nth(7).locator('[title]').getAttribute('title')) ?? '';
    expect(file).toMatch(/\.auditlens\.packs\/access-review-2026-10-06-2026-11-05-[0-9a-f]{8}\.zip$/);
    expect(createHash('sha256').update(await readFile(file)).digest('hex')).toBe(sha);
  });

  await test.step('Verify says OK', async () => {
    await dialog.getByRole('button', { name: /^Verify the access-review pack/ }).click();
    await expect(dialog.getByTestId('pack-verify-result')).toHaveText(
      new RegExp(`^Verify OK: ${expected.toLocaleString('en-US')} events, Payload-Oxum \\d+\\.8;`),
    );
  });

  await test.step('Download (browser host): the zip served is the one in the history, byte for byte', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('link', { name: /^Download the Access review pack built / }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(path.basename(file));
    const saved = path.join(dataDir, 'downloaded-pack.zip');
    await download.saveAs(saved);
    expect(createHash('sha256').update(await readFile(saved)).digest('hex')).toBe(sha);
  });
});
