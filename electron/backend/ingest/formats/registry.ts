import { azureActivityFormat } from './azure-activity.js';
import { atlassianFormat } from './atlassian.js';
import { withDataCenterLines } from './atlassian-dc.js';
import { auth0Format } from './auth0.js';
import { cloudflareFormat } from './cloudflare.js';
import { cloudTrailFormat } from './cloudtrail.js';
import { entityCsvFormat } from './entity-csv.js';
import { entraFormat } from './entra.js';
import { gcpFormat } from './gcp.js';
import { csvFormat, jsonFormat } from './generic.js';
import { gitHubFormat } from './github.js';
import { k8sFormat } from './k8s.js';
import { m365Format } from './m365.js';
import { oktaFormat } from './okta.js';
import { onePasswordFormat } from './onepassword.js';
import { salesforceFormat } from './salesforce.js';
import { slackFormat } from './slack.js';
import { workspaceFormat } from './workspace.js';
import { writeBackFormat } from './writeback.js';
import type { FormatModule } from './types.js';

/**
 * Every format module, most specific first. Order matters only for ties in detection confidence: an earlier module
 * wins. The generic mappers stay last; detectFormat also falls back to them when nothing answers above zero.
 */
export const FORMATS: FormatModule[] = [
  cloudTrailFormat,
  oktaFormat,
  gitHubFormat,
  k8sFormat,
  gcpFormat,
  azureActivityFormat,
  entraFormat,
  m365Format,
  slackFormat,
  auth0Format,
  onePasswordFormat,
  withDataCenterLines(atlassianFormat),
  salesforceFormat,
  workspaceFormat,
  cloudflareFormat,
  entityCsvFormat,
  writeBackFormat,
  jsonFormat,
  csvFormat,
];

export function formatById(id: string): FormatModule | undefined {
  return FORMATS.find((f) => f.id === id);
}
