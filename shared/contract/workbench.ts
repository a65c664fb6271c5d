import { z } from 'zod';
import { EventRowSchema } from '../model/event.js';

/**
 * Schemas of the forensic workbench's own channels (context, sessions, saved searches, sequence investigations).
 * channels.ts imports them, so each feature's wire shape lives in one place.
 */

const IsoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO-8601 time' });

export const ContextInputSchema = z.object({
  id: z.string().min(1),
  /** Half-width of the window: events within +-minutes of the chosen one, across every source. */
  minutes: z.number().min(0).max(1440),
  /** Most rows returned on each side of the chosen event (the nearest ones). */
  limitPerSide: z.number().int().min(1).max(5000).default(500),
});

export const ContextResultSchema = z.object({
  /** Window bounds, inclusive, ISO-8601 UTC. */
  from: z.string(),
  to: z.string(),
  /** The window's events in ascending time order; `rows[anchorIndex]` is the chosen event. */
  rows: z.array(EventRowSchema),
  anchorIndex: z.number().int(),
  /** Events in the whole window before / after the chosen one (the rows may hold fewer: see limitPerSide). */
  before: z.number().int(),
  after: z.number().int(),
  /** Number of distinct sources in the returned rows. */
  sources: z.array(z.string()),
});
export type ContextResult = z.infer<typeof ContextResultSchema>;

export const SessionsInputSchema = z.object({
  actor: z.string().min(1).max(2000),
  /** Events without a vendor session id start a new session after this much inactivity. */
  gapMinutes: z.number().min(1).max(10_080).default(30),
  from: IsoTime.optional(),
  to: IsoTime.optional(),
});

export const TravelBadgeSchema = z.object({
  /** `impossible`: coordinates known and the implied speed is not humanly possible; `location-change`: only names. */
  kind: z.enum(['impossible', 'location-change']),
  fromLocation: z.string(),
  toLocation: z.string(),
  fromEventId: z.string(),
  toEventId: z.string(),
  minutes: z.number(),
  km: z.number().nullable(),
  kmPerHour: z.number().nullable(),
});
export type TravelBadge = z.infer<typeof TravelBadgeSchema>;

export const SessionSchema = z.object({
  /** The vendor's session id, or null for a session cut by the inactivity gap. */
  sessionId: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  durationMs: z.number(),
  count: z.number().int(),
  failures: z.number().int(),
  firstEventId: z.string(),
  lastEventId: z.string(),
  ips: z.array(z.string()),
  userAgents: z.array(z.string()),
  locations: z.array(z.string()),
  badges: z.object({
    /** IPs / user agents the actor had not used in any earlier session (the actor's first session has none). */
    newIps: z.array(z.string()),
    newUserAgents: z.array(z.string()),
    travel: z.array(TravelBadgeSchema),
    /** Failed logins shortly before a successful login in this session. */
    failuresThenSuccess: z.object({ failures: z.number().int(), firstFailure: z.string(), success: z.string() }).nullable(),
  }),
});
export type Session = z.infer<typeof SessionSchema>;

export const SessionsResultSchema = z.object({
  actor: z.string(),
  events: z.number().int(),
  sessions: z.array(SessionSchema),
});
export type SessionsResult = z.infer<typeof SessionsResultSchema>;

export const SavedSearchSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  query: z.string(),
  description: z.string(),
  created: z.string(),
});
export type SavedSearch = z.infer<typeof SavedSearchSchema>;

export const SaveSearchInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  query: z.string().max(10_000),
  description: z.string().max(2000).default(''),
});

export const FailedThenSuccessInputSchema = z.object({
  /** A success counts when it follows the last failure of a run within this many minutes. */
  withinMinutes: z.number().min(1).max(10_080).default(60),
  minFailures: z.number().int().min(1).max(10_000).default(1),
  /** Optional scope (usually a time range) in the query language. */
  query: z.string().max(10_000).default(''),
  limit: z.number().int().min(1).max(10_000).default(1000),
});

export const FailedThenSuccessSchema = z.object({
  actor: z.string(),
  failures: z.number().int(),
  firstFailure: z.string(),
  lastFailure: z.string(),
  failureIps: z.array(z.string()),
  success: z.string(),
  successId: z.string(),
  successIp: z.string().nullable(),
  successAction: z.string().nullable(),
});
export type FailedThenSuccess = z.infer<typeof FailedThenSuccessSchema>;
