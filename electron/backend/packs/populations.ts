import type { PackRequest, PackType } from '../../../shared/contract/packs.js';
import { AppError } from '../../../shared/errors.js';

/**
 * What each pack type contains, as named queries in the query language over the normalized fields. Every importer
 * maps its vendor's actions to these categories/outcomes/severities, so one definition covers every source.
 */

export interface PopulationDef {
  /** Stable slug: written in events.jsonl `populations`, summary and query.json. */
  name: string;
  label: string;
  /** The population's own condition; the period and sources are added by `populationQueries`. */
  query: string;
}

const ACCESS_REVIEW: PopulationDef[] = [
  {
    name: 'authentication', label: 'Logins (success and failure), MFA and password events',
    query: 'category:authentication',
  },
  { name: 'user-lifecycle', label: 'User creation, removal and changes', query: 'category:user_management' },
  { name: 'roles-and-permissions', label: 'Role, permission and API key changes', query: 'category:authorization' },
];

const CHANGE_MANAGEMENT: PopulationDef[] = [
  {
    name: 'configuration', label: 'Admin and configuration changes: rules, profiles, integrations, audit config',
    query: 'category:configuration',
  },
  { name: 'credentials-and-access', label: 'Credential, API key, role and permission changes', query: 'category:authorization' },
  { name: 'resource-changes', label: 'Changes to resources', query: 'category:resource_change' },
];

const INCIDENT_RESPONSE: PopulationDef[] = [
  { name: 'auth-failures', label: 'Authentication failures', query: 'category:authentication outcome:failure' },
  {
    // Vendors spell these in their action names and messages (RATE_LIMITED, Throttling, request blocked...).
    name: 'rate-limited-and-blocked', label: 'Rate-limited, throttled and blocked events',
    query: '"rate limit"* OR ratelimit* OR throttl* OR block* OR "too many"',
  },
  { name: 'critical', label: 'Critical severity', query: 'severity:critical' },
];

/**
 * The timeline around the incident populations: every event of the same actor within TIMELINE_MINUTES of an
 * authentication failure or a critical event (what they did just before and after). Not expressible in the query
 * language (it relates two events), so plan.ts builds its SQL from the anchors' compiled queries.
 */
export const TIMELINE_MINUTES = 15;
export const TIMELINE: PopulationDef = {
  name: 'surrounding-timeline', label: `Same actor within ${TIMELINE_MINUTES} minutes of an authentication failure or critical event`, query: '',
};
export const TIMELINE_ANCHORS = ['auth-failures', 'critical'];

/** The population of tagged events exists only where the annotations tables do (checked by the caller). */
export const TAGGED: PopulationDef = { name: 'tagged', label: "The analyst's tagged events", query: '' };

export function populationDefs(request: PackRequest, hasTags: boolean): PopulationDef[] {
  switch (request.type as PackType) {
    case 'access-review':
      return ACCESS_REVIEW;
    case 'change-management':
      return CHANGE_MANAGEMENT;
    case 'incident-response':
      return hasTags ? [...INCIDENT_RESPONSE, TIMELINE, TAGGED] : [...INCIDENT_RESPONSE, TIMELINE];
    case 'custom': {
      const defs: PopulationDef[] = [];
      const query = request.query?.trim() ?? '';
      if (query) defs.push({ name: 'query', label: 'Events matching the query', query });
      if (request.tagged) {
        if (!hasTags) throw new AppError('INVALID_INPUT', 'custom pack: this case has no tags yet (tagged: true needs annotations)');
        defs.push(TAGGED);
      }
      if (defs.length === 0) {
        throw new AppError('INVALID_INPUT', 'custom pack: give a query, or ask for the tagged events (tagged: true)');
      }
      return defs;
    }
  }
}

/** A value as a quoted query-language string (`"` and `\` escaped), so any source name reads back exactly. */
export function quoteValue(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** The period and sources every population shares, in the query language. Times are UTC instants. */
export function scopeQuery(request: PackRequest): string {
  const parts = [`time>=${new Date(request.from).toISOString()}`, `time<${new Date(request.to).toISOString()}`];
  const sources = request.sources ?? [];
  if (sources.length > 0) parts.push(`(${sources.map((s) => `source:${quoteValue(s)}`).join(' OR ')})`);
  return parts.join(' ');
}

/** The exact text of a population's query, as recorded in query.json (the tagged population has no query text). */
export function fullQuery(scope: string, def: PopulationDef): string {
  return def.query ? `${scope} (${def.query})` : scope;
}
