import { expect, test } from './fixtures.js';
import { cell, details, hideColumn, importThroughUi, resultCount, rows, runQuery, screenshot, seedFile, showColumn } from './seed-helpers.js';

// Seed 003: a cloud platform's Organization Access Logs: actor (full name + "Chrome on macOS", or an API token
// labelled "Automated"), action, resource, location (city/region and IP, the CI platform for tokens, or
// "Unknown"), timestamp, status ✓/✗ and severity info/warning/critical. The fixture is that log as JSON Lines.

test('seed 003: status, severity, location, client and automated tokens', async ({ page, startHost }) => {
  const host = await startHost();

  await test.step('import: status as ✓/✗ and severity badges', async () => {
    await importThroughUi(page, host.url, seedFile('seed-003-access-logs.jsonl'), 8);
    await expect(resultCount(page)).toHaveText('8 events');
    const failed = rows(page).filter({ hasText: 'admin@northwind.example' }).first();
    await expect(await cell(page, failed, 'Outcome')).toHaveText('✗ failure');
    await expect((await cell(page, failed, 'Severity')).locator('.badge')).toHaveText('critical');
    const ok = rows(page).filter({ hasText: 'project.update' });
    await expect(await cell(page, ok, 'Outcome')).toHaveText('✓ success');
    await expect((await cell(page, ok, 'Severity')).locator('.badge')).toHaveText('info');
  });

  await test.step('location: city/region and IP, the CI platform for tokens, or Unknown', async () => {
    await showColumn(page, 'Location');
    const loc = async (text: string, i = 0) => cell(page, rows(page).filter({ hasText: text }).nth(i), 'Location');
    await expect(await loc('project.update')).toHaveText('Portland, Oregon · 198.51.100.7');
    await expect(await loc('application.deploy')).toHaveText('GitHub Actions · 140.82.112.5');
    await expect(await loc('admin@northwind.example', 0)).toHaveText('Unknown · 185.220.101.4');
    await expect(await loc('admin@northwind.example', 1)).toHaveText('Unknown');
    // Location carries the IP: the Source IP and Category columns make room for it.
    await hideColumn(page, 'Category');
    await hideColumn(page, 'Source IP');
    await screenshot(page, 'seed-003.png');
  });

  await test.step('security monitoring: critical events are the failed sign-ins', async () => {
    await runQuery(page, 'severity:critical');
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).nth(0)).toContainText('auth.login');
    await expect(rows(page).nth(1)).toContainText('auth.login');
  });

  await test.step('a person: browser and OS from the user agent; a token: Automated', async () => {
    await runQuery(page, '');
    await rows(page).filter({ hasText: 'project.update' }).click();
    const pane = details(page);
    await expect(pane.locator('[data-field="Actor"] .value')).toHaveText('dana@northwind.example');
    await expect(pane.locator('[data-field="Actor"] .actor-name')).toHaveText('Dana Whitfield');
    await expect(pane.locator('[data-field="Client"] .value')).toHaveText('Chrome on macOS');
    await expect(pane.locator('[data-field="Location"]')).toContainText('Portland, Oregon');
    await expect(pane.locator('[data-field="Location"]')).toContainText('198.51.100.7');
    await rows(page).filter({ hasText: 'application.deploy' }).first().click();
    await expect(pane.locator('[data-field="Actor"]')).toContainText('gh-actions-deploy');
    await expect(pane.locator('[data-field="Actor"]')).toContainText('Automated');
    await rows(page).filter({ hasText: 'admin@northwind.example' }).nth(1).click();
    await expect(pane.locator('[data-field="Location"] .value')).toHaveText('Unknown');
  });
});
