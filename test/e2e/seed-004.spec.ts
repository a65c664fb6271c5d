import { expect, test } from './fixtures.js';
import {
  cell, details, filterBar, importThroughUi, queryInput, resultCount, rows, screenshot, seedFile, showColumn,
} from './seed-helpers.js';

// Seed 004: Admin -> Audit log of an integration platform: filter by action, user, target and date range (default:
// last 7 days); each row expands to the full details JSON, with the request body sent to the vendor and the
// response status for write-backs. The fixture is the log's JSON (as in its evidence packs), 2026-06-01..12.

test('seed 004: default 7 days, action/user/target filters, write-back request and response', async ({ page, startHost }) => {
  const host = await startHost();
  const bar = filterBar(page);

  await test.step('import: the view opens on the 7 days up to the last event', async () => {
    await importThroughUi(page, host.url, seedFile('seed-004-audit-log.json'), 10);
    await expect(page.getByTestId('default-range-note')).toContainText('last 7 days');
    await expect(queryInput(page)).toHaveValue('time>=2026-06-05');
    await expect(resultCount(page)).toHaveText('8 of 10 events');
  });

  await test.step('action = ticket_created: the write-back with its request body and response status', async () => {
    await bar.getByRole('combobox', { name: 'Action' }).selectOption('ticket_created');
    await expect(rows(page)).toHaveCount(1);
    await showColumn(page, 'Response status');
    await expect(await cell(page, rows(page).first(), 'Response status')).toHaveText('201');
    await rows(page).first().click();
    const pane = details(page);
    await expect(pane.getByTestId('details-summary')).toHaveText('system ticket created ticket INC-4411 (POST api.connectwise.example → 201)');
    await pane.getByRole('group', { name: 'Raw record view' }).getByRole('button', { name: 'Tree' }).click();
    const tree = pane.getByRole('tree', { name: 'Raw record tree' });
    await expect(tree.getByRole('treeitem', { name: 'summary: Disk full on SRV-DB-02' })).toBeVisible();
    await expect(tree.getByRole('treeitem', { name: 'status: 201' })).toBeVisible();
    await tree.getByRole('treeitem', { name: 'status: 201' }).click();
    await expect(pane.getByTestId('tree-path')).toHaveText('$.details.response.status');
    // A taller window for the picture, so the whole write-back (request body and response) is in it.
    await page.setViewportSize({ width: 1440, height: 1400 });
    await screenshot(page, 'seed-004.png');
    await page.setViewportSize({ width: 1440, height: 900 });
    await pane.getByRole('button', { name: 'Close details' }).click();
  });

  await test.step('target = INC-4411: its whole story, including the write-back the vendor refused', async () => {
    await bar.getByRole('combobox', { name: 'Action' }).selectOption('');
    const target = bar.getByRole('textbox', { name: 'Slug / target' });
    await target.fill('INC-4411');
    await target.press('Enter');
    await expect(rows(page)).toHaveCount(2);
    const refused = rows(page).first();
    await expect(await cell(page, refused, 'Outcome')).toHaveText('✗ failure');
    await expect(refused).toContainText('PATCH api.connectwise.example → 409');
  });

  await test.step('user = ops@msp.example over the whole log: admin changes and logins', async () => {
    await bar.getByRole('button', { name: 'Clear filters' }).click();
    const user = bar.getByRole('textbox', { name: 'User / actor' });
    await user.fill('ops@msp.example');
    await user.press('Enter');
    await expect(queryInput(page)).toHaveValue('actor:ops@msp.example');
    await expect(rows(page)).toHaveCount(4);
    await expect(rows(page).last()).toContainText('login_succeeded');
    await expect(rows(page).filter({ hasText: 'integration_credentials_updated' })).toHaveCount(1);
  });

  await test.step('compliance evidence: an incident-response pack (auth failures) for the period, zipped JSON + CSV', async () => {
    await page.getByRole('button', { name: 'Packs' }).click();
    const dialog = page.getByRole('dialog', { name: 'Evidence packs' });
    await dialog.getByLabel('Pack type').selectOption({ label: 'Incident response' });
    await expect(dialog.getByTestId('pack-total')).not.toHaveText('0');
    await dialog.getByRole('button', { name: 'Build pack' }).click();
    const pack = dialog.getByTestId('pack-row').first();
    await expect(pack.getByTestId('pack-status')).toHaveText('completed');
    await expect(pack).toContainText('.zip');
  });
});
