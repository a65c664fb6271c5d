import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { cli, expect, test } from './fixtures.js';

/** A small generic JSONL export: 6 good records (3 by alice, 2 by bob, 1 by carol) and one broken line. */
const RECORDS = [
  { id: 'evt-001', timestamp: '2026-03-01T09:00:00.000Z', actor: 'alice@example.com', action: 'user.login', outcome: 'success', ip: '10.0.0.5', marker: 'raw-marker-001' },
  { id: 'evt-002', timestamp: '2026-03-01T09:05:00.000Z', actor: 'bob@example.com', action: 'user.login', outcome: 'failure', ip: '203.0.113.9', marker: 'raw-marker-002' },
  { id: 'evt-003', timestamp: '2026-03-01T09:10:00.000Z', actor: 'alice@example.com', action: 'repo.delete', target: 'payments-api', outcome: 'success', ip: '10.0.0.5', marker: 'raw-marker-003' },
  { id: 'evt-004', timestamp: '2026-03-01T09:15:00.000Z', actor: 'carol@example.com', action: 'token.create', outcome: 'success', ip: '192.0.2.44', marker: 'raw-marker-004' },
  { id: 'evt-005', timestamp: '2026-03-01T09:20:00.000Z', actor: 'bob@example.com', action: 'user.logout', outcome: 'success', ip: '203.0.113.9', marker: 'raw-marker-005' },
  { id: 'evt-006', timestamp: '2026-03-01T09:25:00.000Z', actor: 'alice@example.com', action: 'member.add', target: 'bob', outcome: 'success', ip: '10.0.0.5', marker: 'raw-marker-006' },
];
const BROKEN_LINE = '{"id": "evt-007", "timestamp": ';

function jsonl(): string {
  const lines = RECORDS.map((r) => JSON.stringify(r));
  lines.splice(3, 0, BROKEN_LINE); // line 4 is broken
  return `${lines.join('\n')}\n`;
}

/** The row's text in the Time column as the UI shows it in UTC: `2026-03-01 09:25:00.000 UTC`. */
function utcCell(iso: string): string {
  return new Date(iso).toISOString().replace('T', ' ').replace('Z', ' UTC');
}

const rows = (page: Page) => page.getByTestId('event-row');

// A zone with an offset, so "local" visibly differs from UTC (UTC stays the default display).
test.use({ timezoneId: 'Europe/Paris' });

