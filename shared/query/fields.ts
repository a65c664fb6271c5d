import { ACTOR_TYPES, CATEGORIES, OUTCOMES, SEVERITIES } from '../model/event.js';

/**
 * The fields a query can name, the `events` column each one reads, and the text the help view shows. The parser
 * resolves aliases here; the SQL compiler reads `column` and `kind`. Column names never come from user input.
 */

export const FIELD_NAMES = [
  'actor', 'actorType', 'action', 'category', 'target', 'targetType', 'outcome', 'severity', 'ip', 'source', 'format',
  'session', 'id', 'vendorId', 'userAgent', 'location', 'summary', 'time',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/**
 * - `text`: case-insensitive match on a text column.
 * - `exact-text`: identifiers, compared exactly (case matters) so the unique index on `id` stays usable.
 * - `enum`: one of a closed list of lowercase values; unknown values are a syntax error, not an empty result.
 * - `ip`: addresses and CIDR blocks through `ip_key`, other values (host names) on the text column.
 * - `time`: compared with `> >= < <= =` against the epoch-ms `ts` column.
 */
export type FieldKind = 'text' | 'exact-text' | 'enum' | 'ip' | 'time';

export interface FieldDef {
  name: FieldName;
  /** The `events` column (for `time`, the indexed epoch-ms column). */
  column: string;
  kind: FieldKind;
  /** Other spellings accepted in queries (matched case-insensitively, like the name). */
  aliases: readonly string[];
  /** The closed value list of an `enum` field. */
  values?: readonly string[];
  description: string;
  example: string;
}

type Spec = Omit<FieldDef, 'name' | 'aliases'> & { aliases?: readonly string[] };

const SPECS: Record<FieldName, Spec> = {
  actor: {
    column: 'actor', kind: 'text', aliases: ['user'],
    description: 'Who acted: email, user name, ARN or API key name', example: 'actor:alice@example.com',
  },
  actorType: {
    column: 'actor_type', kind: 'enum', aliases: ['actor_type'], values: ACTOR_TYPES,
    description: 'Kind of actor', example: 'actorType:service',
  },
  action: { column: 'action', kind: 'text', description: "The vendor's action name", example: 'action:ConsoleLogin' },
  category: {
    column: 'category', kind: 'enum', values: CATEGORIES,
    description: 'Normalized category', example: 'category:authentication',
  },
  target: { column: 'target', kind: 'text', description: 'What was acted on', example: 'target:prod-db*' },
  targetType: {
    column: 'target_type', kind: 'text', aliases: ['target_type'],
    description: 'Kind of target', example: 'targetType:bucket',
  },
  outcome: {
    column: 'outcome', kind: 'enum', values: OUTCOMES, description: 'Result of the action', example: 'outcome:failure',
  },
  severity: {
    column: 'severity', kind: 'enum', values: SEVERITIES, description: 'Severity', example: 'severity:critical',
  },
  ip: {
    column: 'source_ip', kind: 'ip', aliases: ['source_ip', 'sourceIp'],
    description: 'Source IP: an address, an IPv4/IPv6 CIDR block, or a host name some vendors log instead',
    example: 'ip:10.0.0.0/8',
  },
  source: { column: 'source', kind: 'text', description: 'Name of the import source', example: 'source:"prod trail"' },
  format: { column: 'format', kind: 'text', description: 'Detected log format', example: 'format:cloudtrail' },
  session: {
    column: 'session_id', kind: 'text', aliases: ['session_id', 'sessionId'],
    description: 'Session id', example: 'session:abc123',
  },
  id: {
    column: 'id', kind: 'exact-text', description: 'Auditlens event id (exact, case-sensitive)', example: 'id:3f2a*',
  },
  vendorId: {
    column: 'vendor_id', kind: 'exact-text', aliases: ['vendor_id'],
    description: "The vendor's event id (exact, case-sensitive)", example: 'vendorId:abc-123',
  },
  userAgent: {
    column: 'user_agent', kind: 'text', aliases: ['user_agent'],
    description: 'Client user agent', example: 'userAgent:"aws-cli/2"*',
  },
  location: {
    column: 'location', kind: 'text',
    description: 'Geographic location where the vendor gives one', example: 'location:"Berlin, DE"',
  },
  summary: {
    column: 'summary', kind: 'text',
    description: 'The whole summary line (use bare words to search inside it)',
    example: 'summary:"Deleted bucket logs"',
  },
  time: {
    column: 'ts', kind: 'time',
    description:
      'Event time: ISO date or date-time (UTC unless a zone is given) or relative (-30m, -24h, -7d, -2w); ' +
      'a value covers the period it names, so time=2026-01-01 is that whole day',
    example: 'time>=-24h',
  },
};

export const FIELDS: Readonly<Record<FieldName, FieldDef>> = Object.fromEntries(
  FIELD_NAMES.map((name) => [name, { name, ...SPECS[name], aliases: SPECS[name].aliases ?? [] }]),
) as Record<FieldName, FieldDef>;

const LOOKUP = new Map<string, FieldName>();
for (const field of Object.values(FIELDS)) {
  for (const spelling of [field.name, ...field.aliases]) LOOKUP.set(spelling.toLowerCase(), field.name);
}

/** Resolves a field name or alias (case-insensitive), or undefined when there is no such field. */
export function resolveField(name: string): FieldName | undefined {
  return LOOKUP.get(name.toLowerCase());
}

/** Fields that take `field:value`, for error messages and completion. */
export function fieldList(): string {
  return FIELD_NAMES.join(', ');
}
