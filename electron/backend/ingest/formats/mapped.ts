import { CATEGORIES, type Category, type Outcome } from '../../../../shared/model/event.js';
import type { MappingProfile } from '../../../../shared/model/mapping.js';
import { classifyAction } from './classify.js';
import { isRecord, makeEvent, ok, outcomeOf, preview, reject, severityOf, str } from './common.js';
import { actorTypeOf } from './generic.js';
import { parseEventTime } from './time.js';
import type { FormatModule, NormalizeResult } from './types.js';

/** Value at a field name, or a dotted path into nested JSON (`client.ip`); an exact key wins over a path. */
function at(record: Record<string, unknown>, name: string | undefined): unknown {
  if (!name) return undefined;
  if (name in record) return record[name];
  let v: unknown = record;
  for (const part of name.split('.')) {
    if (!isRecord(v)) return undefined;
    v = v[part];
  }
  return v;
}

/**
 * What makes two mappings read a file the same way (fields and outcome words, not the profile's name), as stable
 * JSON: an import of the same bytes through the same mapping is skipped, through another one it is read again.
 */
export function mappingIdentity(profile: MappingProfile): string {
  const fields = Object.entries(profile.fields).filter(([, v]) => v).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify({ fields, outcomeValues: profile.outcomeValues ?? null });
}

/**
 * The analyst's own mapping (`--mapping FILE`, or a profile from the UI) instead of detection: every record is read
 * through it. Category and severity follow the mapped values when they are in the model's vocabulary, else the
 * action's classification; outcome stays unknown unless a mapped field says (through the profile's own words for
 * success and failure when it has them).
 */
export function mappedFormat(profile: MappingProfile, id: 'json' | 'csv'): FormatModule {
  const f = profile.fields;
  const label = `${id.toUpperCase()} mapped by ${profile.name ? `profile "${profile.name}"` : 'a mapping file'}`;
  const words = profile.outcomeValues && {
    success: new Set(profile.outcomeValues.success.map((w) => w.trim().toLowerCase())),
    failure: new Set(profile.outcomeValues.failure.map((w) => w.trim().toLowerCase())),
  };
  /** The analyst's words decide when given (a value in neither list is unknown, never guessed); else the usual words. */
  function mappedOutcome(v: unknown): Outcome {
    if (!words) return outcomeOf(v);
    const w = v === null || v === undefined ? '' : String(v).trim().toLowerCase();
    if (w && words.success.has(w)) return 'success';
    if (w && words.failure.has(w)) return 'failure';
    return 'unknown';
  }
  function normalize(record: unknown): NormalizeResult {
    if (!isRecord(record)) return reject('record is not an object');
    const rawTime = at(record, f.time);
    const time = parseEventTime(rawTime);
    if (!time) return reject(`mapped time field "${f.time}" ${rawTime === undefined ? 'is missing' : `has no usable time: ${preview(rawTime)}`}`);
    const action = str(at(record, f.action));
    const actor = str(at(record, f.actor));
    const outcome = mappedOutcome(at(record, f.outcome));
    const classified = classifyAction(action, outcome);
    const stated = str(at(record, f.category))?.toLowerCase();
    return ok(
      makeEvent(time, {
        vendorId: str(at(record, f.vendorId)),
        actor,
        actorType: actorTypeOf(str(at(record, f.actorType)), actor),
        action,
        category: (CATEGORIES as readonly string[]).includes(stated ?? '') ? (stated as Category) : classified.category,
        targetType: str(at(record, f.targetType)),
        target: str(at(record, f.target)),
        outcome,
        severity: severityOf(at(record, f.severity)) ?? classified.severity,
        sourceIp: str(at(record, f.sourceIp)),
        userAgent: str(at(record, f.userAgent)),
        location: str(at(record, f.location)),
        sessionId: str(at(record, f.sessionId)),
        summary: str(at(record, f.summary)),
      }),
    );
  }
  return { id, label, detect: () => 1, normalize };
}
