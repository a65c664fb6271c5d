import { describe, expect, it } from 'vitest';
import {
  clearFilters, normalizeTimeInput, readFilters, withFilter, withoutFilter,
} from '../../renderer/src/features/filters/filter-query.js';

describe('filter bar <-> query text', () => {
  it('reads the top-level clauses the controls own', () => {
    expect(readFilters('time>=2026-03-01 time<2026-03-02 targetType:Profile action:ProfilePublished target:"payments strict"'))
      .toEqual({ from: '2026-03-01', to: '2026-03-02', targetType: 'Profile', action: 'ProfilePublished', actor: null, target: 'payments strict' });
    expect(readFilters('target_type:Rule')?.targetType).toBe('Rule');
    expect(readFilters('time>-7d')?.from).toBe('-7d');
    expect(readFilters('user:ops@msp.example')?.actor).toBe('ops@msp.example');
  });
  it('ignores negated, prefixed, parenthesised and OR-ed clauses: they do not narrow the whole view to one value', () => {
    expect(readFilters('-action:RuleCreated NOT target:x action:Rule* (targetType:Rule OR targetType:Profile)'))
      .toEqual({ from: null, to: null, targetType: null, action: null, actor: null, target: null });
    expect(readFilters('action:A OR action:B')?.action).toBeNull();
  });
  it('answers null for text that does not tokenize', () => {
    expect(readFilters('action:"unterminated')).toBeNull();
  });
  it('replaces a control clause in place of the old one and keeps everything else', () => {
    expect(withFilter('actor:bob action:RuleCreated outcome:failure', 'action', 'RulePublished'))
      .toBe('actor:bob outcome:failure action:RulePublished');
    expect(withFilter('', 'target', 'payments strict')).toBe('target:"payments strict"');
    expect(withFilter('time>=2026-01-01 actor:bob', 'from', '2026-02-01 10:30')).toBe('actor:bob time>=2026-02-01T10:30');
    expect(withFilter('actor:bob', 'to', '2026-03-01')).toBe('actor:bob time<2026-03-01');
  });
  it('removes a clause with its AND and clears on empty values', () => {
    expect(withFilter('action:X AND actor:y', 'action', null)).toBe('actor:y');
    expect(withFilter('actor:y AND action:X', 'action', '')).toBe('actor:y');
    expect(withoutFilter('targetType:Rule action:RulePublished', 'action')).toBe('targetType:Rule');
  });
  it('narrows a top-level OR as a whole instead of editing inside it', () => {
    expect(withFilter('actor:a OR actor:b', 'targetType', 'Rule')).toBe('(actor:a OR actor:b) targetType:Rule');
  });
  it('round-trips: what a control writes, it reads back', () => {
    const q = withFilter(withFilter('', 'targetType', 'API key'), 'from', '2026-03-01 09:00');
    expect(readFilters(q)).toMatchObject({ targetType: 'API key', from: '2026-03-01T09:00' });
  });
  it('normalizes a typed date and time into one value', () => {
    expect(normalizeTimeInput(' 2026-03-01 9:05 ')).toBe('2026-03-01T09:05');
    expect(normalizeTimeInput('-7d')).toBe('-7d');
  });
});

describe('clear filters', () => {
  it('removes every control clause and nothing else', () => {
    expect(clearFilters('outcome:failure time>=2026-01-01 time<2026-02-01 targetType:Rule action:RulePublished actor:bob target:x -action:y'))
      .toBe('outcome:failure -action:y');
  });
});