test('import, filter, details and syntax errors on a small file', async ({ page, startHost, dataDir }) => {
  const host = await startHost();
  const file = path.join(dataDir, 'audit-small.jsonl');
  const content = jsonl();
  await writeFile(file, content);
  const sha256 = createHash('sha256').update(content).digest('hex');

  await test.step('open the UI on an empty case: the token leaves the address bar', async () => {
    await page.goto(host.url);
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await expect(page.getByTestId('case-path')).toHaveText(host.caseFile);
    expect(page.url()).not.toContain('token=');
  });

  await test.step('(a) import a JSONL file through "Import files" and see its rows', async () => {
    await page.getByTestId('import-input').setInputFiles(file);
    const done = summary(page);
    await expect(done).toBeVisible();
    await expect(done.getByTestId('summary-inserted')).toHaveText('6 inserted');
    await expect(done.getByTestId('summary-rejects')).toHaveText('1 reject');
    await expect(page.getByTestId('result-count')).toHaveText('6 events');
    await expect(rows(page)).toHaveCount(6);
    // Newest first by default.
    await expect(rows(page).first()).toHaveAttribute('data-event-id', /.+/);
    await expect(rows(page).first()).toContainText(utcCell('2026-03-01T09:25:00.000Z'));
    await expect(rows(page).last()).toContainText('2026-03-01 09:00:00.000 UTC');
    await expect(page.getByRole('grid')).toHaveAttribute('aria-rowcount', '7');
  });

  await test.step('the import log lists the file and its reject with line and reason', async () => {
    await summary(page).getByTestId('open-import-log').click();
    const log = page.getByTestId('import-log');
    await expect(log.getByTestId('import-row')).toHaveCount(1);
    await expect(log.getByTestId('import-row')).toContainText('audit-small.jsonl');
    const reject = log.getByTestId('reject-row');
    await expect(reject).toHaveCount(1);
    await expect(reject).toContainText('4');
    await expect(reject).toContainText('"evt-007"');
    await page.keyboard.press('Escape');
    await expect(log).toBeHidden();
  });

  await test.step('time zone: UTC by default, local on request, every timestamp labelled', async () => {
    const timeHeader = page.getByRole('columnheader').first();
    await expect(timeHeader).toHaveText('Time (UTC)');
    await page.getByRole('button', { name: 'Local (Europe/Paris)' }).click();
    await expect(timeHeader).toHaveText('Time (Europe/Paris)');
    await expect(rows(page).first()).toContainText('2026-03-01 10:25:00.000 +01:00');
    await page.getByRole('button', { name: 'UTC', exact: true }).click();
    await expect(rows(page).first()).toContainText('2026-03-01 09:25:00.000 UTC');
  });

  await test.step('timeline: clicking a bar narrows the query to its time range', async () => {
    const timeline = page.getByRole('img', { name: 'Timeline' });
    await expect(timeline).toBeVisible();
    const bar = page.getByTestId('timeline-bar').first();
    const inBar = Number(await bar.getAttribute('data-count'));
    expect(inBar).toBeGreaterThan(0);
    await bar.hover();
    const events = `${inBar} ${inBar === 1 ? 'event' : 'events'}`;
    await expect(page.getByTestId('timeline-tip')).toContainText(events);
    await bar.click();
    await expect(page.getByRole('textbox', { name: 'Query' })).toHaveValue(/^time>=2026-03-01T09:00:00\.000Z time<\S+Z$/);
    await expect(page.getByTestId('result-count')).toHaveText(events);
    await expect(rows(page)).toHaveCount(inBar);
  });

  await test.step('(b) filter with the Query input: only matching rows remain', async () => {
    const q = page.getByRole('textbox', { name: 'Query' });
    await q.fill('actor:bob@example.com');
    await q.press('Enter');
    await expect(page.getByTestId('result-count')).toHaveText('2 events');
    await expect(rows(page)).toHaveCount(2);
    for (const row of await rows(page).all()) await expect(row).toContainText('bob@example.com');
    await expect(rows(page).filter({ hasText: 'alice@example.com' })).toHaveCount(0);

    await q.fill('actor:alice@example.com -action:user.login');
    await q.press('Enter');
    await expect(page.getByTestId('result-count')).toHaveText('2 events');
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).nth(0)).toContainText('member.add');
    await expect(rows(page).nth(1)).toContainText('repo.delete');
  });

  await test.step('(c) open details: normalized fields, raw record and provenance', async () => {
    await rows(page).filter({ hasText: 'repo.delete' }).click();
    const pane = page.getByRole('region', { name: 'Event details' });
    await expect(pane).toBeVisible();
    await expect(pane.getByTestId('details-raw')).toContainText('"marker": "raw-marker-003"');
    const prov = pane.getByTestId('details-provenance');
    await expect(prov).toContainText('audit-small.jsonl');
    await expect(prov).toContainText(sha256);
    await expect(prov.locator('[data-field="Line"] .value')).toHaveText('3');
    await expect(prov.locator('[data-field="Record index"] .value')).toHaveText(/^\d+$/);
    await expect(pane).toContainText('2026-03-01 09:10:00.000 UTC');
    await page.keyboard.press('Escape');
    await expect(pane).toBeHidden();
  });

  await test.step('(e) a syntax error shows the message and marks its column', async () => {
    const q = page.getByRole('textbox', { name: 'Query' });
    await q.fill('actor:alice AND (action:x');
    await q.press('Enter');
    const error = page.getByTestId('query-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText("unclosed '('");
    await expect(page.getByTestId('query-error-position')).toHaveText('Column 17');
    await expect(page.getByTestId('query-error-column')).toHaveText('(');
    await expect(q).toHaveAttribute('aria-invalid', 'true');
    // The last good query stays applied.
    await expect(page.getByTestId('result-count')).toHaveText('2 events');
  });
});

function summary(page: Page) {
  return page.getByTestId('import-summary');
}

