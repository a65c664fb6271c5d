import { describe, expect, it } from 'vitest';
import { parseSeed } from './seed-fixtures.js';

// Seed 003: the cloud platform's organization access log (JSON Lines) with location, status and severity.
describe('seed 003 (organization access log)', () => {
  it('reads the location (city, region) and the IP nested in it', async () => {
    const { events, rejects } = await parseSeed('seed-003-access-logs.jsonl');
    expect(rejects).toEqual([]);
    expect(events[0]).toMatchObject({ location: 'Portland, Oregon', sourceIp: '198.51.100.7', outcome: 'success', severity: 'info' });
  });

  it('keeps the person\'s full name beside the e-mail chosen as the actor', async () => {
    const { events } = await parseSeed('seed-003-access-logs.jsonl');
    expect(events[0]).toMatchObject({ actor: 'dana@northwind.example', actorType: 'user' });
    expect(JSON.parse(events[0].attributes!)).toEqual({ actorName: 'Dana Whitfield' });
    // A token's name is the actor itself: nothing to add.
    expect(events.find((e) => e.actor === 'gh-actions-deploy')!.attributes).toBeNull();
  });

  it('labels API tokens and gives their CI platform as the location', async () => {
    const { events } = await parseSeed('seed-003-access-logs.jsonl');
    const deploy = events.find((e) => e.action === 'application.deploy')!;
    expect(deploy).toMatchObject({ actor: 'gh-actions-deploy', actorType: 'api_key', location: 'GitHub Actions', sourceIp: '140.82.112.5' });
  });

  it('keeps failed authentication critical as the log rates it, with no location when it has none', async () => {
    const { events } = await parseSeed('seed-003-access-logs.jsonl');
    const failed = events.filter((e) => e.action === 'auth.login' && e.outcome === 'failure');
    expect(failed.map((e) => [e.severity, e.location, e.sourceIp])).toEqual([
      ['critical', null, null],
      ['critical', null, '185.220.101.4'],
    ]);
  });
});
