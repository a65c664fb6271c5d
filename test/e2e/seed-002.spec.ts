import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures.js';
import { details, importThroughUi, queryInput, rows, screenshot, seedFile } from './seed-helpers.js';

// Seed 002: an incident platform's Settings -> Audit Logs: live logs for a chosen duration (last hour ... 1 year),
// filters per supported resource (Services, Runbook, RBAC Management, API Refresh Token...), View Logs for one
// event, and a named CSV/JSON export listed in Export History with its status and a Download button. The fixture
// is that JSON export; the spec moves its times so the newest event is 30 minutes old, as live logs are.

const MINUTE = 60_000;

async function liveCopy(dir: string): Promise<string> {
  const records = JSON.parse(await readFile(seedFile('seed-002-audit-logs.json'), 'utf8')) as { timestamp: string }[];
  const newest = Math.max(...records.map((r) => Date.parse(r.timestamp)));
  const shift = Date.now() - 30 * MINUTE - newest;
  for (const r of records) r.timestamp = new Date(Date.parse(r.timestamp) + shift).toISOString();
  const file = path.join(dir, 'audit-logs.json');
  await writeFile(file, JSON.stringify(records, null, 2));
  return file;
}

test('seed 002: duration presets, per-resource filters, view logs, named export in history', async ({ page, startHost, dataDir }) => {
  const host = await startHost();
  const presets = page.getByRole('combobox', { name: 'Time range' });
  const resources = page.getByRole('group', { name: 'Resource filters' });

  await test.step('import the export; the duration menu offers the console\'s ranges', async () => {
    await importThroughUi(page, host.url, await liveCopy(dataDir), 12);
    await expect(presets.getByRole('option')).toHaveText([
      'Any time', 'Last hour', 'Last 24 hours', 'Last 7 days', 'Last 30 days', 'Last 3 months', 'Last year', 'Custom range…',
    ]);
  });

  await test.step('live logs for the last hour, then the last 24 hours', async () => {
    await presets.selectOption('Last hour');
    await expect(queryInput(page)).toHaveValue('time>-1h');
    await expect(rows(page)).toHaveCount(3);
    await presets.selectOption('Last 24 hours');
    await expect(queryInput(page)).toHaveValue('time>-24h');
    await expect(rows(page)).toHaveCount(12);
  });

  await test.step('per-resource filters: one click per supported resource', async () => {
    await expect(resources.getByRole('button')).toHaveCount(8);
    await resources.getByRole('button', { name: /^Runbook/ }).click();
    await expect(queryInput(page)).toHaveValue('time>-24h targetType:Runbook');
    await expect(resources.getByRole('button', { name: /^Runbook/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(rows(page)).toHaveCount(2);
    await resources.getByRole('button', { name: /^API Refresh Token/ }).click();
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).nth(0)).toContainText('revoke');
    await expect(rows(page).nth(1)).toContainText('create');
    await resources.getByRole('button', { name: /^RBAC Management/ }).click();
    await expect(rows(page)).toHaveCount(1);
  });

  await test.step('view logs: the event\'s details, its change as a tree', async () => {
    await rows(page).first().click();
    const pane = details(page);
    await expect(pane.locator('[data-field="Target"]')).toContainText('Responder');
    await expect(pane.locator('[data-field="Client"] .value')).toHaveText('Chrome on macOS');
    await pane.getByRole('group', { name: 'Raw record view' }).getByRole('button', { name: 'Tree' }).click();
    await expect(pane.getByRole('treeitem', { name: '[0]: services:delete' })).toBeVisible();
    await screenshot(page, 'seed-002.png');
    await pane.getByRole('button', { name: 'Close details' }).click();
  });

  await test.step('export the filtered logs by name as JSON; Export history shows it completed, to download', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the current view' });
    await dialog.getByLabel('Name').fill('rbac-changes');
    await dialog.getByRole('radio', { name: /^JSON / }).check();
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await page.getByRole('button', { name: 'Export history' }).click();
    const history = page.getByRole('dialog', { name: 'Export history' });
    const row = history.getByTestId('export-row').filter({ hasText: 'rbac-changes' });
    await expect(row).toContainText('completed');
    await expect(row).toContainText('JSON');
    await expect(row.getByRole('link', { name: 'Download rbac-changes' })).toBeVisible();
    await page.keyboard.press('Escape');
  });

  await test.step('custom range hands over to the From / To fields', async () => {
    await presets.selectOption('Custom range…');
    await expect(page.getByRole('textbox', { name: 'From (UTC)' })).toBeFocused();
  });
});
