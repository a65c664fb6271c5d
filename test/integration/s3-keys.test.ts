import { describe, expect, it } from 'vitest';
import {
  dayPrefixes, describePrefix, globMatcher, isDigestKey, keyInRange, keyTimeSpan, parseS3Url, parseTimeRange,
} from '../../electron/backend/sources/s3-keys.js';
import { AppError } from '../../shared/errors.js';

/** Pure key/layout logic of the S3 source (no server needed; kept beside the S3 integration tests it serves). */

const CT = 'AWSLogs/123456789012/CloudTrail/us-east-1/';

describe('s3 keys', () => {
  it('parses s3:// URLs and rejects anything else with INVALID_INPUT', () => {
    expect(parseS3Url('s3://trail')).toEqual({ bucket: 'trail', prefix: '' });
    expect(parseS3Url('s3://trail/AWSLogs/')).toEqual({ bucket: 'trail', prefix: 'AWSLogs/' });
    expect(parseS3Url('s3://my.bucket-1/a b/Ü')).toEqual({ bucket: 'my.bucket-1', prefix: 'a b/Ü' });
    for (const bad of ['https://x/y', 's3://', 's3:///key', 'trail/AWSLogs']) {
      expect(() => parseS3Url(bad)).toThrow(AppError);
    }
  });

  it('reads a date-only until as the end of that day and refuses an empty range', () => {
    expect(parseTimeRange('2026-01-03', '2026-01-04')).toEqual({ since: Date.UTC(2026, 0, 3), until: Date.UTC(2026, 0, 5) });
    expect(parseTimeRange(null, '2026-01-04T10:00:00Z')).toEqual({ since: null, until: Date.UTC(2026, 0, 4, 10) });
    expect(() => parseTimeRange('2026-01-05', '2026-01-04T00:00:00Z')).toThrow(/must be before/);
    expect(() => parseTimeRange('yesterday')).toThrow(/not an ISO date/);
  });

  it('places a prefix in the CloudTrail tree, an org trail, or a GitHub stream', () => {
    expect(describePrefix('')).toEqual({ kind: 'folder', folder: '' });
    expect(describePrefix('AWSLogs/')).toEqual({ kind: 'awslogs', folder: 'AWSLogs/' });
    expect(describePrefix('logs/AWSLogs/o-abcdefghij/')).toEqual({ kind: 'org', folder: 'logs/AWSLogs/o-abcdefghij/' });
    expect(describePrefix('AWSLogs/o-abcdefghij/123456789012/')).toEqual({ kind: 'account', folder: 'AWSLogs/o-abcdefghij/123456789012/' });
    expect(describePrefix('AWSLogs/123456789012/CloudTrail/')).toEqual({ kind: 'service', folder: 'AWSLogs/123456789012/CloudTrail/' });
    expect(describePrefix(CT)).toEqual({ kind: 'dated', base: CT });
    expect(describePrefix(`${CT}2026/01/`)).toEqual({ kind: 'dated', base: CT });
    expect(describePrefix('AWSLogs/1234')).toEqual({ kind: 'partial' });
    expect(describePrefix('AWSLogs/123456789012/elasticloadbalancing/')).toEqual({ kind: 'partial' });
    expect(describePrefix('github/2026/01/05/')).toEqual({ kind: 'dated', base: 'github/' });
    expect(describePrefix('2026/')).toEqual({ kind: 'dated', base: '' });
    expect(describePrefix('exports/')).toEqual({ kind: 'folder', folder: 'exports/' });
  });

  it('lists the day folders of a range plus the delivery slack, narrowed by a deeper prefix', () => {
    const range = parseTimeRange('2026-01-30T12:00:00Z', '2026-02-01T10:00:00Z');
    expect(dayPrefixes(CT, CT, range)).toEqual([`${CT}2026/01/30/`, `${CT}2026/01/31/`, `${CT}2026/02/01/`]);
    expect(dayPrefixes(CT, `${CT}2026/02/`, range)).toEqual([`${CT}2026/02/01/`]);
    expect(dayPrefixes(CT, `${CT}2026/01/31/12`, range)).toEqual([`${CT}2026/01/31/12`]);
    // until at 23:30 plus one hour of slack reaches the next day.
    expect(dayPrefixes('', '', parseTimeRange('2026-03-01T00:00:00Z', '2026-03-01T23:30:00Z'))).toEqual(['2026/03/01/', '2026/03/02/']);
    expect(dayPrefixes(CT, CT, parseTimeRange('2026-01-01'))).toBeNull();
    expect(dayPrefixes(CT, CT, parseTimeRange('2020-01-01', '2026-01-01'))).toBeNull();
  });

  it('dates keys by CloudTrail file name or by dated folders, and filters them by range with slack', () => {
    const ctKey = `${CT}2026/01/05/123456789012_CloudTrail_us-east-1_20260105T2355Z_abc.json.gz`;
    expect(keyTimeSpan(ctKey)).toEqual({ start: Date.UTC(2026, 0, 5, 23, 55), end: Date.UTC(2026, 0, 5, 23, 56) });
    const ghKey = 'stream/2026/01/05/14/07/6f1c.json.log.gz';
    expect(keyTimeSpan(ghKey)).toEqual({ start: Date.UTC(2026, 0, 5, 14, 7), end: Date.UTC(2026, 0, 5, 14, 8) });
    expect(keyTimeSpan('x/2026/01/05/a.json')).toEqual({ start: Date.UTC(2026, 0, 5), end: Date.UTC(2026, 0, 6) });
    expect(keyTimeSpan('exports/audit.csv')).toBeNull();
    const range = parseTimeRange('2026-01-05T14:00:00Z', '2026-01-05T22:00:00Z');
    expect(keyInRange(ghKey, range)).toBe(true);
    expect(keyInRange('stream/2026/01/05/13/59/x.json.log.gz', range)).toBe(false);
    expect(keyInRange('stream/2026/01/05/22/45/x.json.log.gz', range)).toBe(true); // delivered within the slack
    expect(keyInRange('stream/2026/01/05/23/00/x.json.log.gz', range)).toBe(false);
    expect(keyInRange('exports/audit.csv', range)).toBe(true);
  });

  it('recognises digest keys and matches glob patterns on the file name or the whole key', () => {
    expect(isDigestKey('AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2026/01/01/x.json.gz')).toBe(true);
    expect(isDigestKey(`${CT}2026/01/01/x.json.gz`)).toBe(false);
    expect(globMatcher('*.json.gz')(`${CT}2026/01/01/x.json.gz`)).toBe(true);
    expect(globMatcher('*.json.gz')('a/b.json.log.gz')).toBe(false);
    expect(globMatcher('*.{json,json.log}.gz')('a/b.json.log.gz')).toBe(true);
    expect(globMatcher('**/eu-west-1/**')(`AWSLogs/1/CloudTrail/eu-west-1/2026/x.gz`)).toBe(true);
    expect(globMatcher('AWSLogs/*/CloudTrail/us-east-?/**')(`${CT}x.gz`)).toBe(true);
    expect(globMatcher('AWSLogs/*/CloudTrail/**')('AWSLogs/o-1/2/CloudTrail/x')).toBe(false);
    expect(() => globMatcher('{a,b')).toThrow(/unbalanced/);
  });
});
