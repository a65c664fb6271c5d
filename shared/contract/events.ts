import { z } from 'zod';
import { JobProgressSchema, JobSchema } from './channels.js';

/** Events the backend pushes to every connected renderer. */
export const pushEvents = {
  'job:progress': JobProgressSchema,
  'job:finished': JobSchema,
  'case:changed': z.object({ path: z.string(), reason: z.enum(['opened', 'created', 'imported', 'annotated', 'purged']) }),
} as const;

export type PushEvents = typeof pushEvents;
export type PushEventName = keyof PushEvents;
export type PushEventPayload<E extends PushEventName> = z.infer<PushEvents[E]>;
export const PUSH_EVENT_NAMES = Object.keys(pushEvents) as PushEventName[];
