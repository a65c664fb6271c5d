import path from 'node:path';
import { startOktaApi } from '../helpers/api-servers/okta.js';
import { expect, REPO, test } from './fixtures.js';

/**
 * The Sources screen against a local Okta-like server: add a source with a token typed for this session, test the
 * connection, pull now, read the pull history; a wrong token is a clear SOURCE_AUTH message.
 */

const TOKEN = 'e2e-okta-token-7d21';

test('add an API source, test it, pull it and read the pull history', async ({ page, startHost }) => {
  const okta = await startOktaApi({ count: 45, token: TOKEN });
  try {
    const host = await startHost();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Sources' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sources' });

    await test.step('add an Okta source with a token for this session', async () => {
      await dialog.getByRole('button', { name: 'Add source…' }).click();
      const form = dialog.getByRole('form', { name: 'Add a source' });
      await form.getByLabel('Name').fill('okta-prod');
      await form.getByLabel('Preset').selectOption({ label: 'Okta System Log' });
      await expect(form.getByTestId('preset-paging')).toContainText('Link header');
      await form.getByLabel('Base URL').fill(okta.url);
      await form.getByLabel('Token for this session').fill(TOKEN);
      await expect(form.getByTestId('token-note')).toContainText('never saved in the case file');
      await form.getByRole('button', { name: 'Add source' }).click();
      await expect(dialog.getByRole('button', { name: /okta-prod/ })).toBeVisible();
      await expect(dialog.getByText('entered for this session')).toBeVisible();
    });

    await test.step('test the connection, then pull now', async () => {
      await dialog.getByRole('button', { name: 'Test connection' }).click();
      await expect(dialog.getByTestId('source-message')).toContainText('Connected: HTTP 200');
      await dialog.getByRole('button', { name: 'Pull now' }).click();
      await expect(dialog.getByTestId('pull-result')).toContainText('Pull completed: 45 new events, 0 duplicates');
      await expect(dialog.getByTestId('pull-row')).toHaveCount(1);
      await expect(dialog.getByTestId('pull-row').getByRole('cell').nth(1)).toHaveText('completed');
      // One page of 45, then an empty page: caught up, the Link is kept as the polling cursor.
      await expect(dialog.getByTestId('page-row')).toHaveCount(2);
    });

    await test.step('pull again: only what is new', async () => {
      okta.add(3);
      await dialog.getByRole('button', { name: 'Pull now' }).click();
      await expect(dialog.getByTestId('pull-result')).toContainText('Pull completed: 3 new events');
      await expect(dialog.getByTestId('pull-row')).toHaveCount(2);
      await expect(dialog.getByTestId('source-checkpoint')).toContainText('after=okta-47');
      await page.screenshot({ path: path.join(REPO, 'docs', 'sources.png') });
    });

    await test.step('a wrong token is a clear authentication error', async () => {
      await dialog.getByRole('button', { name: 'Edit…' }).click();
      const form = dialog.getByRole('form', { name: 'Edit source okta-prod' });
      await form.getByLabel('Token for this session').fill('wrong-token');
      await form.getByRole('button', { name: 'Save changes' }).click();
      await dialog.getByRole('button', { name: 'Test connection' }).click();
      await expect(dialog.getByRole('alert')).toContainText('HTTP 401 — the API refused the credentials');
    });

    await test.step('a pull that fails says why in the result and the pull history', async () => {
      await dialog.getByRole('button', { name: 'Add source…' }).click();
      const form = dialog.getByRole('form', { name: 'Add a source' });
      await form.getByLabel('Name').fill('okta-typo');
      await form.getByLabel('Preset').selectOption({ label: 'Okta System Log' });
      await form.getByLabel('Base URL').fill(`${okta.url}/typo`);
      await form.getByLabel('Token for this session').fill(TOKEN);
      await form.getByRole('button', { name: 'Add source' }).click();
      await dialog.getByRole('button', { name: 'Pull now' }).click();
      await expect(dialog.getByTestId('pull-result')).toContainText('Pull failed');
      await expect(dialog.getByTestId('pull-result')).toContainText('HTTP 404');
      const row = dialog.getByTestId('pull-row');
      await expect(row.getByRole('cell').nth(1)).toHaveText('failed');
      await expect(row.getByRole('cell').nth(7)).toContainText('/typo/api/v1/logs');
      await expect(dialog.getByTestId('page-row').getByRole('cell').nth(1)).toHaveText('failed');
    });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('result-count')).toContainText('48');
  } finally {
    await okta.close();
  }
});
