import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO, test } from './fixtures.js';

/**
 * Issue 5's "done when": from a suspicious failed login to the actor's sessions, the surrounding events, a tagged
 * and commented finding, and back to where the analyst started (same query, same first visible row and scroll
 * offset, same cursor row, same details open): once with the keyboard alone, once with the mouse. Then the
 * timeline's keyboard brush and the shortcuts dialog.
 */

const START = 'actor:mallory@example.com action:LOGIN_FAILURE';
const ACTOR = 'mallory@example.com';
const TAG = 'finding';

const queryBox = (page: Page) => page.getByLabel('Query', { exact: true });
const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });
const details = (page: Page) => page.getByRole('region', { name: 'Event details' });
const sessionsPanel = (page: Page) => page.getByRole('region', { name: `Sessions of ${ACTOR}` });
const contextPanel = (page: Page) => page.getByRole('region', { name: 'Surrounding events' });
const chosenRow = (page: Page) => contextPanel(page).locator('tr[aria-current="true"]');

interface Place {
  query: string;
  scrollTop: number;
  /** The first row at least partly below the header: index and event id. */
  firstIndex: number;
  firstId: string;
  selectedIndex: number;
  selectedId: string;
  details: string | null;
}

/** Where the analyst is, read from the screen. */
async function placeOf(page: Page): Promise<Place> {
  const table = await grid(page).evaluate((g) => {
    const head = g.querySelector('.grid-head')!.getBoundingClientRect().bottom;
    const rows = [...g.querySelectorAll<HTMLElement>('[data-testid="event-row"]')]
      .filter((r) => r.getBoundingClientRect().bottom > head + 0.5)
      .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
    const sel = g.querySelector<HTMLElement>('.grid-row.is-selected');
    return {
      scrollTop: g.scrollTop,
      firstIndex: Number(rows[0].dataset.index),
      firstId: rows[0].dataset.eventId ?? '',
      selectedIndex: sel ? Number(sel.dataset.index) : -1,
      selectedId: sel?.dataset.eventId ?? '',
    };
  });
  const open = await details(page).count();
  return { query: await queryBox(page).inputValue(), ...table, details: open ? await page.getByTestId('details-summary').textContent() : null };
}

