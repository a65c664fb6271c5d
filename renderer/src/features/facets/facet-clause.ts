import type { FacetField } from '../../../../shared/contract/annotations.js';
import { quoteValue } from '../query/query-text.js';

/**
 * The clause a facet value adds to the query: `field:"value"` to include, `-field:"value"` to exclude. The
 * "(none)" bucket (events without the field) is `-has:field`, and excluding it is `has:field`.
 */
export function facetClause(field: FacetField, value: string | null, exclude: boolean): string {
  if (value === null) return exclude ? `has:${field}` : `-has:${field}`;
  return `${exclude ? '-' : ''}${field}:${quoteValue(value)}`;
}

export const FACET_LABELS: Record<FacetField, string> = {
  actor: 'Actor', action: 'Action', category: 'Category', target: 'Target', targetType: 'Target type', outcome: 'Outcome',
  severity: 'Severity', ip: 'Source IP', source: 'Source', format: 'Format',
};
