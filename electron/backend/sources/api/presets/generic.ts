import { AppError } from '../../../../../shared/errors.js';
import { bodyCursorPaging, joinUrl, linkPaging, offsetPaging, pageNumberPaging, withParams } from '../paging.js';
import type { ApiPage, ListingContext, NextStep, Preset } from '../types.js';
import { extraParams } from './params.js';

/**
 * Any other JSON REST API, described by parameters: `path`, `paging` (link | cursor | offset | page), `records`
 * (key of the records array, empty when the body is the array), `cursorPath`/`cursorParam` (cursor paging),
 * `offsetParam`/`limitParam`/`totalPath` (offset paging), `pageParam`/`perPageParam` (page paging), `timeField`
 * and `sinceParam` (the parameter that takes the ISO start time). Other parameters are sent as query parameters.
 */

const OWN = ['path', 'paging', 'records', 'cursorPath', 'cursorParam', 'offsetParam', 'limitParam', 'totalPath',
  'pageParam', 'perPageParam', 'timeField', 'sinceParam'];

function pagingOf(ctx: ListingContext): string {
  const paging = ctx.params.paging ?? 'link';
  if (!['link', 'cursor', 'offset', 'page'].includes(paging)) {
    throw new AppError('INVALID_INPUT', `preset rest: paging must be link, cursor, offset or page (got '${paging}')`);
  }
  return paging;
}

function nextOf(page: ApiPage, ctx: ListingContext): NextStep {
  const p = ctx.params;
  switch (pagingOf(ctx)) {
    case 'cursor':
      return bodyCursorPaging(page, p.cursorPath ?? 'next_cursor', p.cursorParam ?? 'cursor');
    case 'offset':
      return offsetPaging(page, p.offsetParam ?? 'offset', p.limitParam ?? 'limit', p.totalPath ?? null);
    case 'page':
      return pageNumberPaging(page, p.pageParam ?? 'page', p.perPageParam ?? 'per_page', null);
    default:
      return linkPaging(page);
  }
}

export const genericPreset: Preset = {
  id: 'rest',
  label: 'Generic JSON REST API',
  format: 'detected',
  defaultBaseUrl: 'https://api.example.com',
  auth: { kind: 'bearer' },
  paging: 'link, cursor (cursorPath/cursorParam), offset (offsetParam/limitParam/totalPath) or page',
  checkpoint: 'next request; when complete, sinceParam = latest timeField',
  params: OWN.map((name) => ({ name, required: false, help: `generic ${name}` })),
  recordsKey: null,
  timeField: 'time',
  pollsFromCursor: false,
  first(ctx) {
    const p = ctx.params;
    const paging = pagingOf(ctx);
    const paramsOfPaging: Record<string, string | number | null> =
      paging === 'offset' ? { [p.offsetParam ?? 'offset']: 0, [p.limitParam ?? 'limit']: ctx.pageSize }
        : paging === 'page' ? { [p.pageParam ?? 'page']: 1, [p.perPageParam ?? 'per_page']: ctx.pageSize } : {};
    return {
      method: 'GET',
      url: withParams(joinUrl(ctx.baseUrl, p.path ?? ''), {
        ...extraParams(ctx, OWN), ...paramsOfPaging, ...(p.sinceParam ? { [p.sinceParam]: ctx.since } : {}),
      }),
    };
  },
  next: nextOf,
};

/** The generic preset reads its records key and time field from the source's parameters. */
export function genericShape(params: Record<string, string>): { recordsKey: string | null; timeField: string } {
  return { recordsKey: params.records || null, timeField: params.timeField ?? 'time' };
}
