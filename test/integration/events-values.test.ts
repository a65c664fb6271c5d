import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { useTempDir } from '../helpers/temp.js';

// The filter bar's backend: distinct values of a field under a query, attribute names for attribute columns, and
// those attributes on table rows. Real import of the seed-001 CSV export into a real case file.
const SEED_001 = path.resolve(import.meta.dirname, '../e2e/seeds/seed-001-audit-log-export.csv');
const tempDir = useTempDir();
let backend: Backend;

beforeAll(async () => {
  backend = createBackend({ caseFile: path.join(tempDir(), 'seed-001.auditlens') });
  const job = await backend.context.jobs.startImport(backend.context.caseFile, { paths: [SEED_001], source: 'rules' }).done;
  expect(job.progress.inserted).toBe(12);
}, 60_000);
afterAll(() => backend?.close());

describe('events:values', () => {
  it('lists the entity types present, most frequent first, with counts', async () => {
    const v = await backend.call('events:values', { field: 'targetType', query: '' });
    expect(v).toEqual({
      field: 'targetType',
      truncated: false,
      values: [
        { value: 'Spec job', count: 4 }, { value: 'API key', count: 2 }, { value: 'Profile', count: 2 },
        { value: 'Rule', count: 3 }, { value: 'Engine version', count: 1 },
      ].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    });
  });

  it('lists only the actions the query selects, and says when the list was cut', async () => {
    const v = await backend.call('events:values', { field: 'action', query: 'targetType:Profile OR targetType:Rule' });
    expect(v.values.map((x) => x.value).sort()).toEqual(['ProfilePublished', 'RuleCreated', 'RuleDrafted', 'RulePublished']);
    const cut = await backend.call('events:values', { field: 'action', query: '', limit: 2 });
    expect(cut.values).toHaveLength(2);
    expect(cut.truncated).toBe(true);
  });

  it('rejects a field that is not listable and a query with a syntax error', async () => {
    expect((await backend.invoke('events:values', { field: 'raw', query: '' })).ok).toBe(false);
    const bad = await backend.invoke('events:values', { field: 'action', query: 'action:(' });
    expect(bad.ok ? null : bad.error.code).toBe('QUERY_SYNTAX');
  });
});

describe('attribute columns', () => {
  it('lists the top-level attribute names of the case, not the payload keys', async () => {
    expect(await backend.call('events:attribute-keys', {})).toEqual(['engineVersion', 'entitySlug', 'entityType', 'entityVersion']);
  });

  it('puts each row\'s top-level attributes on the table window', async () => {
    const w = await backend.call('events:window', { query: 'action:SpecJobEnqueued', order: 'asc', offset: 0, limit: 10 });
    expect(w.rows.map((r) => r.attributes?.engineVersion)).toEqual(['4.1.3', '4.2.0', '4.2.0']);
    expect(Object.keys(w.rows[0].attributes ?? {}).some((k) => k.includes('.'))).toBe(false);
  });
});
