import { get } from '../../ingest/formats/common.js';
import type { ApiPage, ApiRequest, NextStep } from './types.js';

/**
 * The four paging styles of REST audit-log APIs, as small pure functions the presets compose: a Link header
 * (rel="next"), a cursor or token in the body sent back as a query parameter (or a next URL in the body), an
 * offset/limit pair, and page numbers.
 */

/** `url` with `params` set (replacing existing values); undefined/null/'' removes a parameter. */
export function withParams(url: string, params: Record<string, string | number | null | undefined>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') u.searchParams.delete(k);
    else u.searchParams.set(k, String(v));
  }
  return u.toString();
}

/** `base` + `path` without doubling or losing the slash between them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The rel="next" target of an RFC 8288 Link header, resolved against the request URL. */
export function linkNext(headers: Headers, requestUrl: string): string | null {
  const link = headers.get('link');
  if (!link) return null;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!m) continue;
    const rels = /\brel\s*=\s*"?([^";]+)"?/i.exec(m[2])?.[1].toLowerCase().split(/\s+/) ?? [];
    if (rels.includes('next')) return new URL(m[1], requestUrl).toString();
  }
  return null;
}

export function linkPaging(page: ApiPage): NextStep {
  const next = linkNext(page.headers, page.request.url);
  return { next: next ? { method: 'GET', url: next } : null, tail: false };
}

/** A cursor/token at `path` in the body, sent back as query parameter `param`; empty or absent ends the listing. */
export function bodyCursorPaging(page: ApiPage, path: string | ((body: unknown) => unknown), param: string): NextStep {
  const cursor = typeof path === 'string' ? get(page.body, path) : path(page.body);
  if (typeof cursor !== 'string' || cursor === '') return { next: null, tail: false };
  // A full URL (Atlassian's links.next, Graph's @odata.nextLink) is followed as it is.
  if (/^https?:\/\//i.test(cursor)) return { next: { method: 'GET', url: cursor }, tail: false };
  return { next: { method: 'GET', url: withParams(page.request.url, { [param]: cursor }) }, tail: false };
}

/** Offset/limit: the next offset while `total` (when the API gives it) or a full page says there is more. */
export function offsetPaging(page: ApiPage, offsetParam: string, limitParam: string, totalPath: string | null): NextStep {
  const u = new URL(page.request.url);
  const offset = Number(u.searchParams.get(offsetParam) ?? 0);
  const limit = Number(u.searchParams.get(limitParam) ?? page.records.length);
  const total = totalPath ? Number(get(page.body, totalPath)) : NaN;
  const nextOffset = offset + page.records.length;
  const more = Number.isFinite(total) ? nextOffset < total : page.records.length >= limit;
  if (!more || page.records.length === 0) return { next: null, tail: false };
  return { next: { method: 'GET', url: withParams(page.request.url, { [offsetParam]: nextOffset }) }, tail: false };
}

/** Page numbers: the next page while `totalPagesPath` (when present) or a full page says there is more. */
export function pageNumberPaging(page: ApiPage, pageParam: string, perPageParam: string, totalPagesPath: string | null): NextStep {
  const u = new URL(page.request.url);
  const current = Number(u.searchParams.get(pageParam) ?? 1);
  const perPage = Number(u.searchParams.get(perPageParam) ?? page.records.length);
  const totalPages = totalPagesPath ? Number(get(page.body, totalPagesPath)) : NaN;
  const more = Number.isFinite(totalPages) && totalPages > 0 ? current < totalPages : page.records.length >= perPage;
  if (!more || page.records.length === 0) return { next: null, tail: false };
  return { next: { method: 'GET', url: withParams(page.request.url, { [pageParam]: current + 1 }) }, tail: false };
}

/** How a request is named in provenance and the import log: the URL, plus the cursor of a POST body. */
export function describeRequest(req: ApiRequest): string {
  if (req.method === 'GET' || !req.body) return req.url;
  const parts = Object.entries(req.body).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `${req.url}#${parts.join('&')}`;
}
