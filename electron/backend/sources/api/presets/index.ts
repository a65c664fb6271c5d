import { AppError } from '../../../../../shared/errors.js';
import type { PresetInfo } from '../../../../../shared/contract/sources.js';
import type { Preset } from '../types.js';
import { atlassianPreset } from './atlassian.js';
import { auth0Preset } from './auth0.js';
import { cloudflarePreset } from './cloudflare.js';
import { genericPreset, genericShape } from './generic.js';
import { gitHubPreset } from './github.js';
import { graphPreset } from './graph.js';
import { jiraPreset } from './jira.js';
import { oktaPreset } from './okta.js';
import { onePasswordPreset } from './onepassword.js';
import { slackPreset } from './slack.js';
import { workspacePreset } from './workspace.js';

export const PRESETS: readonly Preset[] = [
  gitHubPreset, oktaPreset, slackPreset, auth0Preset, onePasswordPreset, cloudflarePreset, atlassianPreset,
  workspacePreset, graphPreset, jiraPreset, genericPreset,
];

/** The preset of a source, with the generic preset's shape filled in from the source's parameters. */
export function presetFor(id: string, params: Record<string, string> = {}): Preset {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new AppError('INVALID_INPUT', `unknown preset '${id}' (known: ${PRESETS.map((p) => p.id).join(', ')})`);
  return preset === genericPreset ? { ...preset, ...genericShape(params) } : preset;
}

export function presetInfos(): PresetInfo[] {
  return PRESETS.map(({ id, label, format, defaultBaseUrl, auth, paging, checkpoint, params }) => ({
    id, label, format, defaultBaseUrl, auth, paging, checkpoint, params,
  }));
}
