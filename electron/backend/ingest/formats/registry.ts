import { cloudTrailFormat } from './cloudtrail.js';
import { entityCsvFormat } from './entity-csv.js';
import { csvFormat, jsonFormat } from './generic.js';
import { gitHubFormat } from './github.js';
import { oktaFormat } from './okta.js';
import type { FormatModule } from './types.js';

/**
 * Every format module, most specific first. Order matters only for ties in detection confidence: an earlier module
 * wins. The generic mappers stay last; detectFormat also falls back to them when nothing answers above zero.
 */
export const FORMATS: FormatModule[] = [
  cloudTrailFormat,
  oktaFormat,
  gitHubFormat,
  entityCsvFormat,
  jsonFormat,
  csvFormat,
];

export function formatById(id: string): FormatModule | undefined {
  return FORMATS.find((f) => f.id === id);
}
