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

export const FIELDS: Readonly<Record<FieldName, FieldDef>> = {
  actor: def('actor', 'actor', 'text', ['user'], 'Who acted: email, user name, ARN or API key name', 'actor:alice@example.com'),
  actorType: def('actorType', 'actor_type', 'enum', ['actor_type'], 'Kind of actor', 'actorType:service', ACTOR_TYPES),
  action: def('action', 'action', 'text', [], "The vendor's action name", 'action:ConsoleLogin'),
  category: def('category', 'category', 'enum', [], 'Normalized category', 'category:authentication', CATEGORIES),
  target: def('target', 'target', 'text', [], 'What was acted on', 'target:prod-db*'),
  targetType: def('targetType', 'target_type', 'text', ['target_type'], 'Kind of target', 'targetType:bucket'),
  outcome: def('outcome', 'outcome', 'enum', [], 'Result of the action', 'outcome:failure', OUTCOMES),
  severity: def('severity', 'severity', 'enum', [], 'Severity', 'severity:critical', SEVERITIES),
  ip: def(
    'ip', 'source_ip', 'ip', ['source_ip', 'sourceIp'],
    'Source IP: an address, an IPv4/IPv6 CIDR block, or a host name some vendors log instead', 'ip:10.0.0.0/8',
  ),
  source: def('source', 'source', 'text', [], 'Name of the import source', 'source:"prod trail"'),
  format: def('format', 'format', 'text', [], 'Detected log format', 'format:cloudtrail'),
  session: def('session', 'session_id', 'text', ['session_id', 'sessionId'], 'Session id', 'session:abc123'),
  id: def('id', 'id', 'exact-text', [], 'Auditlens event id (exact, case-sensitive)', 'id:3f2a*'),
  vendorId: def('vendorId', 'vendor_id', 'exact-text', ['vendor_id'], "The vendor's event id (exact, case-sensitive)", 'vendorId:abc-123'),
  userAgent: def('userAgent', 'user_agent', 'text', ['user_agent'], 'Client user agent', 'userAgent:"aws-cli/2*"'),
  location: def('location', 'location', 'text', [], 'Geographic location where the vendor gives one', 'location:"Berlin, DE"'),
  summary: def('summary', 'summary', 'text', [], 'The whole summary line (use bare words to search inside it)', 'summary:"Deleted bucket logs"'),
  time: def(
    'time', 'ts', 'time', [],
    'Event time: ISO date or date-time (UTC unless a zone is given) or relative (-30m, -24h, -7d, -2w); ' +
      'a value covers the period it names, so time=2026-01-01 is that whole day',
    'time>=-24h',
  ),
};

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

function def(
  name: FieldName,
  column: string,
  kind: FieldKind,
  aliases: readonly string[],
  description: string,
  example: string,
  values?: readonly string[],
): FieldDef {
  return values ? { name, column, kind, aliases, values, description, example } : { name, column, kind, aliases, description, example };
}
