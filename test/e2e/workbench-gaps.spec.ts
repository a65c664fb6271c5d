import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO, test } from './fixtures.js';
import { cell, grid, queryInput, runQuery } from './seed-helpers.js';

/**
 * Three pieces of issue 5's "never lose the analyst's place": Back restores the rows marked in the table (by event
 * id, even after an import moved them); each view keeps its own timeline zoom history; the sessions panel can be
 * limited to the view's current time range, and follows it when the timeline zooms.
 */

const ACTOR = 'mallory@example.com';
const rowAt = (page: Page, i: number) => grid(page).locator(`[data-testid="event-row"][data-index="${i}"]`);
const selectionCount = (page: Page) => page.getByTestId('selection-count');
const zoomOut = (page: Page) => page.getByRole('button', { name: 'Zoom out' });
const back = (page: Page) => page.getByTestId('view-back');
const bars = (page: Page) => page.getByTestId('timeline-bar');
const sessionsPanel = (page: Page) => page.getByRole('region', { name: `Sessions of ${ACTOR}` });
const rangeToggle = (page: Page) => sessionsPanel(page).getByRole('checkbox', { name: 'Only the current time range' });

/** The event ids of the marked rows on screen, in row order, with their indexes. */
const markedRows = (page: Page) =>
  grid(page)
    .locator('[data-testid="event-row"].is-marked')
    .evaluateAll((els) =>
      els.map((e) => ({ index: Number((e as HTMLElement).dataset.index), id: (e as HTMLElement).dataset.eventId ?? '' })).sort((a, b) => a.index - b.index),
    );

async function idsAt(page: Page, indexes: number[]): Promise<string[]> {
  const out: string[] = [];
  for (const i of indexes) out.push((await rowAt(page, i).getAttribute('data-event-id')) ?? '');
  return out;
}

/** Clicks the timeline bar with the most events (wide enough to hit reliably). */
async function clickBusiestBar(page: Page): Promise<void> {
  await expect(bars(page).first()).toBeVisible();
  const counts = await bars(page).evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.count)));
  await bars(page).nth(counts.indexOf(Math.max(...counts))).click();
}

/** A small generic JSONL file of events newer than the whole demo case, by the same actor. */
async function newerEvents(dir: string, n: number): Promise<string> {
  const file = path.join(dir, 'newer.jsonl');
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({ id: `newer-${i}`, timestamp: `2026-11-06T0${i}:00:00.000Z`, actor: ACTOR, action: 'user.login', outcome: 'success', ip: '198.51.100.7' }),
  );
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

