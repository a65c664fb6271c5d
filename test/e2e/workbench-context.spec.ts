import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, REPO, test } from './fixtures.js';

/**
 * The analyst's loop from issue 5: from a suspicious failed login to the events around it and the actor's sessions,
 * and back to where they started, once with the mouse and once with the keyboard; then the investigations menu.
 */

const START = 'actor:mallory@example.com action:LOGIN_FAILURE';
const ACTOR = 'mallory@example.com';

const queryBox = (page: Page) => page.getByLabel('Query', { exact: true });
const grid = (page: Page) => page.getByRole('grid', { name: 'Events' });
const rows = (page: Page) => grid(page).getByRole('row').filter({ hasNot: page.getByRole('columnheader') });
const contextPanel = (page: Page) => page.getByRole('region', { name: 'Surrounding events' });
const sessionsPanel = (page: Page) => page.getByRole('region', { name: `Sessions of ${ACTOR}` });

async function startAtFailedLogins(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await queryBox(page).fill(START);
  await queryBox(page).press('Enter');
  await expect(rows(page).first()).toContainText('login failed for mallory@example.com');
}

test('mouse: failed login -> surrounding events -> back -> actor sessions -> one session -> back to the start', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 20_000 });
  await startAtFailedLogins(page, host.url);

  let chosenSummary = '';
  await test.step('details pane: Show surrounding lists the window across sources, the chosen event marked', async () => {
    await rows(page).first().click();
    await page.keyboard.press('Enter');
    chosenSummary = (await page.getByTestId('details-summary').textContent()) ?? '';
    expect(chosenSummary).toContain('login failed for mallory@example.com');
    await page.getByRole('button', { name: 'Show surrounding' }).click();
    await expect(contextPanel(page)).toBeVisible();
    const chosen = contextPanel(page).locator('tr[aria-current="true"]');
    await expect(chosen).toHaveCount(1);
    await expect(chosen).toContainText(chosenSummary);
    await expect(queryBox(page)).toHaveValue(/^time>=\S+ time<=\S+$/);
    await expect(page.getByRole('button', { name: `Back to ${START}` })).toBeVisible();
  });

  await test.step('N is adjustable: a wider window holds at least as many events', async () => {
    const summary = page.getByTestId('context-summary');
    await expect(summary).toContainText('before');
    const countRows = () => contextPanel(page).locator('tbody tr').count();
    const narrow = await countRows();
    await contextPanel(page).getByRole('button', { name: '60 minutes' }).click();
    await expect(contextPanel(page).getByLabel('Minutes before and after')).toHaveValue('60');
    await expect.poll(countRows).toBeGreaterThan(narrow);
    await expect(contextPanel(page).locator('tr[aria-current="true"]')).toContainText(chosenSummary);
    await page.screenshot({ path: path.join(REPO, 'docs', 'context.png') });
  });

  await test.step('Back returns to the failed logins', async () => {
    await page.getByRole('button', { name: `Back to ${START}` }).click();
    await expect(queryBox(page)).toHaveValue(START);
    await expect(grid(page)).toBeVisible();
    await expect(contextPanel(page)).toHaveCount(0);
  });

  await test.step('the actor cell menu opens the actor\'s sessions', async () => {
    await rows(page).first().getByText(ACTOR, { exact: true }).first().click({ button: 'right' }); // actor column (target is the same user)
    await page.getByRole('menuitem', { name: `Sessions of ${ACTOR}` }).click();
    await expect(sessionsPanel(page)).toBeVisible();
    await expect(page.getByTestId('sessions-summary')).toContainText('session');
    expect(await sessionsPanel(page).getByTestId('session-row').count()).toBeGreaterThan(1);
    // The brute-force burst comes from an address mallory never used before.
    await sessionsPanel(page).getByLabel('Only flagged sessions').check();
    const flagged = sessionsPanel(page).getByTestId('session-row');
    await expect(flagged.filter({ hasText: /new IP/ }).first()).toBeVisible();
    expect(await flagged.count()).toBeLessThan(await sessionsPanel(page).getByTestId('sessions-summary').textContent().then((t) => Number(/([\d,]+) sessions/.exec(t ?? '')![1].replace(/,/g, ''))));
    await page.screenshot({ path: path.join(REPO, 'docs', 'sessions.png') });
    await sessionsPanel(page).getByLabel('Only flagged sessions').uncheck();
    const sessionCount = async () => Number(/([\d,]+) sessions/.exec((await page.getByTestId('sessions-summary').textContent()) ?? '')![1].replace(/,/g, ''));
    const before = await sessionCount();
    await sessionsPanel(page).getByLabel('Inactivity gap (minutes)').fill('600');
    await sessionsPanel(page).getByLabel('Inactivity gap (minutes)').press('Enter');
    await expect.poll(sessionCount).toBeLessThan(before); // fewer, longer sessions for the events without a session id
    await sessionsPanel(page).getByLabel('Inactivity gap (minutes)').fill('30');
    await sessionsPanel(page).getByLabel('Inactivity gap (minutes)').press('Enter');
    await expect.poll(sessionCount).toBe(before);
  });

  await test.step('a session scopes the table; Back twice returns to the start', async () => {
    await sessionsPanel(page).getByTestId('session-row').first().click();
    await expect(queryBox(page)).toHaveValue(new RegExp(`^actor:${ACTOR} .*time>=\\S+ time<=\\S+$`));
    await expect(rows(page).first()).toContainText(ACTOR);
    await page.getByRole('button', { name: `Back to sessions of ${ACTOR}` }).click();
    await expect(sessionsPanel(page)).toBeVisible();
    await page.getByRole('button', { name: `Back to ${START}` }).click();
    await expect(queryBox(page)).toHaveValue(START);
    await expect(page.getByTestId('view-nav')).toHaveCount(0);
  });

  await test.step('pivot to a value\'s timeline from the table and from the details pane; Back each time', async () => {
    await rows(page).first().getByText('LOGIN_FAILURE', { exact: true }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Timeline of this value' }).click();
    await expect(queryBox(page)).toHaveValue('action:LOGIN_FAILURE');
    await expect(page.getByTestId('result-count')).not.toHaveText(/^156 /);
    await page.getByRole('button', { name: `Back to ${START}` }).click();
    await rows(page).first().click();
    await page.keyboard.press('Enter');
    await page.getByTestId('details-pane').locator('[data-field="Source IP"]').hover();
    await page.getByRole('button', { name: 'Timeline of Source IP' }).click();
    await expect(queryBox(page)).toHaveValue(/^ip:[\d.:a-f]+$/);
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(queryBox(page)).toHaveValue(START);
  });
});

