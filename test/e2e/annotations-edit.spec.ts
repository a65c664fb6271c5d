import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO, test } from './fixtures.js';

/**
 * Correcting annotations in the real UI: edit a comment and read its history, delete it (searches no longer find
 * it, the journal keeps both changes and its chain verifies), then rename a tag and delete it after a confirmation
 * that says how many events carry it.
 */

const queryBox = (page: Page) => page.getByRole('textbox', { name: 'Query' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });
const rows = (page: Page) => grid(page).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
const notes = (page: Page) => page.getByRole('region', { name: 'Event details' }).getByRole('region', { name: 'Annotations' });
const noEvents = (page: Page) => expect(page.getByTestId('result-count')).toContainText(/^0\b|No events/);

async function search(page: Page, query: string) {
  await queryBox(page).fill(query);
  await queryBox(page).press('Enter');
}
async function openDetails(page: Page, index: number) {
  await rows(page).nth(index).click();
  await page.keyboard.press('Enter');
  await expect(notes(page)).toBeVisible();
}
async function journalRows(page: Page) {
  await page.getByRole('button', { name: 'Case', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Journal…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Case journal' });
  return { dialog, entries: dialog.getByRole('table', { name: 'Journal entries' }).getByRole('row').filter({ hasNot: page.getByRole('columnheader') }) };
}

test('edit a comment, see its history, delete it: searches forget it, the journal keeps both', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 2_000 });
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(host.url);
  await expect(rows(page).first()).toBeVisible();
  await openDetails(page, 0);
  const comments = notes(page).getByRole('list', { name: 'Comments' });

  await test.step('write a comment, then edit it', async () => {
    await notes(page).getByRole('textbox', { name: 'Comment', exact: true }).fill('Scanner noise from the office range');
    await notes(page).getByRole('button', { name: 'Add comment' }).click();
    await expect(comments).toContainText('Scanner noise from the office range');
    await comments.getByRole('button', { name: 'Edit comment' }).click();
    const box = comments.getByRole('textbox', { name: 'Revised text' });
    await expect(box).toHaveValue('Scanner noise from the office range');
    await box.fill('Credential stuffing from 203.0.113.9, not the scanner');
    await comments.getByRole('button', { name: 'Save edit' }).click();
    await expect(box).toHaveCount(0);
    await expect(comments.locator('.comment-text').first()).toHaveText('Credential stuffing from 203.0.113.9, not the scanner');
  });

  await test.step('"edited just now" opens the earlier version with its author and time', async () => {
    const edited = comments.getByRole('button', { name: /^Edited just now, 1 earlier version$/ });
    await expect(edited).toHaveAttribute('aria-expanded', 'false');
    await edited.click();
    const history = comments.getByRole('list', { name: 'Earlier versions' });
    await expect(history.getByRole('listitem')).toHaveCount(1);
    await expect(history.getByRole('listitem')).toContainText('Version 1 by');
    await expect(history.getByRole('listitem')).toContainText('Scanner noise from the office range');
    await expect(history.locator('time').first()).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await notes(page).getByRole('textbox', { name: 'Comment', exact: true }).scrollIntoViewIfNeeded();
    await page.getByRole('region', { name: 'Event details' }).screenshot({ path: path.join(REPO, 'docs', 'annotations-edit.png') });
  });

  await test.step('search finds the current text only', async () => {
    await search(page, 'comment:stuffing');
    await expect(rows(page)).toHaveCount(1);
    await search(page, 'comment:office');
    await noEvents(page);
  });

  await test.step('delete it after a confirmation: gone from the event and from has:comment', async () => {
    await search(page, 'has:comment');
    await expect(rows(page)).toHaveCount(1);
    await openDetails(page, 0);
    await comments.getByRole('button', { name: 'Delete comment' }).click();
    await expect(notes(page).getByRole('group', { name: 'Confirm deletion' })).toContainText('the case journal keeps its text');
    await notes(page).getByRole('group', { name: 'Confirm deletion' }).getByRole('button', { name: 'Delete comment' }).click();
    await expect(comments.getByRole('listitem')).toHaveCount(0);
    await search(page, 'has:comment');
    await noEvents(page);
    await search(page, 'comment:stuffing');
    await noEvents(page);
  });

  await test.step('the journal shows the edit and the deletion, and its chain verifies', async () => {
    const { dialog, entries } = await journalRows(page);
    await expect(entries.first()).toContainText('comment-deleted');
    await expect(entries.first()).toContainText('text: Credential stuffing from 203.0.113.9');
    await expect(entries.nth(1)).toContainText('comment-edited');
    await expect(entries.nth(1)).toContainText('previousText: Scanner noise from the office range');
    await dialog.getByRole('button', { name: 'Verify chain' }).click();
    await expect(dialog.getByRole('status')).toHaveText(/^✓ Hash chain intact/);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
});

test('rename a tag on all its events, then delete it after a confirmation naming how many carry it', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 2_000 });
  await page.goto(host.url);
  await expect(rows(page).first()).toBeVisible();
  for (const i of [0, 1]) {
    await openDetails(page, i);
    await notes(page).getByRole('combobox', { name: 'Add tag' }).fill('recon');
    await notes(page).getByRole('button', { name: 'Add tag' }).click();
    await expect(notes(page).getByRole('list', { name: 'Tags' })).toContainText('recon');
  }
  const editor = page.getByRole('dialog', { name: 'Edit tag definitions' });

  await test.step('rename recon to reconnaissance: tag: finds both events under the new name', async () => {
    await page.getByRole('button', { name: 'Edit tag definitions' }).click();
    await editor.getByRole('combobox', { name: 'Tag name' }).fill('recon');
    await editor.getByRole('textbox', { name: 'New tag name' }).fill('reconnaissance');
    await editor.getByRole('button', { name: 'Rename tag' }).click();
    await expect(editor).toHaveCount(0);
    await expect(notes(page).getByRole('list', { name: 'Tags' })).toContainText('reconnaissance');
    await search(page, 'tag:recon');
    await noEvents(page);
    await search(page, 'tag:reconnaissance');
    await expect(rows(page)).toHaveCount(2);
  });

  await test.step('delete it: the confirmation says 2 events; afterwards no event carries it', async () => {
    await openDetails(page, 0); // the tag editor lives in the details pane
    await page.getByRole('button', { name: 'Edit tag definitions' }).click();
    await editor.getByRole('combobox', { name: 'Tag name' }).fill('reconnaissance');
    await editor.getByRole('button', { name: 'Delete tag…' }).click();
    const confirm = editor.getByRole('alertdialog', { name: 'Confirm tag deletion' });
    await expect(confirm).toContainText('It is on 2 events; it will be removed from them');
    await confirm.getByRole('button', { name: 'Delete and remove from 2 events' }).click();
    await expect(editor).toHaveCount(0);
    await search(page, 'tag:reconnaissance');
    await noEvents(page);
    await search(page, 'has:tag');
    await noEvents(page);
  });

  await test.step('the journal records the rename and the deletion with the events it touched', async () => {
    const { entries } = await journalRows(page);
    await expect(entries.first()).toContainText('tag-deleted');
    await expect(entries.first()).toContainText('events: 2');
    await expect(entries.nth(1)).toContainText('tag-renamed');
    await expect(entries.nth(1)).toContainText('from: recon · to: reconnaissance');
  });
});
