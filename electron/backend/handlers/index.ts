import type { ChannelName } from '../../../shared/contract/channels.js';
import { annotationHandlers } from './annotations.js';
import { caseHandlers } from './case.js';
import { caseAdminHandlers } from './case-admin.js';
import { eventHandlers } from './events.js';
import { exportHandlers } from './exports.js';
import { importHandlers } from './imports.js';
import { integrityHandlers } from './integrity.js';
import { mappingHandlers } from './mapping.js';
import { packHandlers } from './packs.js';
import { sourceHandlers } from './sources.js';
import { timelineHandlers } from './timeline.js';
import type { HandlerMap } from './types.js';
import { valueHandlers } from './values.js';
import { workbenchHandlers } from './workbench.js';

/** One map for every channel: the compiler checks that no channel is left without a handler. */
export const handlers: HandlerMap<ChannelName> = { ...caseHandlers, ...eventHandlers, ...importHandlers, ...mappingHandlers, ...valueHandlers, ...exportHandlers, ...workbenchHandlers, ...annotationHandlers, ...sourceHandlers, ...packHandlers, ...integrityHandlers, ...timelineHandlers, ...caseAdminHandlers };
