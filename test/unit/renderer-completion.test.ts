import { describe, expect, it } from 'vitest';
import { facetClause } from '../../renderer/src/features/facets/facet-clause.js';
import { applySuggestion, completionContext, fieldSuggestions, staticValues } from '../../renderer/src/features/query/completion.js';
import { parseQuery } from '../../shared/query/parse.js';

describe('query completion context', () => {
  it('finds a field name being typed, after a - or a parenthesis', () => {
    expect(completionContext('outc', 4)).toEqual({ kind: 'field', partial: 'outc', from: 0, to: 4 });
    expect(completionContext('actor:a -sev', 12)).toEqual({ kind: 'field', partial: 'sev', from: 9, to: 12 });
    expect(completionContext('(acti', 5)).toEqual({ kind: 'field', partial: 'acti', from: 1, to: 5 });
  });

  it('finds the value of field: being typed, and nothing in phrases, regexes, keywords or after a space', () => {
    expect(completionContext('x actor:al y', 10)).toEqual({ kind: 'value', field: 'actor', partial: 'al', from: 8, to: 10 });
    expect(completionContext('"phrase wor', 11)).toBeNull();
    expect(completionContext('action:/^Get', 12)).toBeNull();
    expect(completionContext('actor:a OR', 10)).toBeNull();
    expect(completionContext('actor:a ', 8)).toBeNull();
  });
});

describe('suggestions', () => {
  it('suggests fields and annotation terms by prefix', () => {
    expect(fieldSuggestions('ta').map((s) => s.insert)).toEqual(['target:', 'targetType:', 'tag:']);
    expect(fieldSuggestions('i').map((s) => s.insert)).toEqual(['ip:', 'id:', 'is:starred']);
    expect(fieldSuggestions('tim').map((s) => s.insert)).toEqual(['time>=']);
  });

  it('knows closed lists, has: and is: without the backend; other fields ask it (null)', () => {
    expect(staticValues('outcome', 'f')?.map((s) => s.insert)).toEqual(['failure']);
    expect(staticValues('severity', '')?.map((s) => s.insert)).toEqual(['info', 'warning', 'critical']);
    expect(staticValues('is', 's')?.map((s) => s.insert)).toEqual(['starred']);
    expect(staticValues('has', 'com')?.map((s) => s.insert)).toEqual(['comment']);
    expect(staticValues('actor', 'al')).toBeNull();
  });

  it('replaces the typed term; a finished value gets a space, a field name keeps the caret after the colon', () => {
    const field = completionContext('x outc', 6)!;
    expect(applySuggestion('x outc', field, { insert: 'outcome:', label: 'outcome' })).toEqual({ text: 'x outcome:', caret: 10 });
    const value = completionContext('actor:al time>-1h', 8)!;
    expect(applySuggestion('actor:al time>-1h', value, { insert: 'alice@example.com', label: '' })).toEqual({
      text: 'actor:alice@example.com time>-1h',
      caret: 23,
    });
  });
});

describe('facet clauses', () => {
  it('includes, excludes and handles the (none) bucket, always as a valid query', () => {
    expect(facetClause('actor', 'alice@example.com', false)).toBe('actor:alice@example.com');
    expect(facetClause('target', 'prod bucket "eu"', true)).toBe('-target:"prod bucket \\"eu\\""');
    expect(facetClause('ip', null, false)).toBe('-has:ip');
    expect(facetClause('ip', null, true)).toBe('has:ip');
    expect(facetClause('targetType', 'API key', false)).toBe('targetType:"API key"');
    expect(facetClause('targetType', null, false)).toBe('-has:targetType');
    for (const c of [facetClause('target', 'a b(c)', true), facetClause('actor', '-x', false), facetClause('targetType', 'API key', true), facetClause('targetType', null, true)]) {
      expect(() => parseQuery(c)).not.toThrow();
    }
  });
});
