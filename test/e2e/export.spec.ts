import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import Papa from 'papaparse';
import { cli, expect, REPO, test } from './fixtures.js';

/**
 * Export the current view: filter the demo case with the query bar, export it as CSV from the UI, find it in the
 * Export history with its row count and SHA-256, download it and check it holds exactly the view's rows.
 */

const QUERY = 'outcome:failure';

test('export the filtered view as CSV, see it in the history, download it', async ({ page, startHost, dataDir }) => {
  const host = await startHost({ demoEvents: 3000 });
  // The rows the view selects, newest first (the view's order), straight from the CLI.
  const expected = (await cli(['query', '--case', host.caseFile, QUERY, '--format', 'jsonl', '--limit', '100000']))
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { id: string }).id);
  expect(expected.length).toBeGreaterThan(50);
  const n = expected.length.toLocaleString('en-US');

  await test.step('filter with the query bar', async () => {
    await page.goto(host.url);
    await expect(page.getByTestId('result-count')).toHaveText('3,000 events');
    const q = page.getByLabel('Query', { exact: true }); // a textbox or a combobox with completion
    await q.fill(QUERY);
    await q.press('Enter');
    await expect(page.getByTestId('result-count')).toHaveText(`${n} of 3,000 events`);
  });

  await test.step('the Export dialog shows the query and the row count it will export', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the current view' });
    await expect(dialog.getByTestId('export-query')).toHaveText(QUERY);
    await expect(dialog.getByTestId('export-rows')).toHaveText(`${n} events, newest first`);
    await dialog.getByLabel('Name').fill('failed actions');
    await expect(dialog.getByRole('radio', { name: /CSV/ })).toBeChecked();
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('export-result')).toContainText(`Exported ${n} rows`);
  });

  let sha256 = '';
  await test.step('the Export history lists it: name, format, query, rows, size, SHA-256, status', async () => {
    await page.getByRole('button', { name: 'Export history' }).click();
    const history = page.getByRole('dialog', { name: 'Export history' });
    const row = history.getByTestId('export-row');
    await expect(row).toHaveCount(1);
    const cells = row.getByRole('cell');
    await expect(cells.nth(0)).toHaveText('failed actions');
    await expect(cells.nth(1)).toHaveText('CSV');
    await expect(cells.nth(2)).toHaveText(QUERY);
    await expect(cells.nth(3)).toHaveText(n);
    await expect(cells.nth(6)).toHaveText('completed');
    await expect(cells.nth(8)).toHaveText('UI');
    sha256 = (await cells.nth(5).locator('[title]').getAttribute('title')) ?? '';
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    await expect(cells.nth(5).getByRole('button', { name: 'Copy SHA-256 of failed actions' })).toBeVisible();
    await page.screenshot({ path: path.join(REPO, 'docs', 'export.png') });
  });

  await test.step('download it: the file holds exactly the rows of the view, and its SHA-256 is the recorded one', async () => {
    const history = page.getByRole('dialog', { name: 'Export history' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      history.getByRole('link', { name: 'Download failed actions' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('failed actions.csv');
    const file = path.join(dataDir, 'downloaded.csv');
    await download.saveAs(file);
    const bytes = await readFile(file);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha256);
    const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.data.map((r) => r.id)).toEqual(expected);
    expect(new Set(parsed.data.map((r) => r.outcome))).toEqual(new Set(['failure']));
  });
});
