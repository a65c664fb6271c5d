import { describe, expect, it } from 'vitest';
import {
  branchPaths, buildTree, copyText, countNodes, preview, visibleNodes,
} from '../../renderer/src/features/details/json-tree-model.js';

const RECORD = {
  action: 'ticket_created',
  details: { request: { method: 'POST', body: { 'x-id': [1, 2] } }, response: { status: 201 } },
  payload: '{"severityOverrides":{"no-eval":"error"}}',
};

describe('JSON tree model', () => {
  it('gives every node a path that reaches it (quoted where a key is not an identifier)', () => {
    const paths = visibleNodes(buildTree(RECORD), branchPaths(buildTree(RECORD))).map((n) => n.path);
    expect(paths).toContain('$.details.request.body["x-id"][1]');
    expect(paths).toContain('$.details.response.status');
    expect(paths).toContain('$.payload.severityOverrides["no-eval"]');
  });

  it('shows JSON text inside a string as the structure it encodes, marked as such', () => {
    const payload = buildTree(RECORD).children.find((c) => c.name === 'payload')!;
    expect(payload).toMatchObject({ kind: 'object', embedded: true });
    expect(preview(payload)).toBe('{1 key}');
    // A string that merely starts with a brace stays a string.
    expect(buildTree({ s: '{not json' }).children[0]).toMatchObject({ kind: 'string', embedded: false });
  });

  it('lists only the rows of expanded branches', () => {
    const root = buildTree(RECORD);
    expect(visibleNodes(root, new Set()).map((n) => n.path)).toEqual(['$']);
    expect(visibleNodes(root, new Set(['$'])).map((n) => n.name)).toEqual(['$', 'action', 'details', 'payload']);
    expect(branchPaths(root, 1)).toEqual(new Set(['$']));
    expect(countNodes(root)).toBe(14);
  });

  it('copies strings as text and branches as JSON', () => {
    const root = buildTree(RECORD);
    expect(copyText(root.children[0])).toBe('ticket_created');
    expect(JSON.parse(copyText(root.children[1]))).toEqual(RECORD.details);
  });

  it('caps the depth a hostile record can build', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200; i++) deep = { d: deep };
    let n = buildTree(deep);
    let depth = 0;
    while (n.children.length > 0) {
      n = n.children[0];
      depth++;
    }
    expect(depth).toBe(64);
    expect(n.kind).toBe('string');
  });
});
