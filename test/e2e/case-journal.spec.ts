import Database from 'better-sqlite3';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { buildDemoCase, cli, expect, REPO, test } from './fixtures.js';

/**
 * Case administration in the real UI: the case overview with its retention policy and a purge (dry run, then
 * confirmation), the journal that records it and verifies its hash chain, and the display zone set to any IANA zone.
 */

const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });
const rows = (page: Page) => grid(page).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
const caseMenuItem = async (page: Page, name: string) => {
  await page.getByRole('button', { name: 'Case', exact: true }).click();
  await page.getByRole('menuitem', { name }).click();
};

test('case overview, retention purge, journal with a verified chain, and an IANA display zone', async ({ page, startHost, dataDir }) => {
  const caseFile = path.join(dataDir, 'journal.auditlens');
  await buildDemoCase(caseFile, 2_000);
  // Three events from 2023: outside any retention policy the UI can set.
  const old = path.join(dataDir, 'old-audit.jsonl');
  const record = (i: number) => JSON.stringify({ timestamp: `2023-07-10T12:00:0${i}Z`, user: `legacy${i}@example.com`, eventType: 'login', UUID: `old-${i}` });
  await writeFile(old, [1, 2, 3].map(record).join('\n') + '\n');
  await cli(['import', old, '--case', caseFile, '--source', 'legacy']);
  const host = await startHost({ caseFile });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(host.url);
  await expect(rows(page).first()).toBeVisible();

  await test.step('case overview: counts, sources, time span; a dry run, then a confirmed purge', async () => {
    await caseMenuItem(page, 'Case overview…');
    const dialog = page.getByRole('dialog', { name: 'Case overview' });
    await expect(dialog.getByTestId('overview-events')).toHaveText('2,003');
    await expect(dialog.getByRole('table', { name: 'Events per source' }).getByRole('row', { name: /legacy/ })).toContainText('3');
    await expect(dialog.getByTestId('overview-imports')).toContainText('completed');
    await expect(dialog.getByText('The default (13 months).', { exact: false })).toBeVisible();
    await page.screenshot({ path: path.join(REPO, 'docs', 'case-overview.png') });

    await dialog.getByRole('spinbutton', { name: 'Retention amount' }).fill('30');
    await dialog.getByRole('combobox', { name: 'Retention unit' }).selectOption('days');
    await dialog.getByRole('button', { name: 'Save policy' }).click();
    await expect(dialog.getByRole('alert')).toContainText('below the minimum of 60 days');
    await dialog.getByRole('spinbutton', { name: 'Retention amount' }).fill('12');
    await dialog.getByRole('combobox', { name: 'Retention unit' }).selectOption('months');
    await dialog.getByRole('button', { name: 'Save policy' }).click();
    await expect(dialog.getByRole('button', { name: 'Save policy' })).toBeDisabled();

    await dialog.getByRole('button', { name: 'Check what a purge would delete' }).click();
    await expect(dialog.getByTestId('purge-dry-run')).toContainText('would permanently delete 3 events');
    await dialog.getByRole('button', { name: 'Purge 3 events permanently' }).click();
    await expect(dialog.getByTestId('purge-result')).toContainText('Purged 3 events');
    await expect(dialog.getByTestId('overview-events')).toHaveText('2,000');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('case-stats')).toContainText('2,000 events');
  });

  await test.step('journal: newest first, the purge with its counts; Verify chain says it is intact', async () => {
    await caseMenuItem(page, 'Journal…');
    const dialog = page.getByRole('dialog', { name: 'Case journal' });
    const entries = dialog.getByRole('table', { name: 'Journal entries' }).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
    await expect(entries.first()).toContainText('retention-purge');
    await expect(entries.first()).toContainText('events: 3');
    await expect(entries.nth(1)).toContainText('retention-set');
    await expect(dialog.getByRole('cell', { name: 'import', exact: true }).first()).toBeVisible();
    await dialog.getByRole('button', { name: 'Verify chain' }).click();
    await expect(dialog.getByRole('status')).toHaveText(/^✓ Hash chain intact: \d+ entries, none edited or removed\.$/);
    await page.screenshot({ path: path.join(REPO, 'docs', 'journal.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  await test.step('an entry edited behind the app\'s back: Verify chain names it and marks its row', async () => {
    const db = new Database(caseFile);
    db.exec('DROP TRIGGER journal_no_update');
    db.prepare(`UPDATE journal SET details = replace(details, '"records":3', '"records":1') WHERE seq = 2`).run();
    db.close();
    await caseMenuItem(page, 'Journal…');
    const dialog = page.getByRole('dialog', { name: 'Case journal' });
    await dialog.getByRole('button', { name: 'Verify chain' }).click();
    await expect(dialog.getByRole('status')).toHaveText('✗ Hash chain broken: entry 2 was modified (hash mismatch).');
    await expect(dialog.locator('tr[aria-invalid="true"]')).toHaveCount(1);
    await expect(dialog.locator('tr[aria-invalid="true"] td').first()).toHaveText('2');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  await test.step('display zone: pick Asia/Tokyo from the searchable list; table and details are labelled', async () => {
    await page.getByRole('button', { name: 'Other time zone' }).click();
    await page.getByRole('searchbox', { name: 'Search time zones' }).fill('tokyo');
    await page.getByRole('listbox', { name: 'Time zones' }).getByRole('option', { name: /Asia\/Tokyo/ }).click();
    await expect(grid(page).getByRole('columnheader').first()).toHaveText('Time (Asia/Tokyo)');
    await expect(rows(page).first()).toContainText('+09:00');
    await rows(page).first().click();
    await page.keyboard.press('Enter');
    const times = page.getByRole('region', { name: 'Event details' }).getByTestId('details-times');
    await expect(times.getByRole('rowheader', { name: 'Asia/Tokyo' })).toBeVisible();
    await expect(times.getByRole('rowheader', { name: 'UTC' })).toBeVisible();
    await expect(times.getByRole('columnheader', { name: 'Received' })).toBeVisible();
    await page.getByRole('button', { name: 'Time zone Asia/Tokyo: choose another' }).click();
    await page.getByRole('searchbox', { name: 'Search time zones' }).fill('america');
    await page.screenshot({ path: path.join(REPO, 'docs', 'display-zone.png') });
    await page.keyboard.press('Escape');
    // The filter bar's absolute range follows the zone: the default From (a UTC date) is shown on Tokyo's clock,
    // and a typed To is read on it.
    const filters = page.getByRole('search', { name: 'Filters' });
    await expect(filters.getByRole('textbox', { name: 'From (Asia/Tokyo)' })).toHaveValue('2026-10-05T09:00+09:00');
    await filters.getByRole('textbox', { name: 'To (Asia/Tokyo)' }).fill('2026-11-05 08:00');
    await filters.getByRole('textbox', { name: 'To (Asia/Tokyo)' }).press('Enter');
    await expect(page.getByRole('textbox', { name: 'Query' })).toHaveValue('time>=2026-10-05 time<2026-11-05T08:00+09:00');
    await expect(rows(page).first()).toContainText('2026-11-05 07:');
    await page.reload();
    await expect(grid(page).getByRole('columnheader').first()).toHaveText('Time (Asia/Tokyo)');
    await page.getByRole('button', { name: 'UTC', exact: true }).click();
    await expect(grid(page).getByRole('columnheader').first()).toHaveText('Time (UTC)');
  });
});
