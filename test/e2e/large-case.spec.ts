import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { buildDemoCase, cli, DEMO_END, expect, test } from './fixtures.js';

/**
 * One 100k-event demo case for the whole file (built once in beforeAll: about 5 s); every test serves it with its
 * own host and browser context. Nothing here writes to the case.
 */
const EVENTS = 100_000;
const HOUR = 3_600_000;

interface CliEvent {
  id: string;
  time: string;
  actor: string | null;
}

let dir = '';
let caseFile = '';
let oldest: CliEvent;
let newest: CliEvent;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = await mkdtemp(path.join(tmpdir(), 'auditlens-e2e-100k-'));
  caseFile = path.join(dir, 'large.auditlens');
  await buildDemoCase(caseFile, EVENTS);
  const first = (order: 'asc' | 'desc') =>
    cli(['query', '--case', caseFile, '--limit', '1', '--format', 'jsonl', '--order', order]).then((out) => JSON.parse(out.trim()) as CliEvent);
  [oldest, newest] = await Promise.all([first('asc'), first('desc')]);
});

test.afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// Europe/Paris: +02:00 until 2026-10-25 03:00, +01:00 after, inside the demo's span.
test.use({ timezoneId: 'Europe/Paris' });

/** The row's text in the Time column as the UTC display shows it: `2026-03-01 09:25:00.000 UTC`. */
function utcCell(iso: string): string {
  return new Date(iso).toISOString().replace('T', ' ').replace('Z', ' UTC');
}

const rowAt = (page: Page, ariaRowIndex: number) => page.getByRole('grid').locator(`[role="row"][aria-rowindex="${ariaRowIndex}"]`);
const LAST = EVENTS + 1; // aria-rowindex of the last data row (the header is 1)

