import { isRecord, type Rec } from './common.js';

/**
 * Finds fields by name in records of unknown shape. Names are compared after folding case and dropping `_`, `-`,
 * `.`, `@` and spaces, so `created_at`, `createdAt`, `Created At` and `created-at` all match `createdat`; one level of
 * nesting is flattened (`actor.email` matches `actorEmail` and `{"actor": {"email": ...}}`). Top-level keys win
 * over nested ones that fold to the same name.
 */

export interface FoundField {
  /** The key as written in the record (`client.ip` for nested ones). */
  key: string;
  value: unknown;
}

const foldCache = new Map<string, string>();

export function foldKey(k: string): string {
  let f = foldCache.get(k);
  if (f === undefined) {
    f = k.toLowerCase().replace(/[\s_\-.@]/g, '');
    // Key names repeat across records; the cap keeps hostile input (random keys) from growing memory.
    if (foldCache.size < 10_000) foldCache.set(k, f);
  }
  return f;
}

export class FieldIndex {
  private readonly byName = new Map<string, FoundField>();

  constructor(record: Rec) {
    for (const [k, v] of Object.entries(record)) this.add(foldKey(k), k, v);
    for (const [k, v] of Object.entries(record)) {
      if (!isRecord(v)) continue;
      for (const [ck, cv] of Object.entries(v)) this.add(foldKey(k) + foldKey(ck), `${k}.${ck}`, cv);
    }
  }

  private add(folded: string, key: string, value: unknown): void {
    if (!this.byName.has(folded)) this.byName.set(folded, { key, value });
  }

  /** The first candidate present with a non-empty value, in candidate order. */
  find(candidates: readonly string[], usable: (v: unknown) => boolean = isPresent): FoundField | null {
    for (const c of candidates) {
      const f = this.byName.get(foldKey(c));
      if (f && usable(f.value)) return f;
    }
    return null;
  }

  /** Every present candidate, in candidate order (to try several time fields before giving up). */
  findAll(candidates: readonly string[]): FoundField[] {
    const out: FoundField[] = [];
    for (const c of candidates) {
      const f = this.byName.get(foldKey(c));
      if (f && isPresent(f.value) && !out.includes(f)) out.push(f);
    }
    return out;
  }
}

export function isPresent(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  return true;
}
