import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import { isRecord, makeEvent, ok, outcomeOf, preview, reject, shareMatching, str, type Rec } from './common.js';
import { apiKeyName } from './generic.js';
import { NO_ZONE_NOTE, parseEventTime } from './time.js';
import type { DetectContext, FormatModule, NormalizeResult } from './types.js';

/**
 * The rule-engine platform's audit-log CSV export (seed 001: "Reading the audit log"): one row per write/publish
 * action with exactly these columns. The same rows as JSON objects (same keys) are accepted too.
 */

export const ENTITY_CSV_COLUMNS = [
  'occurredAt', 'actor', 'entityType', 'entitySlug', 'entityVersion', 'action', 'engineVersion', 'clientIp', 'payload',
] as const;

interface EntityKind {
  /** Action-name prefix (`RulePublished` -> `Rule`). */
  prefix: string;
  /** How the entity reads in a summary. */
  noun: string;
  category: Category;
  severity: Severity;
}

// The seed lists what is audited: rules and profiles (create/draft/publish/archive/unarchive) are the platform's
// configuration; spec jobs (enqueue/cancel) are runs; API keys (create/revoke) are credentials, hence warning;
// engine versions (register/deprecate/retire) are platform configuration.
const KINDS: EntityKind[] = [
  { prefix: 'EngineVersion', noun: 'engine version', category: 'configuration', severity: 'info' },
  { prefix: 'SpecJob', noun: 'spec job', category: 'resource_change', severity: 'info' },
  { prefix: 'ApiKey', noun: 'API key', category: 'authorization', severity: 'warning' },
  { prefix: 'Profile', noun: 'profile', category: 'configuration', severity: 'info' },
  { prefix: 'Rule', noun: 'rule', category: 'configuration', severity: 'info' },
];

function kindOf(action: string | null): EntityKind | null {
  if (!action) return null;
  return KINDS.find((k) => action.startsWith(k.prefix) && /^[A-Z]/.test(action.slice(k.prefix.length))) ?? null;
}

/** `Published` -> `published`; `Enqueued` -> `enqueued`. Falls back to the whole action name. */
function verbOf(action: string, kind: EntityKind | null): string {
  const rest = kind ? action.slice(kind.prefix.length) : action;
  return rest ? rest.charAt(0).toLowerCase() + rest.slice(1) : action;
}

/** `Spec job` -> `spec job`, but `API key` keeps its acronym. */
function nounOf(entityType: string | null, kind: EntityKind | null): string | null {
  if (entityType) return /^[A-Z]{2}/.test(entityType) ? entityType : entityType.charAt(0).toLowerCase() + entityType.slice(1);
  return kind?.noun ?? null;
}

function isEntityRecord(r: Rec): boolean {
  return ENTITY_CSV_COLUMNS.every((c) => c in r);
}

interface Payload {
  attributes: Record<string, string>;
  outcome: Outcome;
  notes: string[];
}

/** The Details column: JSON when it parses (its scalar fields become attributes), else kept as text. */
function readPayload(value: unknown): Payload {
  const out: Payload = { attributes: {}, outcome: 'unknown', notes: [] };
  let parsed: unknown = value;
  if (typeof value === 'string') {
    if (value.trim() === '') return out;
    try {
      parsed = JSON.parse(value);
    } catch {
      out.attributes.payload = value;
      out.notes.push('payload is not valid JSON; kept as text');
      return out;
    }
  }
  if (!isRecord(parsed)) {
    if (parsed !== null && parsed !== undefined) out.attributes.payload = JSON.stringify(parsed);
    return out;
  }
  for (const [k, v] of Object.entries(parsed)) {
    if (Object.keys(out.attributes).length >= 30) break;
    const s = typeof v === 'boolean' ? String(v) : str(v);
    if (s !== null) out.attributes[`payload.${k}`] = s;
  }
  // Outcome only when the payload states one; the export itself has no outcome column.
  for (const k of ['outcome', 'result', 'success', 'status']) {
    const o = outcomeOf(parsed[k]);
    if (o !== 'unknown') {
      out.outcome = o;
      break;
    }
  }
  if (out.outcome === 'unknown' && (str(parsed.error) || isRecord(parsed.error))) out.outcome = 'failure';
  return out;
}

