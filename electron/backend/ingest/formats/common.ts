import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import type { NormalizedFields, NormalizeResult } from './types.js';
import type { ParsedTime } from './time.js';

/** Small helpers every format module shares: safe field access, event assembly, outcome/severity vocabularies. */

export type Rec = Record<string, unknown>;

export function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-empty trimmed string from a string or a finite number; anything else is null. */
export function str(v: unknown): string | null {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? null : t;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** Value at a dotted path (`userIdentity.sessionContext.sessionIssuer.arn`); arrays are indexed by number segments. */
export function get(v: unknown, path: string): unknown {
  let cur: unknown = v;
  for (const seg of path.split('.')) {
    if (Array.isArray(cur) && /^\d+$/.test(seg)) cur = cur[Number(seg)];
    else if (isRecord(cur)) cur = cur[seg];
    else return undefined;
  }
  return cur;
}

export function getStr(v: unknown, path: string): string | null {
  return str(get(v, path));
}

/** First non-null string among the given paths. */
export function firstStr(v: unknown, ...paths: string[]): string | null {
  for (const p of paths) {
    const s = getStr(v, p);
    if (s !== null) return s;
  }
  return null;
}

/** Parses a JSON string when it holds an object or array (Log Analytics exports nest JSON as text); else null. */
export function parseJsonText(v: unknown): unknown {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return null;
  try {
    return JSON.parse(t);
  } catch {
    return null;
  }
}

/** "actor action target" from the parts that exist; never empty, so the table always has something readable. */
export function composeSummary(actor: string | null, action: string | null, target: string | null): string {
  const parts = [actor, action, target].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' ') : '(no actor, action or target)';
}

export interface EventParts {
  receivedTime?: string | null;
  vendorId?: string | null;
  actor?: string | null;
  actorType?: ActorType;
  action?: string | null;
  category?: Category;
  targetType?: string | null;
  target?: string | null;
  outcome?: Outcome;
  severity?: Severity;
  sourceIp?: string | null;
  userAgent?: string | null;
  location?: string | null;
  sessionId?: string | null;
  summary?: string | null;
  notes?: string[];
  attributes?: Record<string, string>;
}

/** Assembles a complete NormalizedFields with conservative defaults (outcome unknown, never assumed). */
export function makeEvent(time: ParsedTime, p: EventParts): NormalizedFields {
  const actor = p.actor ?? null;
  const action = p.action ?? null;
  const target = p.target ?? null;
  const notes = [...(time.note ? [time.note] : []), ...(p.notes ?? [])];
  const ev: NormalizedFields = {
    time: time.iso,
    ts: time.ts,
    receivedTime: p.receivedTime ?? null,
    vendorId: p.vendorId ?? null,
    actor,
    actorType: p.actorType ?? 'unknown',
    action,
    category: p.category ?? 'other',
    targetType: p.targetType ?? null,
    target,
    outcome: p.outcome ?? 'unknown',
    severity: p.severity ?? 'info',
    sourceIp: p.sourceIp ?? null,
    userAgent: p.userAgent ?? null,
    location: p.location ?? null,
    sessionId: p.sessionId ?? null,
    summary: p.summary || composeSummary(actor, action, target),
  };
  if (notes.length > 0) ev.notes = notes;
  if (p.attributes && Object.keys(p.attributes).length > 0) ev.attributes = p.attributes;
  return ev;
}

export function ok(...events: NormalizedFields[]): NormalizeResult {
  return { ok: true, events };
}

export function reject(reason: string): NormalizeResult {
  return { ok: false, reason };
}

/** Short, single-line rendering of a value for reject reasons. */
export function preview(v: unknown, max = 60): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

const SUCCESS_WORDS = new Set([
  'success', 'succeeded', 'successful', 'ok', 'true', 'allow', 'allowed', 'pass', 'passed', 'approved', 'granted',
  'completed', 'complete', 'succeed', 'yes',
]);
const FAILURE_WORDS = new Set([
  'fail', 'failed', 'failure', 'denied', 'deny', 'error', 'errored', 'false', 'rejected', 'forbidden', 'unauthorized',
  'blocked', 'invalid', 'no',
]);

/**
 * Maps a vendor's outcome value to the closed vocabulary. Only explicit words, booleans and HTTP-style status codes
 * count; anything else (including "pending", "started", unknown codes) stays unknown.
 */
export function outcomeOf(v: unknown): Outcome {
  if (typeof v === 'boolean') return v ? 'success' : 'failure';
  if (typeof v === 'number') return outcomeOfHttp(v);
  const s = str(v);
  if (s === null) return 'unknown';
  if (/^\d{3}$/.test(s)) return outcomeOfHttp(Number(s));
  const w = s.toLowerCase();
  if (SUCCESS_WORDS.has(w)) return 'success';
  if (FAILURE_WORDS.has(w)) return 'failure';
  return 'unknown';
}

export function outcomeOfHttp(code: number): Outcome {
  if (code >= 100 && code < 400) return 'success';
  if (code >= 400 && code < 600) return 'failure';
  return 'unknown';
}

/** Vendor severity words (syslog levels, Okta's DEBUG/INFO/WARN/ERROR, risk levels) to info/warning/critical. */
export function severityOf(v: unknown): Severity | null {
  const s = str(v)?.toLowerCase();
  if (!s) return null;
  if (['critical', 'crit', 'fatal', 'emergency', 'emerg', 'alert', 'high', 'severe'].includes(s)) return 'critical';
  if (['warning', 'warn', 'error', 'err', 'medium', 'moderate'].includes(s)) return 'warning';
  if (['info', 'informational', 'information', 'notice', 'debug', 'trace', 'low', 'none'].includes(s)) return 'info';
  return null;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

/** The more severe of two severities: a vendor's "INFO" never downgrades what the action itself implies. */
export function maxSeverity(a: Severity, b: Severity | null | undefined): Severity {
  return b && SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/** Share of the sample's records that satisfy `pred` (0 when the sample holds no objects). */
export function shareMatching(sample: readonly unknown[], pred: (r: Rec) => boolean): number {
  let objects = 0;
  let hits = 0;
  for (const r of sample) {
    if (!isRecord(r)) continue;
    objects++;
    if (pred(r)) hits++;
  }
  return objects === 0 ? 0 : hits / objects;
}

/** True when every listed key is present (any value) on the record. */
export function hasKeys(r: Rec, ...keys: string[]): boolean {
  return keys.every((k) => k in r);
}

/** Drops null/empty values so `attributes` only holds what the record actually carried. */
export function compactAttributes(entries: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(entries)) {
    const s = typeof v === 'boolean' ? String(v) : str(v);
    if (s !== null) out[k] = s;
  }
  return out;
}

/**
 * The record with lower-cased top-level keys (the first spelling wins). Azure and Entra exports disagree on key
 * case (`callerIpAddress` vs `calleripaddress`), so their modules read through this view.
 */
export function lowerKeys(r: Rec): Rec {
  const out: Rec = {};
  for (const [k, v] of Object.entries(r)) {
    const l = k.toLowerCase();
    if (!(l in out)) out[l] = v;
  }
  return out;
}

/** Azure's `{value, localizedValue}` pairs (also snake_case `localized_value`) or a plain string. */
export function valueOf(v: unknown): string | null {
  if (isRecord(v)) return str(v.value) ?? str(v.localizedValue) ?? str(v.localized_value);
  return str(v);
}
