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

/** A shape's index, and per candidate list the paths that exist in it, in candidate order (found once per shape). */
interface Shape {
  byName: Map<string, FieldPath>;
  resolved: WeakMap<readonly string[], FieldPath[]>;
}

let shapes = new Map<string, Shape>();
const MAX_SHAPES = 2000;
// Records of one file mostly repeat the previous record's shape: comparing its keys in order (property names from
// JSON.parse are interned, so each comparison is a pointer check) skips building and hashing the signature.
let lastKeys: string[] = [];
let lastShape: Shape | null = null;

function sameKeysAsLast(record: Rec): boolean {
  let i = 0;
  for (const k in record) {
    if (lastKeys[i++] !== k) return false;
    const v = record[k];
    if (isRecord(v)) {
      if (lastKeys[i++] !== '\u0001') return false;
      for (const ck in v) if (lastKeys[i++] !== ck) return false;
      if (lastKeys[i++] !== '\u0002') return false;
    }
  }
  return i === lastKeys.length;
}

function keysOf(record: Rec): string[] {
  const keys: string[] = [];
  for (const k in record) {
    keys.push(k);
    const v = record[k];
    if (isRecord(v)) keys.push('\u0001', ...Object.keys(v), '\u0002');
  }
  return keys;
}

function shapeOf(record: Rec): Shape {
  if (lastShape && sameKeysAsLast(record)) return lastShape;
  const sig = signatureOf(record);
  let shape = shapes.get(sig);
  if (!shape) {
    shape = { byName: buildShape(record), resolved: new WeakMap() };
    // Hostile input (a new shape per record) must not grow memory without bound.
    if (shapes.size >= MAX_SHAPES) shapes = new Map();
    shapes.set(sig, shape);
  }
  lastKeys = keysOf(record);
  lastShape = shape;
  return shape;
}

export class FieldIndex {
  private readonly shape: Shape;

  constructor(private readonly record: Rec) {
    this.shape = shapeOf(record);
  }

  private valueAt(path: FieldPath): unknown {
    const top = this.record[path.top];
    return path.child === null ? top : (top as Rec)[path.child];
  }

  /** The paths of the candidates this shape has, in candidate order; remembered per shape and candidate list. */
  private pathsOf(candidates: readonly string[]): FieldPath[] {
    let paths = this.shape.resolved.get(candidates);
    if (!paths) {
      paths = [];
      for (const c of candidates) {
        const path = this.shape.byName.get(foldKey(c));
        if (path) paths.push(path);
      }
      this.shape.resolved.set(candidates, paths);
    }
    return paths;
  }

  /** The first candidate present with a non-empty value, in candidate order. */
  find(candidates: readonly string[], usable: (v: unknown) => boolean = isPresent): FoundField | null {
    for (const path of this.pathsOf(candidates)) {
      const value = this.valueAt(path);
      if (usable(value)) return { key: path.key, value };
    }
    return null;
  }

  /** Every present candidate, in candidate order (to try several time fields before giving up). */
  findAll(candidates: readonly string[]): FoundField[] {
    const out: FoundField[] = [];
    const seen = new Set<FieldPath>();
    for (const path of this.pathsOf(candidates)) {
      if (seen.has(path)) continue;
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