test('Back restores the marked rows: mouse, keyboard, and after an import moved them', async ({ page, startHost, dataDir }) => {
  const host = await startHost({ demoEvents: 20_000 });
  await page.goto(host.url);
  await runQuery(page, `actor:${ACTOR}`);
  await expect(rowAt(page, 10)).toHaveAttribute('data-event-id', /.+/);

  let marked: { index: number; id: string }[] = [];
  await test.step('click, Shift+click and Ctrl+click mark four rows', async () => {
    await rowAt(page, 2).click();
    await rowAt(page, 4).click({ modifiers: ['Shift'] });
    await rowAt(page, 7).click({ modifiers: ['ControlOrMeta'] });
    await expect(selectionCount(page)).toHaveText('4 selected');
    const ids = await idsAt(page, [2, 3, 4, 7]);
    marked = [2, 3, 4, 7].map((index, k) => ({ index, id: ids[k] }));
    expect(await markedRows(page)).toEqual(marked);
  });

  await test.step('a pivot to another table view (an action\'s timeline) and Back: the same four rows are marked', async () => {
    await (await cell(page, rowAt(page, 7), 'Action')).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Timeline of this value' }).click();
    await expect(queryInput(page)).toHaveValue(/^action:/);
    await expect(selectionCount(page)).toHaveCount(0); // the new view starts with none
    await back(page).click();
    await expect(queryInput(page)).toHaveValue(`actor:${ACTOR}`);
    await expect(selectionCount(page)).toHaveText('4 selected');
    await expect.poll(() => markedRows(page)).toEqual(marked);
  });

  await test.step('keyboard: Esc clears, Shift+j marks a run, Space adds a row; a (sessions) and Backspace restore them', async () => {
    await rowAt(page, 0).click(); // the cursor and the anchor on the first row (and its details open)
    await expect(selectionCount(page)).toHaveCount(0);
    await page.keyboard.press('Shift+j');
    await page.keyboard.press('Shift+j');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press(' ');
    await expect(selectionCount(page)).toHaveText('4 selected');
    const ids = await idsAt(page, [0, 1, 2, 4]);
    marked = [0, 1, 2, 4].map((index, k) => ({ index, id: ids[k] }));
    expect(await markedRows(page)).toEqual(marked);
    await page.keyboard.press('a');
    await expect(sessionsPanel(page)).toBeVisible();
    await page.keyboard.press('Backspace');
    await expect(grid(page)).toBeFocused();
    await expect(selectionCount(page)).toHaveText('4 selected');
    await expect.poll(() => markedRows(page)).toEqual(marked);
  });

  await test.step('x (surrounding), import 3 newer events meanwhile, Backspace: the same events are marked, 3 rows lower', async () => {
    await page.keyboard.press('x');
    await expect(page.getByRole('region', { name: 'Surrounding events' })).toBeVisible();
    await page.getByLabel('Import files').setInputFiles(await newerEvents(dataDir, 3));
    await expect(page.getByTestId('import-summary').getByTestId('summary-inserted')).toHaveText('3 inserted');
    await back(page).click();
    await expect(rowAt(page, 0)).toContainText('2026-11-06 02:00:00'); // newest first: the import is on top
    await expect.poll(() => markedRows(page)).toEqual(marked.map((m) => ({ index: m.index + 3, id: m.id })));
    await expect(selectionCount(page)).toHaveText('4 selected');
  });
});

test('each view keeps its own timeline zoom history', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 20_000 });
  await page.goto(host.url);
  await expect(zoomOut(page)).toBeDisabled();

  const zoomsOfA: string[] = [];
  await test.step('view A: two zooms', async () => {
    await clickBusiestBar(page);
    await expect(queryInput(page)).toHaveValue(/^time>=\S+ time<\S+$/);
    zoomsOfA.push(await queryInput(page).inputValue());
    await clickBusiestBar(page);
    await expect(queryInput(page)).not.toHaveValue(zoomsOfA[0]);
    zoomsOfA.push(await queryInput(page).inputValue());
    await expect(zoomOut(page)).toBeEnabled();
  });

  let viewB = '';
  await test.step('view B (an action\'s timeline) starts with no zoom history; zoom in it once', async () => {
    await (await cell(page, grid(page).getByTestId('event-row').first(), 'Action')).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Timeline of this value' }).click();
    await expect(queryInput(page)).toHaveValue(/^action:\S+$/);
    viewB = await queryInput(page).inputValue();
    await expect(zoomOut(page)).toBeDisabled();
    await clickBusiestBar(page);
    await expect(queryInput(page)).toHaveValue(new RegExp(`^${viewB} time>=`));
    await expect(zoomOut(page)).toBeEnabled();
    await expect(zoomOut(page)).toHaveAttribute('title', `Back to ${viewB} (- or Backspace)`);
  });

  await test.step('Back to A: Zoom out steps through A\'s own two zooms, then stops', async () => {
    await back(page).click();
    await expect(queryInput(page)).toHaveValue(zoomsOfA[1]);
    await expect(zoomOut(page)).toHaveAttribute('title', `Back to ${zoomsOfA[0]} (- or Backspace)`);
    await zoomOut(page).click();
    await expect(queryInput(page)).toHaveValue(zoomsOfA[0]);
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('-');
    await expect(queryInput(page)).toHaveValue('');
    await expect(zoomOut(page)).toBeDisabled();
  });

  await test.step('pivoting to B again starts clean', async () => {
    await (await cell(page, grid(page).getByTestId('event-row').first(), 'Action')).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Timeline of this value' }).click();
    await expect(queryInput(page)).toHaveValue(/^action:\S+$/);
    await expect(zoomOut(page)).toBeDisabled();
  });
});

const sessionCount = async (page: Page) =>
  Number(/([\d,]+) sessions?/.exec((await page.getByTestId('sessions-summary').textContent()) ?? '')![1].replace(/,/g, ''));
