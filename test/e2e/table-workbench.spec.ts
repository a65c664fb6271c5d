import path from 'node:path';
import type { Page } from '@playwright/test';
import { buildDemoCase, expect, REPO, test } from './fixtures.js';

/**
 * Issue 5, item 11: the table as a workbench. Columns move (header drag, or the chooser's buttons by keyboard), hide
 * and keep their layout per case across reloads; j/k move; Shift selects rows; Ctrl+C and the cell menu copy them.
 */

const DEFAULT_HEADERS = ['Time (UTC)', 'Outcome', 'Severity', 'Actor', 'Action', 'Category', 'Target', 'Source IP', 'Summary'];
const CUSTOM_HEADERS = ['Actor', 'Time (UTC)', 'Severity', 'Outcome', 'Action', 'Target', 'Source IP', 'Summary'];
const CUSTOM_IDS = 'actor,time,severity,outcome,action,target,sourceIp,summary';

const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });
const headers = (page: Page) => grid(page).getByRole('columnheader');
const rows = (page: Page) => grid(page).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
const rowAt = (page: Page, ariaRowIndex: number) => grid(page).locator(`[role="row"][aria-rowindex="${ariaRowIndex}"]`);
/** The clipboard as the page reads it (the test tsconfig has no DOM types, hence the expression string). */
const clipboard = (page: Page) => page.evaluate<string>('navigator.clipboard.readText()');

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function openCase(page: Page, file: string): Promise<void> {
  await page.getByRole('button', { name: 'Case' }).click();
  await page.getByRole('menuitem', { name: 'Open case…' }).click();
  await page.getByLabel('Path of an existing case file').fill(file);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByTestId('case-dialog')).toHaveCount(0);
}

/** `2026-11-04 10:15:30.250 UTC` (the UTC display) -> the stored ISO time. */
const isoOf = (display: string) => display.replace(' UTC', 'Z').replace(' ', 'T');

