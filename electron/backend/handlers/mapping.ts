import { previewMapping } from '../ingest/mapping-preview.js';
import { deleteMappingProfile, listMappingProfiles, saveMappingProfile } from '../store/queries/mapping-profiles.js';
import type { HandlerMap } from './types.js';

export const mappingHandlers: HandlerMap<'mapping:preview' | 'mapping:list' | 'mapping:save' | 'mapping:delete'> = {
  'mapping:preview': ({ path, name, mapping, limit }) => previewMapping({ file: path, display: name, mapping, limit }),
  'mapping:list': (_input, ctx) => listMappingProfiles(ctx.db),
  'mapping:save': ({ profile }, ctx) => saveMappingProfile(ctx.db, profile, ctx.now()),
  'mapping:delete': ({ name }, ctx) => ({ deleted: deleteMappingProfile(ctx.db, name) }),
};
