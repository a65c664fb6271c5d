import type { ApiAuth, PresetInfo } from '../../../../shared/contract/sources.js';

/** One HTTP request of a listing. Stored as the checkpoint's `next_request`, so it never carries a secret. */
export interface ApiRequest {
  method: 'GET' | 'POST';
  url: string;
  /** JSON body of a POST (1Password's cursor requests). */
  body?: Record<string, unknown>;
}

/** What a preset sees of the source's configuration when it builds the first request of a listing. */
export interface ListingContext {
  baseUrl: string;
  params: Record<string, string>;
  /** Lower time bound (ISO) of a fresh listing: the configured start, or the latest event time of the last pull. */
  since: string | null;
  pageSize: number;
  /** Start of this pull: the upper bound of time-windowed listings (Jira, Cloudflare, Workspace). */
  now: Date;
}

/** A page as received: the parsed body, its headers and the request that fetched it. */
export interface ApiPage {
  request: ApiRequest;
  status: number;
  headers: Headers;
  body: unknown;
  records: unknown[];
}

/**
 * What follows a page. `next` null: the listing is complete (the next pull starts a fresh one from `since`).
 * `tail`: the API hands out a cursor that stays valid for polling (Okta's and Auth0's Link, 1Password's cursor):
 * the listing is caught up for now, and `next` is kept as the checkpoint to poll from.
 */
export interface NextStep {
  next: ApiRequest | null;
  tail: boolean;
}

export interface Preset extends Omit<PresetInfo, 'auth'> {
  auth: Pick<ApiAuth, 'kind' | 'header' | 'prefix'>;
  /** Key of the records array in the body; null when the body is the array itself. */
  recordsKey: string | null;
  /** Dotted paths of each record's event time, first present wins (for the polling checkpoint). */
  timeField: string | string[];
  /** An empty page keeps the request as the polling cursor (the API's own cursor never ends). */
  pollsFromCursor: boolean;
  first(ctx: ListingContext): ApiRequest;
  next(page: ApiPage, ctx: ListingContext): NextStep;
}
