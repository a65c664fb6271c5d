import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO, test } from './fixtures.js';

/**
 * The timeline (issue 5 item 3): brush to zoom, zoom history (button and keyboard), bucket size adapting, stacking by
 * outcome and severity, and the busiest actors' swimlanes filtering the table.
 */

const queryBox = (page: Page) => page.getByLabel('Query', { exact: true });
const chart = (page: Page) => page.getByRole('img', { name: 'Timeline' });
const bars = (page: Page) => page.getByTestId('timeline-bar');
const legend = (page: Page) => page.getByTestId('timeline-legend');
const RANGE = /^time>=(\S+) time<(\S+)$/;

/** Drags across the chart from one fraction of its width to another. */
async function brush(page: Page, fromFraction: number, toFraction: number): Promise<void> {
  const box = (await chart(page).boundingBox())!;
  const left = box.x + 48; // the plot's left margin (Timeline.tsx PAD)
  const width = box.width - 48 - 12;
  const y = box.y + box.height / 2;
  await page.mouse.move(left + width * fromFraction, y);
  await page.mouse.down();
  await page.mouse.move(left + width * ((fromFraction + toFraction) / 2), y, { steps: 4 });
  await expect(page.getByTestId('timeline-brush')).toBeVisible();
  await page.mouse.move(left + width * toFraction, y, { steps: 4 });
  await page.mouse.up();
}

const barStarts = (page: Page) => bars(page).evaluateAll((els) => els.map((e) => Date.parse(e.dataset.start!)));
const barTotal = (page: Page) => bars(page).evaluateAll((els) => els.reduce((a, e) => a + Number(e.dataset.count), 0));
/** Count per bar start: of the bars, or summed over their stacked segments. */
const countsByStart = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluateAll((els) => {
    const out: Record<string, number> = {};
    for (const e of els) out[e.dataset.start!] = (out[e.dataset.start!] ?? 0) + Number(e.dataset.count);
    return out;
  });
const resultCount = async (page: Page) => Number(((await page.getByTestId('result-count').textContent()) ?? '').split(/\s/)[0].replace(/,/g, ''));

test('brush to zoom, zoom back, stack by outcome and severity, actor swimlanes filter', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 20_000 });
  await page.goto(host.url);
  await expect(bars(page).first()).toBeVisible();
  await expect(page.getByTestId('result-count')).toHaveAttribute('data-exact', 'true');
  const wholeLabel = await legend(page).textContent();
  const wholeStarts = await barStarts(page);

  let zoomed = '';
  await test.step('drag across the histogram: the query takes that range, the bars get finer, every event counted', async () => {
    await brush(page, 0.4, 0.55);
    await expect(queryBox(page)).toHaveValue(RANGE);
    zoomed = await queryBox(page).inputValue();
    const [, from, to] = RANGE.exec(zoomed)!;
    const span = Date.parse(to) - Date.parse(from);
    expect(span).toBeGreaterThan(0);
    expect(span).toBeLessThan(wholeStarts[wholeStarts.length - 1] - wholeStarts[0]);
    await expect(legend(page)).not.toHaveText(wholeLabel!);
    const starts = await barStarts(page);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(Date.parse(from) - 86_400_000); // bars start on a calendar boundary
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-exact', 'true');
    await expect.poll(() => barTotal(page)).toBe(await resultCount(page));
  });

  await test.step('a click on a bar still scopes to that bar, and zooms in again', async () => {
    const bar = bars(page).nth(Math.floor((await bars(page).count()) / 2));
    const [start, end] = [await bar.getAttribute('data-start'), await bar.getAttribute('data-end')];
    await bar.click();
    await expect(queryBox(page)).toHaveValue(`time>=${start} time<${end}`);
  });

  await test.step('zoom history: "-" with the timeline focused goes back one zoom, the button another', async () => {
    await page.getByRole('group', { name: 'Timeline controls' }).focus();
    await page.keyboard.press('-');
    await expect(queryBox(page)).toHaveValue(zoomed);
    const zoomOut = page.getByRole('button', { name: 'Zoom out' });
    await expect(zoomOut).toBeEnabled();
    await zoomOut.click();
    await expect(queryBox(page)).toHaveValue('');
    await expect(zoomOut).toBeDisabled();
    await expect(legend(page)).toHaveText(wholeLabel!);
  });

  await test.step('stack by outcome: each bar split into ✓/✗ segments that add up to it; a legend', async () => {
    const stack = page.getByRole('radiogroup', { name: 'Stack by' });
    await stack.getByRole('radio', { name: 'Outcome' }).click();
    await expect(stack.getByRole('radio', { name: 'Outcome' })).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByRole('list', { name: 'Stacked by outcome' })).toContainText('✗ failure');
    await expect(page.locator('[data-testid="timeline-segment"][data-key="failure"]').first()).toBeVisible();
    const perBar = await countsByStart(page, 'timeline-bar');
    expect(Object.keys(perBar).length).toBeGreaterThan(10);
    expect(await countsByStart(page, 'timeline-segment')).toEqual(perBar);
  });

  await test.step('actor swimlanes: the busiest actors of the result, busiest first', async () => {
    await page.getByRole('button', { name: 'Actors' }).click();
    const panel = page.getByRole('region', { name: 'Actor activity' });
    await expect(panel.getByTestId('swimlane').first()).toBeVisible();
    const totals = await panel.getByTestId('swimlane').evaluateAll((els) => els.map((e) => Number(e.dataset.total)));
    expect(totals.length).toBeGreaterThan(1);
    expect(totals.length).toBeLessThanOrEqual(8);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    await page.screenshot({ path: path.join(REPO, 'docs', 'timeline.png') });
  });

  await test.step('stack by severity, then none', async () => {
    const stack = page.getByRole('radiogroup', { name: 'Stack by' });
    await stack.getByRole('radio', { name: 'Severity' }).click();
    await expect(page.getByRole('list', { name: 'Stacked by severity' })).toContainText('critical');
    const keys = await page.getByTestId('timeline-segment').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.key))].sort());
    expect(keys.every((k) => ['critical', 'info', 'warning'].includes(k!))).toBe(true);
    await stack.getByRole('radio', { name: 'None' }).click();
    await expect(page.getByTestId('timeline-segment')).toHaveCount(0);
  });

  await test.step('clicking a lane filters the table to that actor', async () => {
    const lane = page.getByRole('region', { name: 'Actor activity' }).getByTestId('swimlane').first();
    const actor = (await lane.getAttribute('data-actor'))!;
    const total = Number(await lane.getAttribute('data-total'));
    await page.getByRole('button', { name: `Filter to actor ${actor}` }).click();
    await expect(queryBox(page)).toHaveValue(`actor:${actor}`);
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-exact', 'true');
    await expect.poll(() => resultCount(page)).toBe(total);
    // The lanes follow the result: now the one actor.
    await expect(page.getByRole('region', { name: 'Actor activity' }).getByTestId('swimlane')).toHaveCount(1);
  });
});