test('keyboard: Show surrounding, re-centre, sessions, and Backspace / Alt+Left back to the start', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 20_000 });
  await startAtFailedLogins(page, host.url);

  await test.step('open details with the keyboard and show the surroundings', async () => {
    await grid(page).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('details-pane')).toBeVisible();
    await page.getByRole('button', { name: 'Show surrounding' }).focus();
    await page.keyboard.press('Enter');
    await expect(contextPanel(page).locator('tr[aria-current="true"]')).toBeFocused();
  });

  await test.step('ArrowDown + Enter re-centres on the next event as a new view; Backspace goes back', async () => {
    const first = await contextPanel(page).locator('tr[aria-current="true"]').textContent();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(contextPanel(page).locator('tr[aria-current="true"]')).not.toHaveText(first ?? '');
    await expect(page.getByTestId('view-nav').getByRole('listitem')).toHaveCount(3);
    await page.keyboard.press('Backspace');
    await expect(contextPanel(page).locator('tr[aria-current="true"]')).toHaveText(first ?? '');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(queryBox(page)).toHaveValue(START);
  });

  await test.step('sessions from the details pane, Enter on a session, then back with the keyboard', async () => {
    await grid(page).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('details-pane').getByRole('button', { name: `Sessions of ${ACTOR}` }).focus();
    await page.keyboard.press('Enter');
    await expect(sessionsPanel(page)).toBeVisible();
    await sessionsPanel(page).getByTestId('session-row').first().focus();
    await page.keyboard.press('Enter');
    await expect(queryBox(page)).toHaveValue(new RegExp(`^actor:${ACTOR} `));
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(sessionsPanel(page)).toBeVisible();
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(queryBox(page)).toHaveValue(START);
    // Backspace inside the query box edits the text; it never navigates.
    await queryBox(page).press('End');
    await queryBox(page).press('Backspace');
    await expect(queryBox(page)).toHaveValue(START.slice(0, -1));
  });
});

test('investigations: one click runs a built-in, the sequence lists logins after failures, a query is saved', async ({ page, startHost }) => {
  const host = await startHost({ demoEvents: 20_000 });
  await page.goto(host.url);
  await expect(grid(page)).toBeVisible();
  const menu = page.getByRole('dialog', { name: 'Investigations' });

  await test.step('Who published? runs its query and says what it looks for', async () => {
    await page.getByRole('button', { name: 'Investigations' }).click();
    await expect(menu.getByTestId('investigation-who-published')).toContainText('Actor column shows the user');
    await page.screenshot({ path: path.join(REPO, 'docs', 'investigations.png') });
    await menu.getByRole('button', { name: 'Run: Who published?' }).click();
    await expect(queryBox(page)).toHaveValue('action:ProfilePublished OR action:RulePublished');
    await expect(rows(page).first()).toContainText(/published|RulePublished|ProfilePublished/);
  });

  await test.step('Failed logins, then success lists actors and opens their attempt', async () => {
    await page.getByRole('button', { name: 'Investigations' }).click();
    await menu.getByRole('button', { name: 'Run: Failed logins, then success' }).click();
    const panel = page.getByRole('region', { name: 'Failed logins then success' });
    await expect(panel.getByTestId('fts-row').first()).toBeVisible();
    await panel.getByTestId('fts-row').first().click();
    await expect(queryBox(page)).toHaveValue(/^actor:\S+ time>=\S+ time<=\S+$/);
    await expect(rows(page).filter({ hasText: 'login failed' }).first()).toBeVisible();
    await page.keyboard.press('Alt+ArrowLeft');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(queryBox(page)).toHaveValue('action:ProfilePublished OR action:RulePublished');
  });

  await test.step('save the current query, run it, delete it', async () => {
    await page.getByRole('button', { name: 'Investigations' }).click();
    const form = menu.getByRole('form', { name: 'Save the current query' });
    await form.getByLabel('Name').fill('publishes');
    await form.getByLabel('Description').fill('who changed rules and profiles');
    await form.getByRole('button', { name: 'Save current query' }).click();
    await expect(menu.getByTestId('saved-search')).toContainText('who changed rules and profiles');
    await page.keyboard.press('Escape');
    await queryBox(page).fill('');
    await queryBox(page).press('Enter');
    await page.getByRole('button', { name: 'Investigations' }).click();
    await menu.getByRole('button', { name: 'Run saved search: publishes' }).click();
    await expect(queryBox(page)).toHaveValue('action:ProfilePublished OR action:RulePublished');
    await page.getByRole('button', { name: 'Investigations' }).click();
    await menu.getByRole('button', { name: 'Delete saved search: publishes' }).click();
    await expect(menu.getByTestId('saved-search')).toHaveCount(0);
  });
});
