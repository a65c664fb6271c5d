import type { AuditEvent, EventRow } from '../../../../shared/model/event.js';

/** SELECT list producing EventRow-shaped rows (camelCase aliases match the model). */
export const EVENT_ROW_COLUMNS = `id, time, received_time AS receivedTime, format, source, vendor_id AS vendorId, actor,
  actor_type AS actorType, action, category, target_type AS targetType, target, outcome, severity,
  source_ip AS sourceIp, user_agent AS userAgent, location, session_id AS sessionId, summary`;

export const EVENT_DETAIL_COLUMNS = `${EVENT_ROW_COLUMNS}, raw, prov_object, prov_sha256, prov_index, prov_line, notes,
  attributes, id_conflict`;

interface DetailRow extends Omit<EventRow, 'attributes'> {
  raw: string;
  prov_object: string;
  prov_sha256: string | null;
  prov_index: number;
  prov_line: number | null;
  notes: string | null;
  attributes: string | null;
  id_conflict: number;
}

/** Raw is stored as the exact text the vendor wrote; JSON text is parsed back so exports embed it as JSON. */
export function parseRaw(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export function toAuditEvent(row: DetailRow): AuditEvent {
  const { raw, prov_object, prov_sha256, prov_index, prov_line, notes, attributes, id_conflict, ...fields } = row;
  return {
    ...fields,
    raw: parseRaw(raw),
    provenance: { object: prov_object, objectSha256: prov_sha256, recordIndex: prov_index, line: prov_line },
    ...(notes ? { notes: JSON.parse(notes) as string[] } : {}),
    ...(attributes ? { attributes: JSON.parse(attributes) as Record<string, string> } : {}),
    ...(id_conflict ? { idConflict: true } : {}),
  };
}

export type { DetailRow };
