import type { ChannelName, Channels } from '../../../shared/contract/channels.js';
import type { z } from 'zod';
import type { BackendContext } from '../context.js';

/** A handler receives the already-validated input (defaults applied) and returns the channel's output. */
export type Handler<C extends ChannelName> = (
  input: z.infer<Channels[C]['input']>,
  ctx: BackendContext,
) => z.infer<Channels[C]['output']> | Promise<z.infer<Channels[C]['output']>>;

export type HandlerMap<K extends ChannelName> = { [C in K]: Handler<C> };
