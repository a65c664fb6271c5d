import { EXPORT_FIELDS, type AuditEvent } from '../../../shared/model/event.js';
import { csvRow } from './csv.js';

/** One normalized event per line with exactly the field names and order of DESIGN.md section 4. */
export function toJsonlLine(event: AuditEvent): string {
  const out: Record<string, unknown> = {};
  for (const field of EXPORT_FIELDS) {
    const value = event[field];
    out[field] = field === 'provenance' && value && typeof value === 'object'
      ? { object: event.provenance.object, objectSha256: event.provenance.objectSha256, recordIndex: event.provenance.recordIndex }
      : value ?? null;
  }
  return JSON.stringify(out) + '\n';
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
