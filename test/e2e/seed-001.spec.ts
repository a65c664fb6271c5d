import { expect, test } from './fixtures.js';
import {
  cell, details, filterBar, hideColumn, importThroughUi, queryInput, resultCount, rows, screenshot, seedFile, showColumn,
} from './seed-helpers.js';

// Seed 001: the rule platform's /audit-log page. Its users filter by From/To (UTC, default last 30 days), entity
// type, action and exact slug, read entity and engine versions, expand the JSON payload, and run four forensic
// scenarios. The fixture is that page's "Export CSV" (occurredAt, actor, entityType, entitySlug, entityVersion,
// action, engineVersion, clientIp, payload), 12 rows from 2026-01-15 to 2026-03-20.

test('seed 001: filter bar, entity/engine versions, payload, the four forensic scenarios', async ({ page, startHost }) => {
  const host = await startHost();
  const bar = filterBar(page);
  const from = bar.getByRole('textbox', { name: 'From (UTC)' });
  const to = bar.getByRole('textbox', { name: 'To (UTC)' });
  const entityType = bar.getByRole('combobox', { name: 'Entity type' });
  const action = bar.getByRole('combobox', { name: 'Action' });
  const slug = bar.getByRole('textbox', { name: 'Slug / target' });

  await test.step('import the CSV export: a new case view opens on the last 30 days up to its last event', async () => {
    await importThroughUi(page, host.url, seedFile('seed-001-audit-log-export.csv'), 12);
    await expect(page.getByTestId('default-range-note')).toContainText('last 30 days');
    await expect(queryInput(page)).toHaveValue('time>=2026-02-18');
    await expect(from).toHaveValue('2026-02-18');
    await expect(resultCount(page)).toHaveText('9 of 12 events');
  });

  await test.step('why is my build stricter since yesterday? date range = yesterday, Profile, ProfilePublished', async () => {
    await from.fill('2026-03-19');
    await to.fill('2026-03-20');
    await bar.getByRole('button', { name: 'Apply' }).click();
    await entityType.selectOption('Profile');
    await action.selectOption('ProfilePublished');
    // The controls wrote the query; the query is what runs.
    await expect(queryInput(page)).toHaveValue('time>=2026-03-19 time<2026-03-20 targetType:Profile action:ProfilePublished');
    await expect(rows(page)).toHaveCount(1);
    const row = rows(page).first();
    await expect(await cell(page, row, 'Actor')).toHaveText('u-bob');
    await expect(await cell(page, row, 'Target')).toHaveText('payments-strict');
    await showColumn(page, 'Entity version');
    await expect(await cell(page, row, 'Entity version')).toHaveText('3');
  });

  await test.step('open the new profile version: the payload as a JSON tree shows the changed severity', async () => {
    await rows(page).first().click();
    const pane = details(page);
    await expect(pane.getByTestId('details-summary')).toHaveText('u-bob published profile payments-strict v3');
    await pane.getByRole('group', { name: 'Raw record view' }).getByRole('button', { name: 'Tree' }).click();
    const tree = pane.getByRole('tree', { name: 'Raw record tree' });
    await expect(tree.getByRole('treeitem', { name: /^payload: \{3 keys\}/ })).toBeVisible();
    const override = tree.getByRole('treeitem', { name: 'no-eval: error' });
    await expect(override).toBeVisible();
    // Keyboard: focus the override, collapse its parent with ArrowLeft twice (to parent, then collapse).
    await override.click();
    await expect(pane.getByTestId('tree-path')).toHaveText('$.payload.severityOverrides["no-eval"]');
    await override.press('ArrowLeft');
    await expect(tree.getByRole('treeitem', { name: /^severityOverrides/ })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(tree.getByRole('treeitem', { name: /^severityOverrides/ })).toHaveAttribute('aria-expanded', 'false');
    await expect(override).toHaveCount(0);
    await pane.getByRole('button', { name: 'Expand all' }).click();
    await expect(override).toBeVisible();
    await pane.getByRole('button', { name: 'Close details' }).click();
  });

  await test.step('alternatively: Rule + RulePublished; the query text drives the controls too', async () => {
    await queryInput(page).fill('time>=2026-03-19 time<2026-03-20 targetType:Rule action:RulePublished');
    await queryInput(page).press('Enter');
    await expect(entityType).toHaveValue('Rule');
    await expect(action).toHaveValue('RulePublished');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('no-eval');
  });

  await test.step('who published? Action = ProfilePublished over the whole case: the Actor column answers', async () => {
    await bar.getByRole('button', { name: 'Clear filters' }).click();
    await expect(queryInput(page)).toHaveValue('');
    await action.selectOption('ProfilePublished');
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).nth(0)).toContainText('u-bob');
    await expect(rows(page).nth(1)).toContainText('u-bob');
  });

  await test.step('when was an API key created or revoked? Entity type = API key, March', async () => {
    await bar.getByRole('button', { name: 'Clear filters' }).click();
    await entityType.selectOption('API key');
    await from.fill('2026-03-01');
    await to.fill('2026-04-01');
    await to.press('Enter');
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).nth(0)).toContainText('ApiKeyRevoked');
    await expect(rows(page).nth(0)).toContainText('2026-03-19 15:30:00.000 UTC');
    await expect(rows(page).nth(0)).toContainText('u-alice');
    await expect(rows(page).nth(1)).toContainText('ApiKeyCreated');
  });

  await test.step('which spec jobs ran on engine X? Spec job + slug no-eval, Engine version column', async () => {
    await bar.getByRole('button', { name: 'Clear filters' }).click();
    await entityType.selectOption('Spec job');
    // Action lists only what exists under the other filters.
    await expect(action.getByRole('option')).toHaveText(['Any', 'SpecJobEnqueued (3)', 'SpecJobCancelled (1)']);
    await slug.fill('no-eval');
    await slug.press('Enter');
    await expect(queryInput(page)).toHaveValue('targetType:"Spec job" target:no-eval');
    await showColumn(page, 'Engine version');
    await expect(rows(page)).toHaveCount(4);
    const engines = [];
    for (let i = 0; i < 4; i++) engines.push(await (await cell(page, rows(page).nth(i), 'Engine version')).textContent());
    expect(engines).toEqual(['4.2.0', '4.2.0', '4.2.0', '4.1.3']);
    // The export has no outcome; category and IP make room for the version columns in the picture.
    for (const c of ['Outcome', 'Category', 'Source IP']) await hideColumn(page, c);
    await screenshot(page, 'seed-001.png');
  });

  await test.step('Export CSV of exactly the filtered view, for Excel or a SIEM', async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the current view' });
    await expect(dialog.getByTestId('export-query')).toHaveText('targetType:"Spec job" target:no-eval');
    await dialog.getByLabel('Name').fill('spec-jobs-no-eval');
    await expect(dialog.getByRole('radio', { name: /CSV/ })).toBeChecked();
    await dialog.getByRole('button', { name: 'Start export' }).click();
    await page.getByRole('button', { name: 'Export history' }).click();
    const row = page.getByRole('dialog', { name: 'Export history' }).getByTestId('export-row').filter({ hasText: 'spec-jobs-no-eval' });
    await expect(row).toContainText('completed');
    await expect(row.getByRole('cell').nth(3)).toHaveText('4');
  });
});
