/**
 * The JSON tree's model: every node of a value with its path (`$.details.request.body["x-id"][0]`), and the
 * visible rows for a set of expanded paths. JSON text inside a string (a CSV export's payload column) is shown as
 * the structure it encodes, marked as such.
 */

export interface TreeNode {
  path: string;
  /** Key or `[index]` as shown; `$` for the root. */
  name: string;
  depth: number;
  value: unknown;
  kind: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';
  /** The value was a string holding JSON; children are the parsed structure. */
  embedded: boolean;
  children: TreeNode[];
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return IDENT.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** A string that is a JSON object or array (not a number or a quoted word). */
function embeddedJson(s: string): unknown {
  const t = s.trim();
  if (!(t.startsWith('{') && t.endsWith('}')) && !(t.startsWith('[') && t.endsWith(']'))) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

/** Deeper levels are shown as text: a hostile record must not build an unbounded tree. */
const MAX_DEPTH = 64;

export function buildTree(value: unknown, name = '$', path = '$', depth = 0): TreeNode {
  let v = value;
  let embedded = false;
  if (typeof v === 'string' && depth < MAX_DEPTH) {
    const parsed = embeddedJson(v);
    if (parsed !== undefined) {
      v = parsed;
      embedded = true;
    }
  }
  const node: TreeNode = { path, name, depth, value: v, kind: kindOf(v), embedded, children: [] };
  if (depth >= MAX_DEPTH) {
    node.kind = 'string';
    node.value = JSON.stringify(v);
    return node;
  }
  if (Array.isArray(v)) node.children = v.map((c, i) => buildTree(c, `[${i}]`, childPath(path, i), depth + 1));
  else if (v !== null && typeof v === 'object') {
    node.children = Object.entries(v).map(([k, c]) => buildTree(c, k, childPath(path, k), depth + 1));
  }
  return node;
}

function kindOf(v: unknown): TreeNode['kind'] {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  return 'string';
}

export const isBranch = (n: TreeNode) => n.kind === 'object' || n.kind === 'array';

/** Rows on screen: a node, then its children when expanded. */
export function visibleNodes(root: TreeNode, expanded: ReadonlySet<string>): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (n: TreeNode) => {
    out.push(n);
    if (isBranch(n) && expanded.has(n.path)) n.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** Paths of every branch (expand all), or of branches above `maxDepth` (the initial view). */
export function branchPaths(root: TreeNode, maxDepth = Infinity): Set<string> {
  const out = new Set<string>();
  const walk = (n: TreeNode) => {
    if (!isBranch(n) || n.depth >= maxDepth) return;
    out.add(n.path);
    n.children.forEach(walk);
  };
  walk(root);
  return out;
}

export function countNodes(root: TreeNode): number {
  return 1 + root.children.reduce((n, c) => n + countNodes(c), 0);
}

/** The value as copied: JSON for branches and strings keep their text as-is. */
export function copyText(n: TreeNode): string {
  if (n.kind === 'string') return String(n.value);
  return JSON.stringify(n.value, null, 2) ?? 'null';
}

/** One-line preview of a value on its row. */
export function preview(n: TreeNode): string {
  switch (n.kind) {
    case 'object':
      return `{${n.children.length} ${n.children.length === 1 ? 'key' : 'keys'}}`;
    case 'array':
      return `[${n.children.length} ${n.children.length === 1 ? 'item' : 'items'}]`;
    case 'string':
      return JSON.stringify(n.value);
    default:
      return String(n.value);
  }
}