async function expectBackAt(page: Page, start: Place): Promise<void> {
  await expect(queryBox(page)).toHaveValue(start.query);
  await expect(page.getByTestId('view-nav')).toHaveCount(0);
  await expect(grid(page).locator(`[data-event-id="${start.selectedId}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('details-summary')).toHaveText(start.details!);
  await expect.poll(() => placeOf(page)).toEqual(start);
}

async function showFailedLogins(page: Page): Promise<void> {
  await expect(grid(page).getByRole('row').nth(1)).toContainText('login failed for mallory@example.com');
  await expect(page.getByTestId('result-count')).toHaveText(/^156 /);
}

test('keyboard only: failed login -> sessions -> surrounding -> star, tag, comment -> back to the same place', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 20_000 });
  await page.goto(host.url);
  await expect(grid(page)).toBeVisible();
  const kb = page.keyboard;

  let start!: Place;
  await test.step('query with "/", F6 to the table, move down a few pages, open the details', async () => {
    await kb.press('/');
    await kb.type(START);
    await kb.press('Enter');
    await showFailedLogins(page);
    await kb.press('F6'); // query bar -> timeline
    await expect(page.getByTestId('timeline')).toBeFocused();
    await kb.press('F6'); // -> table
    await expect(grid(page)).toBeFocused();
    for (const key of ['PageDown', 'PageDown', 'j', 'j', 'j', 'k']) await kb.press(key);
    await kb.press('Enter');
    await expect(details(page)).toBeVisible();
    await expect(page.getByTestId('details-summary')).toContainText('login failed');
    start = await placeOf(page);
    expect(start.firstIndex).toBeGreaterThan(10); // really scrolled: Back has something to restore
    expect(start.selectedIndex).toBeGreaterThan(start.firstIndex);
  });

  await test.step('a: the actor\'s sessions, focus on the first session; Enter opens its events', async () => {
    await kb.press('a');
    await expect(sessionsPanel(page)).toBeVisible();
    await expect(sessionsPanel(page).getByTestId('session-row').first()).toBeFocused();
    await kb.press('j');
    await expect(sessionsPanel(page).getByTestId('session-row').nth(1)).toBeFocused();
    await kb.press('Enter');
    await expect(queryBox(page)).toHaveValue(new RegExp(`^actor:${ACTOR} `));
    await expect(grid(page)).toBeFocused();
  });

  await test.step('x: the events around the cursor row, the chosen one focused; Open as table selects it', async () => {
    await kb.press('j');
    await expect(grid(page).locator('.grid-row.is-selected')).toHaveCount(1);
    await kb.press('x');
    await expect(chosenRow(page)).toBeFocused();
    await kb.press('Shift+Tab');
    await expect(contextPanel(page).getByRole('button', { name: 'Open as table' })).toBeFocused();
    await kb.press('Enter');
    await expect(grid(page)).toBeFocused();
    await expect(details(page)).toBeVisible();
  });

  await test.step('s stars, t tags, c comments the chosen event; Esc returns to the table', async () => {
    await kb.press('s');
    await expect(details(page).getByRole('button', { name: 'Star event' })).toHaveAttribute('aria-pressed', 'true');
    await expect(grid(page)).toBeFocused();
    await kb.press('t');
    await expect(details(page).getByLabel('Add tag')).toBeFocused();
    await kb.type(TAG);
    await kb.press('Enter');
    await expect(details(page).getByRole('button', { name: `Remove tag ${TAG}` })).toBeVisible();
    await kb.press('Escape');
    await expect(grid(page)).toBeFocused();
    await expect(details(page)).toBeVisible();
    await kb.press('c');
    await expect(details(page).getByLabel('Comment', { exact: true })).toBeFocused();
    await kb.type('mallory brute-forced from a new IP');
    await kb.press('Control+Enter');
    await expect(details(page).getByRole('list', { name: 'Comments' })).toContainText('mallory brute-forced from a new IP');
    await expect(grid(page).locator('.grid-row.is-selected')).toContainText(TAG);
  });

  await test.step('Alt+Left / Backspace four times: each view as it was, then the start exactly', async () => {
    await kb.press('Alt+ArrowLeft');
    await expect(chosenRow(page)).toBeFocused();
    await kb.press('Backspace');
    await expect(queryBox(page)).toHaveValue(new RegExp(`^actor:${ACTOR} `));
    await expect(grid(page)).toBeFocused();
    await expect(grid(page).locator('.grid-row.is-selected')).toHaveCount(1);
    await kb.press('Backspace');
    await expect(sessionsPanel(page).getByTestId('session-row').nth(1)).toBeFocused();
    await kb.press('Backspace');
    await expectBackAt(page, start);
    await expect(grid(page)).toBeFocused();
  });
});

test('mouse: the same round trip with clicks, the wheel and the Back button', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 20_000 });
  await page.goto(host.url);
  await queryBox(page).fill(START);
  await queryBox(page).press('Enter');
  await showFailedLogins(page);

  let start!: Place;
  await test.step('scroll with the wheel (not a whole row), click a row: its details open', async () => {
    const box = (await grid(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 24 * 30 + 7);
    await expect.poll(() => grid(page).evaluate((g) => g.scrollTop)).toBe(24 * 30 + 7);
    await grid(page).locator('[data-index="36"]').click();
    await expect(details(page)).toBeVisible();
    start = await placeOf(page);
    expect(start).toMatchObject({ scrollTop: 727, firstIndex: 30, selectedIndex: 36 });
  });

  await test.step('the actor cell menu opens the sessions; a click on a session opens its events', async () => {
    await grid(page).locator('[data-index="36"]').getByText(ACTOR, { exact: true }).first().click({ button: 'right' });
    await page.getByRole('menuitem', { name: `Sessions of ${ACTOR}` }).click();
    await sessionsPanel(page).getByTestId('session-row').nth(1).click();
    await expect(queryBox(page)).toHaveValue(new RegExp(`^actor:${ACTOR} `));
  });

  await test.step('Show surrounding from the details, Open as table: the chosen event is selected, details open', async () => {
    await grid(page).getByRole('row').nth(1).click();
    await details(page).getByRole('button', { name: 'Show surrounding' }).click();
    const chosen = (await chosenRow(page).textContent()) ?? '';
    await contextPanel(page).getByRole('button', { name: 'Open as table' }).click();
    await expect(details(page)).toBeVisible();
    expect(chosen).toContain((await page.getByTestId('details-summary').textContent()) ?? '-');
  });

  await test.step('star, tag and comment with clicks', async () => {
    await details(page).getByRole('button', { name: 'Star event' }).click();
    await expect(details(page).getByRole('button', { name: 'Star event' })).toHaveAttribute('aria-pressed', 'true');
    await details(page).getByLabel('Add tag').fill(TAG);
    await details(page).getByRole('button', { name: 'Add tag' }).click();
    await expect(details(page).getByRole('button', { name: `Remove tag ${TAG}` })).toBeVisible();
    await details(page).getByLabel('Comment', { exact: true }).fill('same burst, seen with the mouse');
    await details(page).getByRole('button', { name: 'Add comment' }).click();
    await expect(details(page).getByRole('list', { name: 'Comments' })).toContainText('same burst, seen with the mouse');
  });

  await test.step('the Back button four times returns to the same rows, scroll offset, cursor and details', async () => {
    for (let i = 0; i < 4; i++) await page.getByTestId('view-back').click();
    await expectBackAt(page, start);
  });
});

test('Back restores the same rows in a scaled scroll range (as past ~10M px)', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 20_000 });
  await page.goto(host.url);
  // 20k rows x 24 px = 480k px; a 100k px cap forces the proportional scroll mapping used for millions of rows.
  await page.evaluate("localStorage.setItem('auditlens.maxScrollPx', '100000')");
  await page.reload();
  await expect(grid(page)).toHaveAttribute('data-scaled', 'true');
  await expect(page.getByTestId('result-count')).toHaveText(/^20,000 /);
  const box = (await grid(page).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 24 * 12_345 + 5);
  await expect(grid(page).locator('[data-index="12346"]')).not.toHaveAttribute('aria-busy', 'true');
  await grid(page).locator('[data-index="12350"]').click();
  await expect(details(page)).toBeVisible();
  const start = await placeOf(page);
  expect(start).toMatchObject({ firstIndex: 12_345, selectedIndex: 12_350 });
  await page.keyboard.press('x');
  await expect(chosenRow(page)).toBeFocused();
  await page.keyboard.press('Backspace');
  await expectBackAt(page, start);
});

test('timeline keyboard brush: arrows move a bar cursor (announced), Shift selects, Enter zooms, - zooms back', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 20_000 });
  await page.goto(host.url);
  const bars = page.getByTestId('timeline-bar');
  await expect(bars.first()).toBeVisible();
  const status = page.getByTestId('timeline-key-status');
  const all = await bars.evaluateAll((els) => els.map((e) => ({ start: e.dataset.start!, end: e.dataset.end!, count: Number(e.dataset.count) })));
  const n = all.length;

  await page.getByTestId('timeline').focus();
  await page.keyboard.press('ArrowLeft'); // the first move lands on the newest bar
  await expect(bars.nth(n - 1)).toHaveAttribute('aria-current', 'true');
  await expect(status).toHaveText(new RegExp(`^Bar ${n} of ${n}: ${all[n - 1].count.toLocaleString('en-US')} events? from `));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  const picked = all.slice(n - 4, n - 1);
  const sum = picked.reduce((a, b) => a + b.count, 0);
  await expect(status).toHaveText(new RegExp(`^3 bars selected: ${sum.toLocaleString('en-US')} events? from .* Enter zooms to it\\.$`));
  await expect(page.getByTestId('timeline-key-selection')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(queryBox(page)).toHaveValue(`time>=${picked[0].start} time<${picked[2].end}`);
  await expect(page.getByTestId('result-count')).toHaveText(new RegExp(`^${sum.toLocaleString('en-US')} `));
  await expect(page.getByTestId('timeline')).toBeFocused();
  await page.keyboard.press('-');
  await expect(queryBox(page)).toHaveValue('');
});

test('? lists every shortcut in an accessible dialog', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 2_000 });
  await page.goto(host.url);
  await expect(grid(page)).toBeVisible();
  await grid(page).focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const group of ['Anywhere', 'Event table', 'The event under the cursor', 'Timeline (focused)']) {
    await expect(dialog.getByRole('region', { name: group })).toBeVisible();
  }
  await expect(dialog.getByRole('row', { name: /a The actor's sessions/ })).toBeVisible();
  await page.screenshot({ path: path.join(REPO, 'docs', 'workbench-shortcuts.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // Letters typed in a text field are text, not shortcuts.
  await queryBox(page).focus();
  await page.keyboard.type('?a');
  await expect(dialog).toHaveCount(0);
  await expect(queryBox(page)).toHaveValue('?a');
});
