import { EXPORT_FIELDS, type AuditEvent } from '../../../shared/model/event.js';
import { csvRow } from './csv.js';

/** One normalized event as an object with exactly the field names and order of DESIGN.md section 4. */
export function toExportObject(event: AuditEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of EXPORT_FIELDS) {
    const value = event[field];
    out[field] = field === 'provenance' && value && typeof value === 'object' ? provenanceObject(event.provenance) : value ?? null;
  }
  return out;
}

/** `{object, objectSha256, recordIndex}`, plus `integrity` when the exporter knows the S3 object's verdict. */
function provenanceObject(p: AuditEvent['provenance']): Record<string, unknown> {
  const out: Record<string, unknown> = { object: p.object, objectSha256: p.objectSha256, recordIndex: p.recordIndex };
  if (p.integrity) out.integrity = p.integrity;
  return out;
}

/** One normalized event per line (JSONL). */
export function toJsonlLine(event: AuditEvent): string {
  return JSON.stringify(toExportObject(event)) + '\n';
}

export const CSV_HEADER = EXPORT_FIELDS;

export function toCsvLine(event: AuditEvent): string {
  return csvRow(
    EXPORT_FIELDS.map((field) => {
      if (field === 'provenance') return `${event.provenance.object}#${event.provenance.recordIndex}`;
      if (field === 'raw') return typeof event.raw === 'string' ? event.raw : JSON.stringify(event.raw);
      return event[field];
    }),
  );
}

/**
 * The analyst's annotations, appended after the DESIGN.md fields in every export (JSON, JSONL, CSV) so a finding
 * travels with its evidence and `auditlens annotations import` can re-apply it: `starred` (boolean), `tags`
 * ([{name, description, color}]) and `comments` ([{author, at, text}]).
 */
export const ANNOTATION_FIELDS = ['starred', 'tags', 'comments'] as const;
export const ANNOTATED_CSV_HEADER: readonly string[] = [...CSV_HEADER, ...ANNOTATION_FIELDS];

function annotationValues(event: AuditEvent) {
  const a = event.annotations;
  return { starred: a?.starred ?? false, tags: a?.tags ?? [], comments: a?.comments ?? [] };
}

export function toAnnotatedObject(event: AuditEvent): Record<string, unknown> {
  return { ...toExportObject(event), ...annotationValues(event) };
}

export function toAnnotatedJsonlLine(event: AuditEvent): string {
  return JSON.stringify(toAnnotatedObject(event)) + '\n';
}

/** CSV: `starred` as true/false, tags as `name; name`, comments as JSON text (author, time and text). */
export function toAnnotatedCsvLine(event: AuditEvent): string {
  const a = annotationValues(event);
  const extra = csvRow([a.starred, a.tags.map((t) => t.name).join('; '), a.comments.length ? a.comments : '']);
  return `${toCsvLine(event).slice(0, -2)},${extra}`;
}
