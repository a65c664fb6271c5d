import { describe, expect, it } from 'vitest';
import { toCloudTrailRecord } from '../../electron/backend/demo/cloudtrail-shape.js';
import { generateDemo } from '../../electron/backend/demo/generate.js';
import { detectFormat } from '../../electron/backend/ingest/formats/detect.js';

describe('demo events as CloudTrail records (the bench vendor case)', () => {
  const demo = [...generateDemo({ events: 300, seed: 3, end: new Date('2026-06-01T00:00:00Z') })];
  const records = demo.map(toCloudTrailRecord);
  const ctx = { fileName: 'cloudtrail.jsonl', csvHeader: null };

  it('is detected as CloudTrail and keeps time, actor, action and failures', () => {
    const module = detectFormat(records.slice(0, 20), ctx);
    expect(module.id).toBe('cloudtrail');
    const failure = demo.findIndex((d) => d.outcome === 'failure');
    const r = module.normalize(records[failure], ctx);
    if (!r.ok) throw new Error(r.reason);
    expect(r.events[0]).toMatchObject({ time: demo[failure].timestamp.replace(/\.\d{3}Z$/, '.000Z'), action: demo[failure].action, outcome: 'failure' });
    // The cloudtrail module names IAM users by ARN, which ends with the user name.
    expect(r.events[0].actor).toBe(`arn:aws:iam::123456789012:user/${demo[failure].actor}`);
  });

  it('gives every record a UUID event id, as CloudTrail does, the same on every run', () => {
    const ids = records.map((r) => r.eventID as string);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(demo.map(toCloudTrailRecord).map((r) => r.eventID)).toEqual(ids);
  });
});