/** Session starts shown in the panel (UTC display), as epoch ms. */
const sessionStarts = (page: Page) =>
  sessionsPanel(page)
    .getByTestId('session-row')
    .evaluateAll((rows) => rows.map((r) => Date.parse(`${r.querySelector('td')!.textContent!.replace(' ', 'T').replace(' UTC', '')}Z`)));

test('sessions: only the current time range, following the timeline zoom', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 20_000 });
  await page.goto(host.url);
  const week = `actor:${ACTOR} time>=2026-10-20 time<2026-10-27`;
  const [from, to] = [Date.parse('2026-10-20T00:00:00Z'), Date.parse('2026-10-27T00:00:00Z')];
  await runQuery(page, week);

  let all = 0;
  await test.step('the actor\'s sessions keep the range of the view they came from; off by default: the whole history', async () => {
    await (await cell(page, grid(page).getByTestId('event-row').first(), 'Actor')).click({ button: 'right' });
    await page.getByRole('menuitem', { name: `Sessions of ${ACTOR}` }).click();
    await expect(sessionsPanel(page)).toBeVisible();
    await expect(queryInput(page)).toHaveValue(`actor:${ACTOR} time>=2026-10-20 time<2026-10-27`);
    await expect(rangeToggle(page)).not.toBeChecked();
    await expect(rangeToggle(page)).toHaveAccessibleDescription(/Current range 2026-10-20 00:00:00.000 UTC – 2026-10-27 00:00:00.000 UTC \(not applied/);
    await expect(page.getByTestId('sessions-summary')).not.toContainText('in this range');
    all = await sessionCount(page);
    expect((await sessionStarts(page)).some((t) => t < from || t >= to)).toBe(true);
  });

  let inWeek = 0;
  await test.step('on: only the sessions in the range, the range named', async () => {
    await rangeToggle(page).check();
    await expect(page.getByTestId('sessions-range')).toHaveText('Range applied: 2026-10-20 00:00:00.000 UTC – 2026-10-27 00:00:00.000 UTC');
    await expect(page.getByTestId('sessions-summary')).toContainText('in this range');
    inWeek = await sessionCount(page);
    expect(inWeek).toBeGreaterThan(0);
    expect(inWeek).toBeLessThan(all);
    const starts = await sessionStarts(page);
    expect(starts.length).toBe(inWeek);
    expect(starts.every((t) => t >= from && t < to)).toBe(true);
    await page.screenshot({ path: path.join(REPO, 'docs', 'sessions-range.png') });
  });

  await test.step('a timeline zoom narrows the range: the panel stays and asks again; Zoom out widens it back', async () => {
    await clickBusiestBar(page);
    await expect(queryInput(page)).toHaveValue(/time>=\S+ time<\S+$/);
    const [, zFrom, zTo] = /time>=(\S+) time<(\S+)$/.exec(await queryInput(page).inputValue())!;
    await expect(sessionsPanel(page)).toBeVisible();
    await expect(rangeToggle(page)).toBeChecked();
    const shown = (iso: string) => iso.replace('T', ' ').replace('Z', ' UTC');
    await expect(page.getByTestId('sessions-range')).toHaveText(`Range applied: ${shown(zFrom)} – ${shown(zTo)}`);
    await expect.poll(() => sessionCount(page)).toBeLessThan(inWeek);
    const starts = await sessionStarts(page);
    // A session that began before the zoomed range is listed from its first event inside it.
    expect(starts.every((t) => t >= Date.parse(zFrom) && t < Date.parse(zTo))).toBe(true);
    await zoomOut(page).click();
    await expect(queryInput(page)).toHaveValue(week);
    await expect.poll(() => sessionCount(page)).toBe(inWeek);
  });

  await test.step('off again: the whole history; a query without a time range disables the toggle and says why', async () => {
    await rangeToggle(page).uncheck();
    await expect.poll(() => sessionCount(page)).toBe(all);
    await runQuery(page, `actor:${ACTOR}`);
    await expect(sessionsPanel(page)).toBeVisible();
    await expect(rangeToggle(page)).toBeDisabled();
    await expect(page.getByTestId('sessions-range')).toHaveText(/no time range/);
  });
});
