import path from 'node:path';
import type { Page } from '@playwright/test';
import { cli, expect, REPO, test } from './fixtures.js';

/**
 * Facets, annotations and query completion in the real UI: include a value with a click, exclude one with
 * Alt-click, star, tag and comment an event from the details pane, find it again with tag:, is:starred and
 * comment:, and complete a query from the keyboard.
 */

const queryBox = (page: Page) => page.getByRole('textbox', { name: 'Query' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });
const rows = (page: Page) => grid(page).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
const facets = (page: Page) => page.getByRole('region', { name: 'Facets' });
const facetButtons = (page: Page, field: string) => facets(page).getByRole('region', { name: field }).getByRole('button', { name: new RegExp(`^${field} `) });

test('facets filter and exclude; a starred, tagged, commented event is found by tag:, is:starred and comment:', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 5_000 });
  await page.goto(host.url);
  await expect(rows(page).first()).toBeVisible();

  await test.step('the toolbar toggle shows the facets panel (hidden by default below 1680 px)', async () => {
    await expect(facets(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Facets', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Facets', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(facets(page)).toBeVisible();
  });

  let actor = '';
  await test.step('click a facet value: the query keeps only it, and the facets follow the result', async () => {
    const first = facetButtons(page, 'Actor').first();
    await expect(first).toBeVisible();
    await expect(facetButtons(page, 'Severity')).toHaveCount(3);
    // 5,000 events would be sampled from SQL; the column cache, current since the host opened the case, counts all.
    await expect(facets(page).getByTestId('facets-approximate')).toHaveCount(0);
    await expect(facetButtons(page, 'Actor').first()).not.toContainText('≈');
    await page.screenshot({ path: path.join(REPO, 'docs', 'facets.png') });
    await expect(facetButtons(page, 'Action')).toHaveCount(8);
    await facets(page).getByRole('button', { name: 'More Action values' }).click();
    await expect.poll(() => facetButtons(page, 'Action').count()).toBeGreaterThan(8);
    actor = ((await first.getAttribute('aria-label')) ?? '').replace(/^Actor (.*): .*$/, '$1');
    expect(actor).toMatch(/@/);
    await first.click();
    await expect(queryBox(page)).toHaveValue(`actor:${actor}`);
    await expect(facetButtons(page, 'Actor')).toHaveCount(1);
    await expect(facetButtons(page, 'Actor').first()).toHaveAccessibleName(new RegExp(`^Actor ${actor.replace(/[.]/g, '\\.')}: `));
  });

  await test.step('Alt-click excludes a value', async () => {
    const success = facetButtons(page, 'Outcome').filter({ hasText: 'success' });
    await success.click({ modifiers: ['Alt'] });
    await expect(queryBox(page)).toHaveValue(`actor:${actor} -outcome:success`);
    await expect(facetButtons(page, 'Outcome').filter({ hasText: 'success' })).toHaveCount(0);
    await expect(rows(page).first()).toContainText('failure');
  });

  let summary = '';
  await test.step('star, tag and comment the first event in the details pane', async () => {
    await rows(page).first().click();
    await page.keyboard.press('Enter');
    const pane = page.getByRole('region', { name: 'Event details' });
    summary = (await pane.getByTestId('details-summary').textContent()) ?? '';
    const notes = pane.getByRole('region', { name: 'Annotations' });
    await notes.getByRole('button', { name: 'Star event' }).click();
    await expect(notes.getByRole('button', { name: 'Star event' })).toHaveAttribute('aria-pressed', 'true');
    await notes.getByRole('combobox', { name: 'Add tag' }).fill('exfil');
    await notes.getByRole('button', { name: 'Add tag' }).click();
    await expect(notes.getByRole('list', { name: 'Tags' })).toContainText('exfil');
    await notes.getByRole('textbox', { name: 'Comment' }).fill('Copied the payroll export to a personal bucket');
    await notes.getByRole('button', { name: 'Add comment' }).click();
    const comment = notes.getByRole('list', { name: 'Comments' }).getByRole('listitem');
    await expect(comment).toHaveCount(1);
    await expect(comment).toContainText('Copied the payroll export to a personal bucket');
    await expect(comment.locator('time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await expect(rows(page).first().getByRole('img', { name: 'Starred' })).toBeVisible();
    await expect(rows(page).first().getByTestId('tag-chip')).toHaveText('exfil');
  });

  await test.step('Edit tags: a description and a colour for the tag, shown on its chips', async () => {
    await page.getByRole('button', { name: 'Edit tag definitions' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit tag definitions' });
    await editor.getByRole('combobox', { name: 'Tag name' }).fill('exfil');
    await editor.getByRole('textbox', { name: 'Tag description' }).fill('Data leaving the company');
    await editor.getByLabel('Tag colour').fill('#7c3aed');
    await editor.getByRole('button', { name: 'Save tag' }).click();
    await expect(editor).toHaveCount(0);
    const chip = rows(page).first().getByTestId('tag-chip');
    await expect(chip).toHaveCSS('background-color', 'rgb(124, 58, 237)');
    await expect(chip).toHaveAttribute('title', 'Data leaving the company');
    await page.screenshot({ path: path.join(REPO, 'docs', 'annotations.png') });
  });

  await test.step('tag:, is:starred and comment: find exactly that event', async () => {
    for (const q of ['tag:exfil', 'is:starred', 'comment:payroll', 'has:comment tag:exf*']) {
      await queryBox(page).fill(q);
      await queryBox(page).press('Enter');
      await expect(rows(page)).toHaveCount(1);
      await expect(rows(page).first()).toContainText(summary.trim());
    }
    await queryBox(page).fill('-is:starred tag:exfil');
    await queryBox(page).press('Enter');
    await expect(page.getByTestId('result-count')).toContainText(/^0\b|No events/);
  });

  await test.step('the tag facet of the query: removing the tag empties tag:exfil', async () => {
    await queryBox(page).fill('tag:exfil');
    await queryBox(page).press('Enter');
    await rows(page).first().click();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Remove tag exfil' }).click();
    await queryBox(page).press('Enter');
    await expect(page.getByTestId('result-count')).toContainText(/^0\b|No events/);
  });
});

test('annotations travel in an export and come back through Case > Import annotations into a fresh case', async ({ page, startHost, dataDir }) => {
  const first = await startHost({ demoEvents: 1_000, name: 'first' });
  await page.goto(first.url);
  await queryBox(page).fill('action:LOGIN_FAILURE');
  await queryBox(page).press('Enter');
  const eventId = (await rows(page).first().getAttribute('data-event-id')) ?? '';
  expect(eventId).not.toBe('');
  await rows(page).first().click();
  await page.keyboard.press('Enter');
  const notes = page.getByRole('region', { name: 'Annotations' });
  await notes.getByRole('combobox', { name: 'Add tag' }).fill('brute-force');
  await notes.getByRole('button', { name: 'Add tag' }).click();
  await expect(notes.getByRole('list', { name: 'Tags' })).toContainText('brute-force');

  const exported = path.join(dataDir, 'tagged.jsonl');
  await cli(['export', '--case', first.caseFile, 'tag:brute-force', '--format', 'jsonl', '--out', exported]);
  const second = await startHost({ demoEvents: 1_000, name: 'second' });
  await page.goto(second.url);
  await expect(rows(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'Case', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: 'Import annotations…' }).click();
  await (await chooser).setFiles(exported);
  await expect(page.getByTestId('toast')).toContainText('tagged.jsonl: 1 events annotated (0 stars, 1 tags, 0 comments added)');
  await queryBox(page).fill('tag:brute-force');
  await queryBox(page).press('Enter');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('data-event-id', eventId);
});

test('query completion: field names, then values from the case, from the keyboard', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 2_000 });
  await page.goto(host.url);
  await expect(rows(page).first()).toBeVisible();
  const box = queryBox(page);
  await box.click();
  await box.pressSequentially('outc');
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  await expect(list.getByRole('option')).toHaveText([/^outcome/]);
  await box.press('Tab');
  await expect(box).toHaveValue('outcome:');
  await expect(list.getByRole('option')).toHaveText([/^success/, /^failure/, /^unknown/]);
  await box.press('ArrowDown');
  await box.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toHaveText(/^failure/);
  await box.press('Enter');
  await expect(box).toHaveValue('outcome:failure ');
  await box.pressSequentially('actor:al');
  await expect(list.getByRole('option').first()).toHaveText(/^alice@example\.com/);
  await box.press('Tab');
  await expect(box).toHaveValue('outcome:failure actor:alice@example.com ');
  await box.press('Enter');
  await expect(rows(page).first()).toContainText('alice@example.com');
  await box.pressSequentially(' is:');
  await expect(list.getByRole('option')).toHaveText([/^starred/]);
  await box.press('Escape');
  await expect(list).toHaveCount(0);
});
