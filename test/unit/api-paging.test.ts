import { describe, expect, it } from 'vitest';
import { rateLimitWaitMs, retryAfterMs } from '../../electron/backend/sources/api/http.js';
import { latestTime, normalizeSince } from '../../electron/backend/sources/api/page-records.js';
import {
  bodyCursorPaging, describeRequest, linkNext, offsetPaging, pageNumberPaging, withParams,
} from '../../electron/backend/sources/api/paging.js';
import { presetFor } from '../../electron/backend/sources/api/presets/index.js';
import type { ApiPage } from '../../electron/backend/sources/api/types.js';

function page(url: string, body: unknown, records: unknown[], headers: Record<string, string> = {}): ApiPage {
  return { request: { method: 'GET', url }, status: 200, headers: new Headers(headers), body, records };
}

describe('Link header', () => {
  it('finds rel="next" among several relations, unquoted or with several rel values, relative to the request', () => {
    const h = new Headers({ link: '<https://x/a?page=1>; rel="prev", <https://x/a?after=Z9>; rel="next last"' });
    expect(linkNext(h, 'https://x/a')).toBe('https://x/a?after=Z9');
    expect(linkNext(new Headers({ link: '</api/v1/logs?after=1>; rel=next' }), 'https://okta.example/api/v1/logs')).toBe(
      'https://okta.example/api/v1/logs?after=1',
    );
    expect(linkNext(new Headers({ link: '<https://x/a?page=1>; rel="prev"' }), 'https://x/a')).toBeNull();
    expect(linkNext(new Headers(), 'https://x/a')).toBeNull();
  });
});

describe('body cursors, offsets and pages', () => {
  it('sends a body cursor back as a parameter, follows a URL as it is, and ends on an empty cursor', () => {
    const url = 'https://api.slack.com/audit/v1/logs?limit=2';
    const next = bodyCursorPaging(page(url, { response_metadata: { next_cursor: 'abc=' } }, [1, 2]), 'response_metadata.next_cursor', 'cursor');
    expect(next.next?.url).toBe('https://api.slack.com/audit/v1/logs?limit=2&cursor=abc%3D');
    expect(bodyCursorPaging(page(url, { links: { next: 'https://h/e?cursor=q' } }, [1]), 'links.next', 'cursor').next?.url).toBe('https://h/e?cursor=q');
    expect(bodyCursorPaging(page(url, { response_metadata: { next_cursor: '' } }, [1]), 'response_metadata.next_cursor', 'cursor').next).toBeNull();
  });

  it('offset paging stops at total, or at a short page when there is no total', () => {
    const u = 'https://j/r?offset=20&limit=10';
    expect(offsetPaging(page(u, { total: 35 }, new Array(10).fill({})), 'offset', 'limit', 'total').next?.url).toBe('https://j/r?offset=30&limit=10');
    expect(offsetPaging(page(u, { total: 30 }, new Array(10).fill({})), 'offset', 'limit', 'total').next).toBeNull();
    expect(offsetPaging(page(u, {}, new Array(9).fill({})), 'offset', 'limit', null).next).toBeNull();
  });

  it('page paging follows total_pages when given, else a full page', () => {
    const u = 'https://cf/a?page=2&per_page=5';
    expect(pageNumberPaging(page(u, { result_info: { total_pages: 3 } }, [1]), 'page', 'per_page', 'result_info.total_pages').next?.url).toBe('https://cf/a?page=3&per_page=5');
    expect(pageNumberPaging(page(u, {}, [1, 2, 3, 4]), 'page', 'per_page', null).next).toBeNull();
  });
});

describe('helpers', () => {
  it('Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Sun, 22 Nov 2026 10:00:30 GMT', Date.UTC(2026, 10, 22, 10, 0, 0))).toBe(30_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });

  it('tells a rate limit (429, or 403 with the rate-limit headers) from a refusal of the credentials', () => {
    const now = Date.UTC(2026, 10, 22, 10, 0, 0);
    const reset = String(now / 1000 + 30);
    expect(rateLimitWaitMs(429, new Headers({ 'retry-after': '12' }), now)).toBe(12_000);
    expect(rateLimitWaitMs(429, new Headers({ 'x-rate-limit-reset': reset }), now)).toBe(31_000);
    expect(rateLimitWaitMs(403, new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), now)).toBe(31_000);
    expect(rateLimitWaitMs(403, new Headers({ 'retry-after': '60' }), now)).toBe(60_000);
    expect(rateLimitWaitMs(403, new Headers({ 'x-ratelimit-remaining': '4999' }), now)).toBeNull();
    expect(rateLimitWaitMs(429, new Headers(), now)).toBeNull();
  });

  it('names a POST page by its URL and cursor; withParams removes empty values', () => {
    expect(describeRequest({ method: 'POST', url: 'https://e/api/v2/auditevents', body: { cursor: 'c1' } })).toBe('https://e/api/v2/auditevents#cursor=c1');
    expect(withParams('https://a/b?x=1&y=2', { x: null, z: 3 })).toBe('https://a/b?y=2&z=3');
  });

  it('latest event time across records and time fields (epoch seconds, ms, ISO)', () => {
    expect(latestTime([{ date_create: 1772323200 }, { date_create: 1772323260 }], 'date_create')).toBe('2026-03-01T00:01:00.000Z');
    expect(latestTime([{ activityDateTime: '2026-03-01T00:00:00Z' }, { createdDateTime: '2026-03-02T00:00:00Z' }], ['createdDateTime', 'activityDateTime'])).toBe('2026-03-02T00:00:00.000Z');
    expect(latestTime([], 'x')).toBeNull();
    expect(normalizeSince('2026-01-01')).toBe('2026-01-01T00:00:00.000Z');
    expect(() => normalizeSince('yesterday')).toThrow(/not an ISO date/);
  });

  it('presets check their required parameters and build the first request', () => {
    const ctx = { baseUrl: 'https://api.github.com/', params: {}, since: null, pageSize: 500, now: new Date(0) };
    expect(() => presetFor('github').first(ctx)).toThrow(/needs the parameter 'org'/);
    expect(presetFor('github').first({ ...ctx, params: { org: 'acme' } }).url).toBe(
      'https://api.github.com/orgs/acme/audit-log?include=all&order=asc&per_page=100',
    );
    expect(() => presetFor('nope')).toThrow(/unknown preset 'nope'/);
  });
});