test('100k-event case: End reaches the exact last row', async ({ page, startHost }) => {
  test.setTimeout(240_000);
  const host = await startHost({ demoEvents: 100_000 });
  const oldest = JSON.parse((await cli(['query', '--case', host.caseFile, '--limit', '1', '--format', 'jsonl', '--order', 'asc'])).trim()) as {
    id: string;
    time: string;
    actor: string | null;
    action: string | null;
  };
  const newest = JSON.parse((await cli(['query', '--case', host.caseFile, '--limit', '1', '--format', 'jsonl', '--order', 'desc'])).trim()) as typeof oldest;

  await page.goto(host.url);
  const grid = page.getByRole('grid');
  const count = page.getByTestId('result-count');

  await test.step('the count refines to the exact number', async () => {
    await expect(count).toHaveText('100,000 events');
    await expect(grid).toHaveAttribute('aria-rowcount', '100001');
  });

  await test.step('(d) newest first: End selects and shows the oldest event (= CLI --order asc --limit 1)', async () => {
    await expect(rows(page).first()).toHaveAttribute('data-event-id', newest.id);
    await grid.focus();
    await page.keyboard.press('End');
    const last = page.locator('[data-testid="event-row"][aria-rowindex="100001"]');
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await expect(last).toHaveAttribute('data-event-id', oldest.id);
    await expect(last).toContainText(utcCell(oldest.time));
    if (oldest.actor) await expect(last).toContainText(oldest.actor);
    await expectFullyVisible(page, last);
    await expect(page.getByTestId('selection-position')).toHaveText('row 100,000 of 100,000');
  });

  await test.step('scrolling the grid to the bottom shows the same last row', async () => {
    await page.keyboard.press('Home');
    await expect(page.locator('[data-testid="event-row"][aria-rowindex="2"]')).toHaveAttribute('data-event-id', newest.id);
    await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    const last = page.locator('[data-testid="event-row"][aria-rowindex="100001"]');
    await expect(last).toHaveAttribute('data-event-id', oldest.id);
    await expectFullyVisible(page, last);
  });

  await test.step('oldest first: End shows the newest event (= CLI --order desc --limit 1)', async () => {
    await page.getByRole('button', { name: 'Oldest first' }).click();
    await expect(rows(page).first()).toHaveAttribute('data-event-id', oldest.id);
    await grid.focus();
    await page.keyboard.press('End');
    const last = page.locator('[data-testid="event-row"][aria-rowindex="100001"]');
    await expect(last).toHaveAttribute('data-event-id', newest.id);
    await expect(last).toContainText(utcCell(newest.time));
    await expectFullyVisible(page, last);
  });

  await test.step('scaled scroll range (as past ~10M px): the end is still exact', async () => {
    // 100k rows x 24 px = 2.4M px; capping the scroll range at 1M px forces the scaled mapping used for 1M+ rows.
    await page.evaluate("localStorage.setItem('auditlens.maxScrollPx', '1000000')");
    await page.reload();
    await expect(count).toHaveText('100,000 events');
    await expect(grid).toHaveAttribute('data-scaled', 'true');
    expect(await grid.evaluate((el) => el.scrollHeight)).toBeLessThan(1_100_000);
    await page.getByRole('button', { name: 'Newest first' }).click();
    await expect(rows(page).first()).toHaveAttribute('data-event-id', newest.id);
    await grid.focus();
    await page.keyboard.press('End');
    const last = page.locator('[data-testid="event-row"][aria-rowindex="100001"]');
    await expect(last).toHaveAttribute('data-event-id', oldest.id);
    await expectFullyVisible(page, last);

    await page.keyboard.press('Home');
    await expect(page.locator('[data-testid="event-row"][aria-rowindex="2"]')).toHaveAttribute('data-event-id', newest.id);
    await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(last).toHaveAttribute('data-event-id', oldest.id);
    await expectFullyVisible(page, last);

    // The wheel moves by pixels, not by (pixels x scale): three notches up stay within a few dozen rows.
    const box = (await grid.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -300);
    await expect(last).toBeHidden();
    await expect
      .poll(() => page.locator('[data-testid="event-row"]').first().getAttribute('aria-rowindex').then(Number))
      .toBeGreaterThan(100_001 - 60);
    await page.evaluate("localStorage.removeItem('auditlens.maxScrollPx')");
  });
});

/** The row lies inside the grid's visible body (below the sticky header, above the bottom edge). */
async function expectFullyVisible(page: Page, row: ReturnType<Page['locator']>) {
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
