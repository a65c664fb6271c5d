import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CopyButton } from './CopyButton.js';
import {
  branchPaths, buildTree, copyText, countNodes, isBranch, preview, visibleNodes, type TreeNode,
} from './json-tree-model.js';

/** Records up to this many nodes open fully expanded; bigger ones open two levels deep. */
const EXPAND_ALL_UP_TO = 400;

/**
 * A record as a collapsible tree (WAI-ARIA tree pattern: one tab stop, arrows move, Right/Left expand/collapse or
 * go to child/parent, Home/End, `*` expands all). The focused node's path and value can be copied.
 */
export function JsonTree({ value, label }: { value: unknown; label: string }) {
  const root = useMemo(() => buildTree(value), [value]);
  const initial = useMemo(() => branchPaths(root, countNodes(root) <= EXPAND_ALL_UP_TO ? Infinity : 2), [root]);
  const [expanded, setExpanded] = useState<Set<string>>(initial);
  const [focused, setFocused] = useState('$');
  const treeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    setExpanded(initial);
    setFocused('$');
  }, [initial]);

  const rows = useMemo(() => visibleNodes(root, expanded), [root, expanded]);
  const current = rows.find((n) => n.path === focused) ?? root;

  const focus = (path: string) => {
    setFocused(path);
    treeRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)?.focus();
  };
  const toggle = (n: TreeNode, open?: boolean) => {
    if (!isBranch(n)) return;
    const next = new Set(expanded);
    if (open ?? !next.has(n.path)) next.add(n.path);
    else next.delete(n.path);
    setExpanded(next);
  };
  const parentOf = (n: TreeNode) => rows.slice(0, rows.indexOf(n)).reverse().find((p) => p.depth === n.depth - 1);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = rows.indexOf(current);
    const open = isBranch(current) && expanded.has(current.path);
    const act: Record<string, () => void> = {
      ArrowDown: () => i < rows.length - 1 && focus(rows[i + 1].path),
      ArrowUp: () => i > 0 && focus(rows[i - 1].path),
      Home: () => focus(rows[0].path),
      End: () => focus(rows[rows.length - 1].path),
      ArrowRight: () => (open ? current.children[0] && focus(current.children[0].path) : toggle(current, true)),
      ArrowLeft: () => {
        if (open) toggle(current, false);
        else {
          const p = parentOf(current);
          if (p) focus(p.path);
        }
      },
      Enter: () => toggle(current),
      ' ': () => toggle(current),
      '*': () => setExpanded(branchPaths(root)),
    };
    const f = act[e.key];
    if (f) {
      e.preventDefault();
      f();
    }
  };

  return (
    <div className="json-tree-wrap" data-testid="json-tree">
      <div className="json-tree-tools" role="toolbar" aria-label="Tree actions">
        <button type="button" className="small" onClick={() => setExpanded(branchPaths(root))}>
          Expand all
        </button>
        <button type="button" className="small" onClick={() => setExpanded(new Set(['$']))}>
          Collapse all
        </button>
        <CopyButton text={current.path} label="Copy path" testId="tree-copy-path" />
        <CopyButton text={copyText(current)} label="Copy value" testId="tree-copy-value" />
        <code className="json-path muted" data-testid="tree-path" title={current.path}>
          {current.path}
        </code>
      </div>
      <div ref={treeRef} role="tree" aria-label={label} className="json-tree mono" onKeyDown={onKeyDown}>
        {rows.map((n) => {
          const branch = isBranch(n);
          const isOpen = branch && expanded.has(n.path);
          return (
            <div
              key={n.path}
              role="treeitem"
              aria-level={n.depth + 1}
              aria-expanded={branch ? isOpen : undefined}
              aria-selected={n.path === current.path}
              aria-label={`${n.name}: ${branch ? preview(n) : copyText(n)}`}
              tabIndex={n.path === current.path ? 0 : -1}
              data-path={n.path}
              className={`jt-row${n.path === current.path ? ' is-focused' : ''}`}
              style={{ paddingLeft: `${n.depth * 1.5 + 0.25}em` }}
              onClick={() => {
                setFocused(n.path);
                toggle(n);
              }}
            >
              <span className="jt-twisty" aria-hidden="true">
                {branch ? (isOpen ? '▾' : '▸') : ''}
              </span>
              <span className="jt-key">{n.name}</span>
              <span className="jt-sep">: </span>
              {n.embedded && <span className="jt-tag muted">JSON text </span>}
              {branch && isOpen ? (
                <span className="muted">{n.kind === 'array' ? `[${n.children.length}]` : `{${n.children.length}}`}</span>
              ) : (
                <span className={`jt-val jt-${n.kind}`}>{preview(n)}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
