import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, REPO } from './fixtures.js';

/** Shared steps of the seed-parity specs (seed-000 ... seed-004): import a seed fixture, read the grid. */

export const SEEDS = path.join(REPO, 'test', 'e2e', 'seeds');
export const seedFile = (name: string) => path.join(SEEDS, name);

export const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });
/** Data rows (the header row excluded). */
export const rows = (page: Page) => grid(page).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
export const resultCount = (page: Page) => page.getByTestId('result-count');
// By label: the query box is a textbox, or a combobox once it offers completions.
export const queryInput = (page: Page) => page.getByLabel('Query', { exact: true });
export const details = (page: Page) => page.getByRole('region', { name: 'Event details' });
export const filterBar = (page: Page) => page.getByRole('search', { name: 'Filters' });

/** Opens the UI on an empty case and imports `file` through the Import files control. */
export async function importThroughUi(page: Page, url: string, file: string, inserted: number): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await page.getByLabel('Import files').setInputFiles(file);
  await expect(page.getByTestId('import-summary').getByTestId('summary-inserted')).toHaveText(`${inserted} inserted`);
}

/** Types a query and applies it with Enter. */
export async function runQuery(page: Page, query: string): Promise<void> {
  await queryInput(page).fill(query);
  await queryInput(page).press('Enter');
  await expect(queryInput(page)).toHaveValue(query);
}

/** A cell of a row by its column header text. */
export async function cell(page: Page, row: Locator, header: string): Promise<Locator> {
  const headers = await grid(page).getByRole('columnheader').allTextContents();
  const index = headers.findIndex((h) => h.startsWith(header));
  if (index < 0) throw new Error(`no column "${header}" in ${headers.join(', ')}`);
  return row.getByRole('gridcell').nth(index);
}

/** Shows a column through the column chooser (by its checkbox label). */
export async function showColumn(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Columns' }).click();
  const box = page.getByRole('checkbox', { name: label, exact: true });
  if (!(await box.isChecked())) await box.check();
  await page.keyboard.press('Escape');
}

/** Hides a column through the column chooser. */
export async function hideColumn(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: 'Columns' }).click();
  const box = page.getByRole('checkbox', { name: label, exact: true });
  if (await box.isChecked()) await box.uncheck();
  await page.keyboard.press('Escape');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(REPO, 'docs', name) });
}
