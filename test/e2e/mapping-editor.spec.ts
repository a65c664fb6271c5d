import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO, test } from './fixtures.js';

/**
 * An export no format module knows (its time column is called `stamp`): the import says so and offers the mapping
 * editor; the analyst maps the fields, sees the rows normalized (and the one with a bad time flagged), saves the
 * profile, imports, and finds the events in the table with the right actor and action.
 */
const CSV = [
  'stamp;principal;verb;object;result;client_addr',
  '2026-04-02 08:00:00;alice@corp.example;crm.login;portal;OK;198.51.100.7',
  '2026-04-02 08:05:00;bob@corp.example;crm.export;accounts-q1;DENIED;203.0.113.50',
  'last tuesday;mallory@corp.example;crm.delete;accounts-q2;OK;203.0.113.66',
  '2026-04-02 08:10:00;alice@corp.example;crm.export;accounts-q1;OK;198.51.100.7',
].join('\n');

const editor = (page: Page) => page.getByRole('dialog', { name: 'Map fields' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });

test('map an unknown CSV in the editor, preview, save the profile and import with it', async ({ page, startHost, dataDir }) => {
  const host = await startHost();
  const file = path.join(dataDir, 'crm-audit.csv');
  await writeFile(file, `${CSV}\n`);
  await page.goto(host.url);

  await test.step('a plain import finds no known format and offers the editor', async () => {
    await page.getByLabel('Import files').setInputFiles(file);
    await expect(page.getByTestId('import-summary')).toContainText('0 inserted');
    const notice = page.getByTestId('unknown-format-notice');
    await expect(notice).toContainText('crm-audit.csv');
    await notice.getByRole('button', { name: 'Map fields…' }).click();
    await expect(editor(page)).toBeVisible();
    await expect(page.getByTestId('mapping-file')).toHaveText('crm-audit.csv');
  });

  await test.step('the fields are listed with example values', async () => {
    const fields = page.getByRole('table', { name: 'Fields and example values' });
    await expect(fields.getByRole('row', { name: /principal/ })).toContainText('alice@corp.example');
    await expect(fields.getByRole('row', { name: /result/ })).toContainText('OK · DENIED');
  });

  await test.step('map the fields and watch the preview normalize the rows', async () => {
    const e = editor(page);
    await e.getByLabel('Time field').selectOption('stamp');
    await e.getByLabel('Actor field').selectOption('principal');
    await e.getByLabel('Action field').selectOption('verb');
    await e.getByLabel('Target field').selectOption('object');
    await e.getByLabel('Outcome field').selectOption('result');
    await e.getByLabel('Source IP field').selectOption('client_addr');
    await e.getByLabel('Values meaning success').fill('ok');
    await e.getByLabel('Values meaning failure').fill('denied');
    const rows = page.getByTestId('mapping-preview').getByTestId('preview-row');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(0)).toContainText('2026-04-02T08:00:00.000Z');
    await expect(rows.nth(0)).toContainText('alice@corp.example');
    await expect(rows.nth(1)).toContainText('crm.export');
    await expect(rows.nth(1)).toContainText('failure');
    await expect(rows.nth(2)).toContainText('mapped time field "stamp" has no usable time: "last tuesday"');
    await expect(page.getByTestId('preview-status')).toContainText('1 would be rejected');
    await expect(page.getByTestId('preview-notes')).toContainText('treated as UTC');
  });

  await test.step('save the profile under a name', async () => {
    await editor(page).getByLabel('Profile name').fill('CRM audit export');
    await editor(page).getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByTestId('mapping-status')).toHaveText('Saved profile “CRM audit export”.');
    await expect(editor(page).getByRole('combobox', { name: 'Saved profile' })).toHaveValue('CRM audit export');
    await page.screenshot({ path: path.join(REPO, 'docs', 'mapping-editor.png') });
  });

  await test.step('import with the mapping: the events land with the right actor and action', async () => {
    await editor(page).getByRole('button', { name: 'Import with this mapping' }).click();
    await expect(editor(page)).toBeHidden();
    await expect(page.getByTestId('import-summary')).toContainText('3 inserted');
    await expect(page.getByTestId('summary-rejects')).toHaveText('1 reject');
    await expect(page.getByTestId('unknown-format-notice')).toHaveCount(0);
    const bob = grid(page).getByRole('row', { name: /bob@corp\.example/ });
    await expect(bob).toContainText('crm.export');
    await expect(bob).toContainText('failure');
    await expect(bob).toContainText('203.0.113.50');
    await expect(grid(page).getByRole('row', { name: /crm\.login/ })).toContainText('alice@corp.example');
  });

  await test.step('on demand from the header: the saved profile maps the next file of that shape', async () => {
    await page.getByRole('button', { name: 'Map fields…' }).click();
    await editor(page).getByLabel('File to map').setInputFiles(file);
    await expect(page.getByTestId('mapping-file')).toHaveText('crm-audit.csv');
    const saved = editor(page).getByRole('combobox', { name: 'Saved profile' });
    await expect(saved.getByRole('option', { name: 'CRM audit export' })).toHaveCount(1);
    await saved.selectOption('CRM audit export');
    await expect(editor(page).getByLabel('Time field')).toHaveValue('stamp');
    await expect(editor(page).getByLabel('Values meaning failure')).toHaveValue('denied');
    await expect(page.getByTestId('mapping-preview').getByTestId('preview-row').nth(3)).toContainText('crm.export');
    await editor(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(editor(page)).toBeHidden();
  });
});
