import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';

/**
 * What a format module produces for one event. The pipeline adds id, format, source, raw and provenance.
 * `time` is ISO-8601 UTC with milliseconds; `ts` the same instant in epoch milliseconds.
 */
export interface NormalizedFields {
  time: string;
  ts: number;
  receivedTime: string | null;
  vendorId: string | null;
  actor: string | null;
  actorType: ActorType;
  action: string | null;
  category: Category;
  targetType: string | null;
  target: string | null;
  outcome: Outcome;
  severity: Severity;
  sourceIp: string | null;
  userAgent: string | null;
  location: string | null;
  sessionId: string | null;
  summary: string;
  /** Remarks that qualify the mapping ("time had no zone; treated as UTC", "eventTime missing; used @timestamp"). */
  notes?: string[];
  /** Extra columns worth keeping visible (entityVersion, engineVersion...). */
  attributes?: Record<string, string>;
}

/** One record can become several events (a Workspace activity with several `events[]`). */
export type NormalizeResult = { ok: true; events: NormalizedFields[] } | { ok: false; reason: string };

export interface DetectContext {
  /** Base name of the object being read (e.g. `…_CloudTrail_us-east-1_….json.gz`). */
  fileName: string;
  /** Header row when the object is CSV (records are then column-name -> string objects). */
  csvHeader: string[] | null;
}

export interface FormatModule {
  /** Format id written to `event.format` (see FORMAT_IDS in shared/model/event.ts). */
  id: string;
  label: string;
  /**
   * Confidence 0..1 that the sampled records (the first few of an object) are this format. The pipeline picks the
   * highest; the generic mappers answer low constant values so any vendor match wins.
   */
  detect(sample: readonly unknown[], ctx: DetectContext): number;
  normalize(record: unknown, ctx: DetectContext): NormalizeResult;
}
