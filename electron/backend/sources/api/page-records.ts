import { AppError } from '../../../../shared/errors.js';
import { findKeyedArray } from '../../ingest/readers/json-envelope.js';
import { get } from '../../ingest/formats/common.js';
import { parseEventTime } from '../../ingest/formats/time.js';
import { describeRequest } from './paging.js';
import type { ApiRequest } from './types.js';

/**
 * The records of a page, and their exact bytes: the array is cut out of the response body as received, so every
 * event's `raw` is the vendor's own text and the page's SHA-256 can be recomputed from a saved response.
 */

export function recordsOf(req: ApiRequest, body: unknown, key: string | null): unknown[] {
  const records = key === null ? body : (body as Record<string, unknown> | null)?.[key];
  if (Array.isArray(records)) return records;
  // Slack and others answer 200 with {ok:false, error} for some failures: say what the API said.
  const said = get(body, 'error') ?? get(body, 'message') ?? get(body, 'errors.0.message');
  const what = key === null ? 'a JSON array of records' : `a records array under "${key}"`;
  throw new AppError(
    'SOURCE_FORMAT',
    `${describeRequest(req)}: expected ${what}${typeof said === 'string' ? `; the API said: ${said.slice(0, 200)}` : ''}`,
  );
}

/** Bytes of the records array inside the body (the whole body when it is the array). */
export function recordBytes(bytes: Buffer, key: string | null, records: unknown[]): Buffer {
  if (key === null) return bytes;
  const range = findKeyedArray(bytes, key);
  return range ? bytes.subarray(range.start, range.end) : Buffer.from(JSON.stringify(records));
}

/** Latest event time (ISO) among the records, by the preset's time field(s). */
export function latestTime(records: unknown[], fields: string | string[]): string | null {
  let best: number | null = null;
  const paths = Array.isArray(fields) ? fields : [fields];
  for (const r of records) {
    for (const p of paths) {
      const t = parseEventTime(get(r, p));
      if (!t) continue;
      if (best === null || t.ts > best) best = t.ts;
      break;
    }
  }
  return best === null ? null : new Date(best).toISOString();
}

export function laterOf(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** A configured start (`2026-01-01` or a full ISO time) as an ISO time; a clear error for anything else. */
export function normalizeSince(since: string | undefined): string | null {
  if (!since) return null;
  const t = parseEventTime(since);
  if (!t) throw new AppError('INVALID_INPUT', `since: '${since}' is not an ISO date or time`);
  return t.iso;
}
