import { isRecord, reject, type Rec } from './common.js';
import type { NormalizedFields, NormalizeResult } from './types.js';

/**
 * Batches that arrive as one JSON value (`{"Records": [...]}` CloudTrail files, `{"records": [...]}` Azure
 * diagnostic blobs, k8s `EventList`s) when a reader hands them over unsplit. Each element becomes its own event; an
 * element that cannot be normalized is named in a note on the others (the raw batch still holds its content) and
 * only a batch without any usable element is rejected. Readers should still split batches, so that each element
 * gets its own raw text and provenance: `batchItems` tells them where the elements are.
 */

const BATCH_KEYS = ['Records', 'records', 'items', 'value'] as const;

/** The element array of a known batch shape, with the key it sits under; null for anything else. */
export function batchItems(v: unknown): { key: string; items: unknown[] } | null {
  if (!isRecord(v)) return null;
  for (const key of BATCH_KEYS) {
    const items = v[key];
    // A batch is an object whose only job is to carry the array: a record with an `items` field is not one.
    if (Array.isArray(items) && items.every(isRecord) && Object.keys(v).length <= 4) return { key, items };
  }
  return null;
}

export function normalizeBatch(
  items: readonly unknown[],
  key: string,
  normalizeOne: (item: Rec) => NormalizeResult,
): NormalizeResult {
  const events: NormalizedFields[] = [];
  const failures: string[] = [];
  items.forEach((item, i) => {
    const res = isRecord(item) ? normalizeOne(item) : reject('element is not an object');
    if (res.ok) events.push(...res.events);
    else failures.push(`${key}[${i}]: ${res.reason}`);
  });
  if (events.length === 0) {
    return reject(items.length === 0 ? `${key} is empty` : `no usable element in ${key} (${failures[0]})`);
  }
  if (failures.length > 0) {
    const note = `${failures.length} of ${items.length} ${key} elements rejected: ${failures.slice(0, 3).join('; ')}`;
    for (const e of events) e.notes = [...(e.notes ?? []), note];
  }
  return { ok: true, events };
}
