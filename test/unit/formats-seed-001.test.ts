import { describe, expect, it } from 'vitest';
import { byAction, parseSeed } from './seed-fixtures.js';

// Seed 001: the rule platform's "Export CSV" with its documented columns.
describe('seed 001 (rule platform audit-log CSV export)', () => {
  it('is detected as the entity CSV and keeps entity/engine versions as attributes', async () => {
    const { events, rejects, formats } = await parseSeed('seed-001-audit-log-export.csv');
    expect(rejects).toEqual([]);
    expect(formats).toEqual(['entity-csv']);
    expect(events).toHaveLength(12);
    const [published] = byAction(events, 'ProfilePublished').filter((e) => e.time.startsWith('2026-03-19'));
    expect(published).toMatchObject({
      actor: 'u-bob', targetType: 'Profile', target: 'payments-strict', sourceIp: '198.51.100.4',
      summary: 'u-bob published profile payments-strict v3',
    });
    expect(JSON.parse(published.attributes!)).toMatchObject({ entityVersion: '3', entitySlug: 'payments-strict' });
  });

  it('reads API-key actors and the engine version of spec jobs', async () => {
    const { events } = await parseSeed('seed-001-audit-log-export.csv');
    const jobs = byAction(events, 'SpecJobEnqueued');
    expect(jobs.map((j) => [j.actor, j.actorType, JSON.parse(j.attributes!).engineVersion])).toEqual([
      ['ci-token', 'api_key', '4.1.3'],
      ['ci-token', 'api_key', '4.2.0'],
      ['deploy-bot', 'api_key', '4.2.0'],
    ]);
  });
});