export function normalizeEntityRecord(record: unknown): NormalizeResult {
  if (!isRecord(record)) return reject('record is not an object');
  const occurredAt = record.occurredAt;
  const time = parseEventTime(occurredAt);
  if (!time) {
    return reject(str(occurredAt) ? `occurredAt has no usable time: ${preview(occurredAt)}` : 'occurredAt is empty');
  }
  const notes: string[] = [];
  // The export documents occurredAt as UTC, so a missing zone is not an assumption worth flagging.
  if (time.note === NO_ZONE_NOTE) delete time.note;
  if (typeof occurredAt === 'string' && /\d:\d{2}(?!:\d)/.test(occurredAt) && !/\d:\d{2}:\d{2}/.test(occurredAt)) {
    notes.push('occurredAt has minute precision');
  }

  const rawActor = str(record.actor);
  const keyName = rawActor ? apiKeyName(rawActor) : null;
  let actorType: ActorType = 'unknown';
  if (keyName) actorType = 'api_key';
  else if (rawActor && rawActor.toLowerCase() === 'system') actorType = 'system';
  else if (rawActor) actorType = 'user';
  const actor = keyName ?? rawActor;
  const actorLabel = keyName ? `API key ${keyName}` : rawActor;

  const action = str(record.action);
  const kind = kindOf(action);
  const entityType = str(record.entityType);
  const slug = str(record.entitySlug);
  const version = str(record.entityVersion);
  const engine = str(record.engineVersion);
  const payload = readPayload(record.payload);
  notes.push(...payload.notes);

  const fallback = classifyAction(action, payload.outcome);
  const category = kind?.category ?? fallback.category;
  const severity = kind?.severity ?? fallback.severity;

  const noun = nounOf(entityType, kind);
  const verb = action ? verbOf(action, kind) : null;
  const what = [noun, slug, version ? `v${version}` : null].filter(Boolean).join(' ') || null;
  let summary: string;
  if (kind?.prefix === 'ApiKey' && what && verb) summary = `${what} ${verb}${actorLabel ? ` by ${actorLabel}` : ''}`;
  else summary = [actorLabel ?? '(unknown actor)', verb ?? '(no action)', what].filter(Boolean).join(' ');
  if (engine && kind?.prefix !== 'EngineVersion') summary += ` on engine ${engine}`;

  return ok(
    makeEvent(time, {
      actor,
      actorType,
      action,
      category,
      targetType: entityType ?? kind?.noun ?? null,
      target: slug,
      outcome: payload.outcome,
      severity,
      sourceIp: str(record.clientIp),
      summary,
      notes,
      attributes: {
        ...(entityType ? { entityType } : {}),
        ...(slug ? { entitySlug: slug } : {}),
        ...(version ? { entityVersion: version } : {}),
        ...(engine ? { engineVersion: engine } : {}),
        ...payload.attributes,
      },
    }),
  );
}

export const entityCsvFormat: FormatModule = {
  id: 'entity-csv',
  label: 'Rule platform audit-log export (occurredAt, actor, entityType…)',
  detect(sample: readonly unknown[], ctx: DetectContext): number {
    if (ctx.csvHeader) {
      const header = new Set(ctx.csvHeader.map((h) => h.replace(/^\uFEFF/, '').trim()));
      return ENTITY_CSV_COLUMNS.every((c) => header.has(c)) ? 0.95 : 0;
    }
    return 0.9 * shareMatching(sample, isEntityRecord);
  },
  normalize: (record: unknown) => normalizeEntityRecord(record),
};
