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

/** Where a folded name lives in records of one shape: a top-level key, or one key of a nested object. */
interface FieldPath {
  key: string;
  top: string;
  child: string | null;
}

/**
 * Folded name -> path for every record with the same keys (and the same nested objects' keys). Logs repeat a
 * handful of shapes millions of times, so the index is built once per shape instead of once per record.
 */
function buildShape(record: Rec): Map<string, FieldPath> {
  const byName = new Map<string, FieldPath>();
  const add = (folded: string, path: FieldPath) => {
    if (!byName.has(folded)) byName.set(folded, path);
  };
  for (const k of Object.keys(record)) add(foldKey(k), { key: k, top: k, child: null });
  for (const [k, v] of Object.entries(record)) {
    if (!isRecord(v)) continue;
    for (const ck of Object.keys(v)) add(foldKey(k) + foldKey(ck), { key: `${k}.${ck}`, top: k, child: ck });
  }
  return byName;
}

/** The keys of a record and of its nested objects, as one string: records with equal signatures share a shape. */
function signatureOf(record: Rec): string {
  let sig = '';
  for (const k in record) {
    sig += k;
    const v = record[k];
    if (isRecord(v)) {
      sig += '\u0001';
      for (const ck in v) sig += ck + '\u0002';
    }
    sig += '\u0000';
  }
  return sig;
}

let shapes = new Map<string, Map<string, FieldPath>>();
const MAX_SHAPES = 2000;

function shapeOf(record: Rec): Map<string, FieldPath> {
  const sig = signatureOf(record);
  let shape = shapes.get(sig);
  if (!shape) {
    shape = buildShape(record);
    // Hostile input (a new shape per record) must not grow memory without bound.
    if (shapes.size >= MAX_SHAPES) shapes = new Map();
    shapes.set(sig, shape);
  }
  return shape;
}

export class FieldIndex {
  private readonly byName: Map<string, FieldPath>;

  constructor(private readonly record: Rec) {
    this.byName = shapeOf(record);
  }

  private valueAt(path: FieldPath): unknown {
    const top = this.record[path.top];
    return path.child === null ? top : (top as Rec)[path.child];
  }

  /** The first candidate present with a non-empty value, in candidate order. */
  find(candidates: readonly string[], usable: (v: unknown) => boolean = isPresent): FoundField | null {
    for (const c of candidates) {
      const path = this.byName.get(foldKey(c));
      if (!path) continue;
      const value = this.valueAt(path);
      if (usable(value)) return { key: path.key, value };
    }
    return null;
  }

  /** Every present candidate, in candidate order (to try several time fields before giving up). */
  findAll(candidates: readonly string[]): FoundField[] {
    const out: FoundField[] = [];
    const seen = new Set<FieldPath>();
    for (const c of candidates) {
      const path = this.byName.get(foldKey(c));
      if (!path || seen.has(path)) continue;
      const value = this.valueAt(path);
      if (isPresent(value)) {
        seen.add(path);
        out.push({ key: path.key, value });
      }
    }
    return out;
  }
}

export function isPresent(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  return true;
}
