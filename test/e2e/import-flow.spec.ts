import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

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

const COLUMN_HEADERS = ['Time (UTC)', 'Outcome', 'Severity', 'Actor', 'Action', 'Category', 'Target', 'Source IP', 'Summary'];

const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });
/** Data rows: role=row inside the grid, minus the header row. */
const rows = (page: Page) => grid(page).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
const count = (page: Page) => page.getByTestId('result-count');
const summary = (page: Page) => page.getByTestId('import-summary');

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}

// A zone with an offset, so "local" visibly differs from UTC (UTC stays the default display).
test.use({ timezoneId: 'Europe/Paris' });

test('import a file, filter, read details with raw and provenance, syntax errors', async ({ page, startHost, dataDir }) => {
  const host = await startHost();
  const file = path.join(dataDir, 'audit-small.jsonl');
  const content = jsonl();
  await writeFile(file, content);
  const sha256 = createHash('sha256').update(content).digest('hex');

  await test.step('open the UI on an empty case: the token leaves the address bar', async () => {
    await page.goto(host.url);
    await expect(page.getByTestId('empty-state')).toBeVisible();
    await expect(page.getByTestId('case-path')).toHaveText(host.caseFile);
    await expect(page.getByTestId('case-stats')).toHaveText('0 events · 0 imports');
    expect(page.url()).not.toContain('token=');
  });

  await test.step('import through the "Import files" control and see the rows, newest first', async () => {
    await expect(page.getByRole('banner').getByRole('button', { name: 'Import files' })).toBeEnabled();
    await expect(page.getByTestId('empty-state').getByRole('button', { name: 'Import files' })).toBeVisible();
    await page.getByLabel('Import files').setInputFiles(file);
    await expect(summary(page)).toBeVisible();
    await expect(summary(page).getByTestId('summary-inserted')).toHaveText('6 inserted');
    await expect(summary(page).getByTestId('summary-rejects')).toHaveText('1 reject');
    await expect(count(page)).toHaveText('6 events');
    await expect(page.getByTestId('case-stats')).toHaveText('6 events · 1 import · 1 reject');
    await expect(rows(page)).toHaveCount(6);
    await expect(rows(page).first()).toContainText('2026-03-01 09:25:00.000 UTC');
    await expect(rows(page).first()).toContainText('member.add');
    await expect(rows(page).last()).toContainText('2026-03-01 09:00:00.000 UTC');
    await expect(grid(page)).toHaveAttribute('aria-rowcount', '7');
  });

  await test.step('the grid exposes grid / row / columnheader / gridcell', async () => {
    await expect(grid(page).getByRole('columnheader')).toHaveText(COLUMN_HEADERS);
    const first = rows(page).first();
    await expect(first.getByRole('gridcell')).toHaveCount(COLUMN_HEADERS.length);
    await expect(first.getByRole('gridcell').nth(3)).toHaveText('alice@example.com');
    await expect(first.getByRole('gridcell').nth(7)).toHaveText('10.0.0.5');
    // The stretching last column reaches the grid's right edge and no column needs horizontal scrolling at 1440 px.
    expect(await grid(page).evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
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
    // PCI DSS 10.2.2 coverage: four of the six events name no affected resource; every one has user, IP, outcome.
    const coverage = log.getByTestId('coverage-row');
    await expect(coverage).toHaveCount(1);
    await expect(coverage.getByRole('cell')).toHaveText(['audit-small.jsonl', 'json', '6', '✓', '✓', '✓', '✓', '✓', '4 (66.7%)']);
    await page.keyboard.press('Escape');
    await expect(log).toBeHidden();
  });

  await test.step('time range presets write a relative bound into the query and back out', async () => {
    const presets = page.getByTestId('time-presets');
    await expect(presets).toHaveAccessibleName('Time range');
    await presets.selectOption({ label: 'Last hour' });
    await expect(page.getByTestId('query-input')).toHaveValue('time>-1h');
    // The sample's events are from March 2026: none is within the last hour.
    await expect(count(page)).toHaveText('0 of 6 events');
    await presets.selectOption({ label: 'Any time' });
    await expect(page.getByTestId('query-input')).toHaveValue('');
    await expect(count(page)).toHaveText('6 events');
  });

  await test.step('time zone: UTC by default, local on request, timestamps and timeline labelled', async () => {
    const timeHeader = grid(page).getByRole('columnheader').first();
    const legend = page.getByTestId('timeline-legend');
    await expect(timeHeader).toHaveText('Time (UTC)');
    await expect(legend).toHaveText('Events per 10 s · UTC');
    await page.getByRole('button', { name: 'Local (Europe/Paris)' }).click();
    await expect(timeHeader).toHaveText('Time (Europe/Paris)');
    await expect(rows(page).first()).toContainText('2026-03-01 10:25:00.000 +01:00');
    await expect(legend).toHaveText('Events per 10 s · Europe/Paris');
    await page.getByRole('button', { name: 'UTC', exact: true }).click();
    await expect(rows(page).first()).toContainText('2026-03-01 09:25:00.000 UTC');
  });

  await test.step('timeline: hovering a bar tells its range, clicking it narrows the query to it', async () => {
    await expect(page.getByRole('img', { name: 'Timeline' })).toBeVisible();
    const bar = page.getByTestId('timeline-bar').first();
    await expect(bar).toHaveAttribute('data-start', '2026-03-01T09:00:00.000Z');
    await expect(bar).toHaveAttribute('data-end', '2026-03-01T09:00:10.000Z');
    await expect(bar).toHaveAttribute('data-count', '1');
    await bar.hover();
    const tip = page.getByTestId('timeline-tip');
    await expect(tip).toContainText('1 event');
    await expect(tip).toContainText('from 2026-03-01 09:00:00.000 UTC');
    await expect(tip).toContainText('to 2026-03-01 09:00:10.000 UTC');
    await bar.click();
    await expect(page.getByRole('textbox', { name: 'Query' })).toHaveValue('time>=2026-03-01T09:00:00.000Z time<2026-03-01T09:00:10.000Z');
    await expect(count(page)).toHaveText('1 of 6 events');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('user.login');
  });

  await test.step('filter with the Query input: only matching rows remain, counted against the case', async () => {
    const q = page.getByRole('textbox', { name: 'Query' });
    await q.fill('actor:bob@example.com');
    await q.press('Enter');
    await expect(count(page)).toHaveText('2 of 6 events');
    await expect(rows(page)).toHaveCount(2);
    for (const row of await rows(page).all()) await expect(row).toContainText('bob@example.com');
    await expect(rows(page).filter({ hasText: 'alice@example.com' })).toHaveCount(0);

    await q.fill('actor:alice@example.com -action:user.login');
    await q.press('Enter');
    await expect(count(page)).toHaveText('2 of 6 events');
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).nth(0)).toContainText('member.add');
    await expect(rows(page).nth(1)).toContainText('repo.delete');
  });

  await test.step('open details: fields, raw record and provenance of the clicked row', async () => {
    await rows(page).filter({ hasText: 'repo.delete' }).click();
    const pane = page.getByRole('region', { name: 'Event details' });
    await expect(pane).toBeVisible();
    await expect(page.getByTestId('selection-position')).toHaveText('row 2 of 2');
    await expect(pane.locator('[data-field="Action"] .value')).toHaveText('repo.delete');
    await expect(pane.locator('[data-field="Target"] .value')).toHaveText('payments-api');
    await expect(pane.getByTestId('details-times').locator('tbody tr').first()).toContainText('2026-03-01 09:10:00.000 UTC');
    const raw = pane.getByTestId('details-raw');
    await expect(raw).toContainText('"marker": "raw-marker-003"');
    await expect(raw).not.toContainText('raw-marker-006');
    const prov = pane.getByTestId('details-provenance');
    await expect(prov.locator('[data-field="Object"] .value')).toContainText('audit-small.jsonl');
    await expect(prov.locator('[data-field="SHA-256"] .value')).toHaveText(sha256);
    await expect(prov.locator('[data-field="Line"] .value')).toHaveText('3');
    await expect(prov.locator('[data-field="Record index"] .value')).toHaveText(/^\d+$/);
    // Provenance and the raw record are on screen without scrolling anything.
    await expect(pane.getByRole('region', { name: 'Provenance' })).toBeInViewport({ ratio: 1 });
    await expect(pane.getByRole('region', { name: 'Raw record' })).toBeInViewport({ ratio: 1 });
  });

  await test.step('the details pane resizes: raw record under the fields when narrow, beside them when wide', async () => {
    const pane = page.getByRole('region', { name: 'Event details' });
    const fields = pane.getByTestId('details-fields');
    const raw = pane.getByRole('region', { name: 'Raw record' });
    const sep = pane.getByRole('separator', { name: 'Resize event details' });
    const narrow = await box(pane);
    const below = async () => {
      const [f, r] = [await box(fields), await box(raw)];
      return r.y >= f.y + f.height - 1;
    };
    const beside = async () => {
      const [f, r] = [await box(fields), await box(raw)];
      return r.x >= f.x + f.width - 1 && r.y < f.y + f.height && f.y < r.y + r.height;
    };
    expect(await below()).toBe(true);

    const s = await box(sep);
    await page.mouse.move(s.x + s.width / 2, s.y + 200);
    await page.mouse.down();
    await page.mouse.move(s.x + s.width / 2 - 250, s.y + 200, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Math.round((await box(pane)).width - narrow.width)).toBe(250);
    await expect.poll(beside).toBe(true);
    await expect(pane.getByRole('region', { name: 'Provenance' })).toBeInViewport({ ratio: 1 });
    await expect(sep).toHaveAttribute('aria-valuenow', String(Math.round(narrow.width + 250)));

    // Keyboard: → narrows by 24 px; the width is remembered when the pane reopens.
    await sep.focus();
    await page.keyboard.press('ArrowRight');
    await expect(sep).toHaveAttribute('aria-valuenow', String(Math.round(narrow.width + 226)));
    await page.keyboard.press('Escape');
    await expect(pane).toBeHidden();
    await grid(page).focus();
    await page.keyboard.press('Enter');
    await expect(pane).toBeVisible();
    await expect.poll(async () => Math.round((await box(pane)).width)).toBe(Math.round(narrow.width + 226));
    await page.keyboard.press('Escape');
    await expect(pane).toBeHidden();
  });

  await test.step('a syntax error shows the message and marks its column; the last good query stays', async () => {
    const q = page.getByRole('textbox', { name: 'Query' });
    await q.fill('actor:alice AND (action:x');
    await q.press('Enter');
    const error = page.getByTestId('query-error');
    await expect(error).toBeVisible();
    await expect(error).toContainText("unclosed '('");
    await expect(page.getByTestId('query-error-position')).toHaveText('Column 17');
    await expect(page.getByTestId('query-error-column')).toHaveText('(');
    await expect(q).toHaveAttribute('aria-invalid', 'true');
    await expect(count(page)).toHaveText('2 of 6 events');
    await expect(rows(page)).toHaveCount(2);
  });
});