test('columns reorder, hide and persist per case; j/k; Shift-select three rows and copy them', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 400 });
  const otherCase = path.join(host.dir, 'other.auditlens');
  await buildDemoCase(otherCase, 60);
  await page.goto(host.url);
  await expect(rows(page).first()).toHaveAttribute('data-event-id', /.+/);
  await expect(headers(page)).toHaveText(DEFAULT_HEADERS);

  await test.step('drag the Actor header before Time', async () => {
    const actor = (await headers(page).nth(3).boundingBox())!;
    const time = (await headers(page).nth(0).boundingBox())!;
    await page.mouse.move(actor.x + 30, actor.y + actor.height / 2);
    await page.mouse.down();
    await page.mouse.move(actor.x - 40, actor.y + actor.height / 2, { steps: 5 });
    await page.mouse.move(time.x + 10, time.y + time.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(headers(page)).toHaveText(['Actor', 'Time (UTC)', 'Outcome', 'Severity', 'Action', 'Category', 'Target', 'Source IP', 'Summary']);
  });

  await test.step('by keyboard: the chooser moves Severity left; unchecking hides Category', async () => {
    await page.getByRole('button', { name: 'Columns' }).click();
    const moveLeft = page.getByRole('button', { name: 'Move Severity left' });
    await moveLeft.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Move Actor left' })).toBeDisabled();
    await page.getByRole('checkbox', { name: 'Category', exact: true }).uncheck();
    await page.keyboard.press('Escape');
    await expect(headers(page)).toHaveText(CUSTOM_HEADERS);
  });

  await test.step('the layout survives a reload of this case', async () => {
    await page.reload();
    await expect(rows(page).first()).toHaveAttribute('data-event-id', /.+/);
    await expect(headers(page)).toHaveText(CUSTOM_HEADERS);
  });

  await test.step('another case keeps its own (default) layout; back on the first case, its layout returns', async () => {
    await openCase(page, otherCase);
    await expect(page.getByTestId('result-count')).toHaveText('60 events');
    await expect(headers(page)).toHaveText(DEFAULT_HEADERS);
    await openCase(page, host.caseFile);
    await expect(page.getByTestId('result-count')).toHaveText('400 events');
    await expect(headers(page)).toHaveText(CUSTOM_HEADERS);
  });

  await test.step('j and k move the selected row like the arrows', async () => {
    await grid(page).focus();
    await page.keyboard.press('j');
    await expect(rowAt(page, 2)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(page.getByTestId('selection-position')).toHaveText('row 3 of 400');
    await page.keyboard.press('k');
    await expect(page.getByTestId('selection-position')).toHaveText('row 2 of 400');
    await expect(rowAt(page, 3)).toHaveAttribute('aria-selected', 'true');
    await expect(rowAt(page, 2)).toHaveAttribute('aria-selected', 'false');
  });

  const picked = [4, 5, 6].map((i) => rowAt(page, i));
  await test.step('click a row, Shift+click two rows further: three rows selected', async () => {
    await picked[0].click();
    await page.keyboard.press('Escape'); // the click opened the details; Esc closes them, the selection stays
    await picked[2].click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('selection-count')).toHaveText('3 selected');
    for (const r of picked) await expect(r).toHaveAttribute('aria-selected', 'true');
    await expect(rowAt(page, 7)).toHaveAttribute('aria-selected', 'false');
  });

  // What the grid shows for the three rows: actor and time are the first two columns now.
  const shown = await Promise.all(picked.map(async (r) => (await r.getByRole('gridcell').allTextContents()).slice(0, 2)));

  await test.step('Ctrl+C copies the selection as tab-separated text with a header', async () => {
    await page.keyboard.press('Control+c');
    await expect(page.getByText('Copied 3 rows as text')).toBeVisible();
    const lines = (await clipboard(page)).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(CUSTOM_HEADERS.map((h) => h.replace(' (UTC)', '')).join('\t'));
    lines.slice(1).forEach((line, i) => expect(line.split('\t').slice(0, 2)).toEqual(shown[i]));
  });

  await test.step('the cell menu copies the selection as CSV (stored values, the shown column order)', async () => {
    await picked[1].getByRole('gridcell').first().click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Actor value' });
    const actors = [...new Set(shown.map(([a]) => a))];
    // Filtering works on the selection: any of its actors.
    await expect(menu.getByRole('menuitem').first()).toContainText(actors.length > 1 ? ' OR ' : `actor:`);
    await page.screenshot({ path: path.join(REPO, 'docs', 'table.png') });
    await menu.getByRole('menuitem', { name: 'Copy 3 selected rows as CSV' }).click();
    await expect(page.getByText('Copied 3 rows as CSV')).toBeVisible();
    const csv = await clipboard(page);
    const lines = csv.split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(CUSTOM_IDS);
    expect(lines[4]).toBe('');
    lines.slice(1, 4).forEach((line, i) => expect(line.startsWith(`${shown[i][0]},${isoOf(shown[i][1])},`)).toBe(true));
  });

  await test.step('Space takes the cursor row out; Esc clears the selection', async () => {
    await grid(page).focus();
    await page.keyboard.press(' ');
    await expect(page.getByTestId('selection-count')).toHaveText('2 selected');
    await expect(picked[1]).toHaveAttribute('aria-selected', 'true'); // still the cursor row
    await expect(picked[0]).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('selection-count')).toHaveCount(0);
  });

  await test.step('keyboard only: Shift+F10 opens the menu of the current row, which copies it as JSON', async () => {
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'Actor value' });
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await menu.getByRole('menuitem', { name: 'Copy row as JSON' }).press('Enter');
    await expect(page.getByText('Copied the row as JSON')).toBeVisible();
    const json = JSON.parse(await clipboard(page)) as { id: string; actor: string; time: string; raw?: unknown };
    expect(json.id).toBe(await picked[1].getAttribute('data-event-id'));
    expect([json.actor, json.time]).toEqual([shown[1][0], isoOf(shown[1][1])]);
    await expect(grid(page)).toBeFocused();
  });
});
