import type { ChannelName } from '../../../shared/contract/channels.js';
import { caseHandlers } from './case.js';
import { eventHandlers } from './events.js';
import { importHandlers } from './imports.js';
import type { HandlerMap } from './types.js';

/** One map for every channel: the compiler checks that no channel is left without a handler. */
export const handlers: HandlerMap<ChannelName> = { ...caseHandlers, ...eventHandlers, ...importHandlers };
