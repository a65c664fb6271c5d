import { expect, test } from './fixtures.js';
import {
  cell, details, filterBar, importThroughUi, queryInput, resultCount, rows, runQuery, screenshot, seedFile,
} from './seed-helpers.js';

// Seed 000: Specmatic Insights' Settings -> Audit Events: a list of audit activity with event type, actor, source
// IP, timestamp and a summary of what happened; logins, user and password changes, license and audit-export
// lifecycle. The fixture is its S3 audit export (JSON Lines), 20 events over two days.

test('seed 000: audit events list, failed logins, audit export lifecycle, details', async ({ page, startHost }) => {
  const host = await startHost();
  const bar = filterBar(page);
  const action = bar.getByRole('combobox', { name: 'Action' });

  await test.step('import the S3 export: every event with type, actor, source IP, time and summary', async () => {
    await importThroughUi(page, host.url, seedFile('seed-000-specmatic-audit.jsonl'), 20);
    await expect(resultCount(page)).toHaveText('20 events');
    // Two days of data fit in the default range: nothing is hidden.
    await expect(queryInput(page)).toHaveValue('');
    const newest = rows(page).first();
    await expect(await cell(page, newest, 'Action')).toHaveText('AUDIT_EXPORT_COMPLETED');
    await expect(await cell(page, newest, 'Summary')).toHaveText('Audit export completed: 1000 events');
    await expect(await cell(page, newest, 'Time')).toHaveText('2026-04-02 23:00:14.000 UTC');
  });

  await test.step('failed logins: the action picker lists the event types present', async () => {
    await expect(action.getByRole('option', { name: 'LOGIN_FAILURE (3)' })).toHaveCount(1);
    await action.selectOption('LOGIN_FAILURE');
    await expect(queryInput(page)).toHaveValue('action:LOGIN_FAILURE');
    await expect(rows(page)).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      const row = rows(page).nth(i);
      await expect(await cell(page, row, 'Outcome')).toHaveText('✗ failure');
      await expect(await cell(page, row, 'Actor')).toHaveText('mallory@evil.example');
      await expect(await cell(page, row, 'Source IP')).toHaveText('198.51.100.66');
    }
    await rows(page).first().click();
    await expect(details(page).getByTestId('details-summary')).toHaveText('Login failed for mallory@evil.example: invalid credentials');
    await screenshot(page, 'seed-000.png');
    await details(page).getByRole('button', { name: 'Close details' }).click();
  });

  await test.step('audit export lifecycle: started, completed, failed — and why it failed', async () => {
    await runQuery(page, 'action:AUDIT_EXPORT_*');
    await expect(rows(page)).toHaveCount(4);
    await runQuery(page, 'action:AUDIT_EXPORT_* outcome:failure');
    await expect(rows(page)).toHaveCount(1);
    await rows(page).first().click();
    const pane = details(page);
    await expect(pane.getByTestId('details-summary')).toContainText('AccessDenied');
    await pane.getByRole('group', { name: 'Raw record view' }).getByRole('button', { name: 'Tree' }).click();
    await expect(pane.getByRole('treeitem', { name: 'error: AccessDenied' })).toBeVisible();
    await pane.getByRole('button', { name: 'Close details' }).click();
  });

  await test.step('audit configuration changes: the summary says what changed', async () => {
    await runQuery(page, '');
    await action.selectOption('AUDIT_CONFIG_UPDATED');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('changed audit export batch size from 500 to 1000');
  });

  await test.step('full-text search over summaries: who touched licenses', async () => {
    await runQuery(page, 'license');
    await expect(rows(page)).toHaveCount(3);
    await expect(rows(page).nth(0)).toContainText('LICENSE_REVOKED');
  });
});
