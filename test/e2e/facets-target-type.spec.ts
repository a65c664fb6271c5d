import type { Page } from '@playwright/test';
import { cli, expect, test } from './fixtures.js';

/** Per-resource filtering through the facets (issue 7): the Target type facet lists the resource kinds with counts. */

const facets = (page: Page) => page.getByRole('region', { name: 'Facets' });
const targetTypes = (page: Page) =>
  facets(page).getByRole('region', { name: 'Target type' }).getByRole('button', { name: /^Target type / });

test('the Target type facet keeps one kind of resource, and its count is the result\'s', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 2000 });
  await page.goto(host.url);
  await expect(page.getByTestId('result-count')).toHaveText('2,000 events');
  await page.getByRole('button', { name: 'Facets', exact: true }).click();

  const first = targetTypes(page).first();
  await expect(first).toBeVisible();
  // "Target type rule: 267 events" -> rule, 267
  const [, kind, shown] = /^Target type (.+): ([\d,]+) events$/.exec((await first.getAttribute('aria-label')) ?? '') ?? [];
  expect(kind).toBeTruthy();
  const expected = (await cli(['query', '--case', host.caseFile, `targetType:"${kind}"`, '--format', 'jsonl', '--limit', '100000'])).trim().split('\n');
  expect(Number(shown.replace(/,/g, ''))).toBe(expected.length);

  await first.click();
  await expect(page.getByRole('textbox', { name: 'Query' })).toHaveValue(new RegExp(`^targetType:"?${kind}"?$`));
  await expect(page.getByTestId('result-count')).toHaveText(`${expected.length.toLocaleString('en-US')} of 2,000 events`);
  await expect(targetTypes(page)).toHaveCount(1);
});