test('100k events: the count is exact and End / scrolling reach the exact last row', async ({ page, startHost }) => {
  const host = await startHost({ caseFile });
  await page.goto(host.url);
  const grid = page.getByRole('grid', { name: 'Events' });

  await test.step('the count refines to the exact number', async () => {
    await expect(page.getByTestId('result-count')).toHaveText('100,000 events');
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-exact', 'true');
    await expect(grid).toHaveAttribute('aria-rowcount', String(LAST));
  });

  await test.step('newest first: End selects and shows the oldest event (= CLI --order asc --limit 1)', async () => {
    await expect(rowAt(page, 2)).toHaveAttribute('data-event-id', newest.id);
    await grid.focus();
    await page.keyboard.press('End');
    const last = rowAt(page, LAST);
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await expect(last).toHaveAttribute('data-event-id', oldest.id);
    await expect(last.getByRole('gridcell').first()).toHaveText(utcCell(oldest.time));
    if (oldest.actor) await expect(last).toContainText(oldest.actor);
    await expectFullyVisible(page, last);
    await expect(page.getByTestId('selection-position')).toHaveText('row 100,000 of 100,000');
  });

  await test.step('Enter on the last row opens its details with raw record and provenance', async () => {
    await page.keyboard.press('Enter');
    const pane = page.getByRole('region', { name: 'Event details' });
    await expect(pane.locator('[data-field="Event id"] .value')).toHaveText(oldest.id);
    await expect(pane.getByTestId('details-raw')).toContainText('"timestamp"');
    await expect(pane.getByTestId('details-provenance').locator('[data-field="SHA-256"] .value')).toHaveText(/^[0-9a-f]{64}$/);
    await page.keyboard.press('Escape');
    await expect(pane).toBeHidden();
  });

  await test.step('scrolling the grid to the bottom shows the same last row', async () => {
    await grid.focus();
    await page.keyboard.press('Home');
    await expect(rowAt(page, 2)).toHaveAttribute('data-event-id', newest.id);
    await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(rowAt(page, LAST)).toHaveAttribute('data-event-id', oldest.id);
    await expectFullyVisible(page, rowAt(page, LAST));
  });

  await test.step('oldest first: End shows the newest event (= CLI --order desc --limit 1)', async () => {
    await page.getByRole('button', { name: 'Oldest first' }).click();
    await expect(rowAt(page, 2)).toHaveAttribute('data-event-id', oldest.id);
    await grid.focus();
    await page.keyboard.press('End');
    const last = rowAt(page, LAST);
    await expect(last).toHaveAttribute('data-event-id', newest.id);
    await expect(last.getByRole('gridcell').first()).toHaveText(utcCell(newest.time));
    await expectFullyVisible(page, last);
  });

  await test.step('scaled scroll range (as past ~10M px): the end is still exact', async () => {
    // 100k rows x 24 px = 2.4M px; capping the scroll range at 1M px forces the scaled mapping used for 1M+ rows.
    await page.evaluate("localStorage.setItem('auditlens.maxScrollPx', '1000000')");
    await page.reload();
    await expect(page.getByTestId('result-count')).toHaveText('100,000 events');
    await expect(grid).toHaveAttribute('data-scaled', 'true');
    expect(await grid.evaluate((el) => el.scrollHeight)).toBeLessThan(1_100_000);
    await page.getByRole('button', { name: 'Newest first' }).click();
    await expect(rowAt(page, 2)).toHaveAttribute('data-event-id', newest.id);
    await grid.focus();
    await page.keyboard.press('End');
    const last = rowAt(page, LAST);
    await expect(last).toHaveAttribute('data-event-id', oldest.id);
    await expectFullyVisible(page, last);

    await page.keyboard.press('Home');
    await expect(rowAt(page, 2)).toHaveAttribute('data-event-id', newest.id);
    await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(last).toHaveAttribute('data-event-id', oldest.id);
    await expectFullyVisible(page, last);

    // The wheel moves by pixels, not by (pixels x scale): three notches up stay within a few dozen rows.
    const box = (await grid.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect(last).toBeHidden();
    await expect
      .poll(() => grid.getByRole('row').nth(1).getAttribute('aria-rowindex').then(Number))
      .toBeGreaterThan(LAST - 60);
  });
});

interface BarData {
  start: number;
  end: number;
  count: number;
}

function readBars(page: Page): Promise<BarData[]> {
  return page.getByTestId('timeline-bar').evaluateAll((els) =>
    els.map((e) => ({ start: Date.parse(e.dataset.start!), end: Date.parse(e.dataset.end!), count: Number(e.dataset.count) })),
  );
}

/** Wall-clock hour and minute of an instant in Paris. */
function parisClock(ms: number): { h: number; m: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(ms);
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return { h: get('hour'), m: get('minute') };
}

test('100k events: timeline bars follow the display zone, DST included, and count every event once', async ({ page, startHost }) => {
  const host = await startHost({ caseFile });
  await page.goto(host.url);
  const legend = page.getByTestId('timeline-legend');
  await expect(page.getByRole('img', { name: 'Timeline' })).toBeVisible();

  await test.step('UTC: 6-hour bars on UTC 00/06/12/18, summing to the case', async () => {
    await expect(legend).toHaveText('Events per 6 h · UTC');
    const bars = await readBars(page);
    expect(bars.length).toBeGreaterThan(100);
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(EVENTS);
    for (const b of bars) {
      expect(b.end - b.start).toBe(6 * HOUR);
      expect(new Date(b.start).getUTCHours() % 6).toBe(0);
    }
    expect(bars[bars.length - 1].end).toBe(Date.parse(DEMO_END));
  });

  await test.step('local: bars on Paris 00/06/12/18; the night DST ends has a 7-hour bar', async () => {
    await page.getByRole('button', { name: 'Local (Europe/Paris)' }).click();
    await expect(legend).toHaveText('Events per 6 h · Europe/Paris');
    const bars = await readBars(page);
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(EVENTS);
    for (const b of bars) {
      const c = parisClock(b.start);
      expect(c.h % 6, new Date(b.start).toISOString()).toBe(0);
      expect(c.m).toBe(0);
    }
    // 2026-10-25 00:00 +02:00 (22:00Z the day before) to 06:00 +01:00 (05:00Z).
    const dst = bars.find((b) => b.start === Date.parse('2026-10-24T22:00:00Z'));
    expect(dst?.end).toBe(Date.parse('2026-10-25T05:00:00Z'));
    expect(bars.filter((b) => b.end - b.start !== 6 * HOUR)).toEqual([dst]);
    // Axis ticks fall on Paris midnights too.
    const ticks = await page.getByTestId('timeline-tick').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('data-t')!)));
    expect(ticks.length).toBeGreaterThan(5);
    for (const t of ticks) expect(parisClock(t)).toEqual({ h: 0, m: 0 });
  });

  await test.step('clicking the 7-hour bar filters to exactly its range', async () => {
    const bar = page.locator('[data-testid="timeline-bar"][data-start="2026-10-24T22:00:00.000Z"]');
    const inBar = Number(await bar.getAttribute('data-count'));
    expect(inBar).toBeGreaterThan(0);
    await bar.hover();
    await expect(page.getByTestId('timeline-tip')).toContainText('from 2026-10-25 00:00:00.000 +02:00');
    await expect(page.getByTestId('timeline-tip')).toContainText('to 2026-10-25 06:00:00.000 +01:00');
    await bar.click();
    await expect(page.getByRole('textbox', { name: 'Query' })).toHaveValue('time>=2026-10-24T22:00:00.000Z time<2026-10-25T05:00:00.000Z');
    await expect(page.getByTestId('result-count')).toHaveText(`${inBar.toLocaleString('en-US')} of 100,000 events`);
  });
});

/** The row lies inside the grid's visible body (below the sticky header, above the bottom edge). */
async function expectFullyVisible(page: Page, row: Locator) {
  await expect(row).toBeVisible();
  await expect
    .poll(async () => {
      const [r, g, h] = await Promise.all([
        row.boundingBox(),
        page.getByRole('grid').evaluate((el) => {
          const b = el.getBoundingClientRect();
          return { top: b.top, bottom: b.top + el.clientHeight };
        }),
        page.locator('.grid-head').boundingBox(),
      ]);
      if (!r || !h) return false;
      return r.y >= h.y + h.height - 0.5 && r.y + r.height <= g.bottom + 0.5;
    })
    .toBe(true);
}
