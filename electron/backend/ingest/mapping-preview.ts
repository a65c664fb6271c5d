import path from 'node:path';
import type { MappingPreview, PreviewField, PreviewRow } from '../../../shared/contract/mapping.js';
import type { MappingProfile } from '../../../shared/model/mapping.js';
import { AppError } from '../../../shared/errors.js';
import { isRecord } from './formats/common.js';
import { FieldIndex } from './formats/field-finder.js';
import { FIELD_CANDIDATES } from './formats/generic.js';
import { parseEventTime } from './formats/time.js';
import { detectFormat } from './formats/detect.js';
import { mappedFormat } from './formats/mapped.js';
import type { DetectContext } from './formats/types.js';
import { readObjectItems, type ReadRecord } from './readers/index.js';

/**
 * The mapping editor's preview: streams only the first `limit` records of a file (or of a zip's first entry)
 * through the import's own readers, lists the fields with example values, and normalizes each record through
 * mappedFormat() exactly as `import --mapping` would, so what the analyst sees is what the import will store.
 */

const MAX_FIELDS = 400;
const MAX_EXAMPLES = 3;
const EXAMPLE_CHARS = 120;
/** Nested JSON is listed as dotted names down to this depth (deeper values appear as JSON text). */
const MAX_DEPTH = 4;

interface FieldAcc {
  examples: string[];
  present: number;
}

function exampleText(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > EXAMPLE_CHARS ? `${s.slice(0, EXAMPLE_CHARS)}…` : s;
}

/** Dotted leaf names of a record (the same names mapped.ts resolves), in first-seen order. */
function collectFields(value: unknown, prefix: string, depth: number, out: Map<string, FieldAcc>): void {
  if (!isRecord(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isRecord(v) && depth < MAX_DEPTH && Object.keys(v).length > 0) {
      collectFields(v, name, depth + 1, out);
      continue;
    }
    let acc = out.get(name);
    if (!acc) {
      if (out.size >= MAX_FIELDS) continue;
      out.set(name, (acc = { examples: [], present: 0 }));
    }
    if (v === null || v === undefined || v === '') continue;
    acc.present++;
    const text = exampleText(v);
    if (acc.examples.length < MAX_EXAMPLES && !acc.examples.includes(text)) acc.examples.push(text);
  }
}

function readError(file: string, err: unknown): AppError {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' || /no such file|not found/i.test(message) ? 'NOT_FOUND' : 'SOURCE_FORMAT';
  return new AppError(code, `cannot preview ${file}: ${message}`);
}

/**
 * A first mapping to start from: the generic reader's field names (created_at, user.email, ip...) found in the first
 * record, limited to fields the file really has and, for time, to a value that parses.
 */
function suggestMapping(first: unknown, names: ReadonlySet<string>): Record<string, string> {
  if (!isRecord(first)) return {};
  const index = new FieldIndex(first);
  const out: Record<string, string> = {};
  for (const [field, candidates] of Object.entries(FIELD_CANDIDATES)) {
    const found = index.find(candidates, field === 'time' ? (v) => parseEventTime(v) !== null : undefined);
    if (found && names.has(found.key) && !Object.values(out).includes(found.key)) out[field] = found.key;
  }
  return out;
}

export async function previewMapping(opts: {
  file: string;
  display?: string;
  mapping?: MappingProfile;
  limit: number;
  signal?: AbortSignal;
}): Promise<MappingPreview> {
  const display = opts.display ?? opts.file;
  let object = display;
  let ctx: DetectContext = { fileName: path.basename(display), csvHeader: null };
  let objects = 0;
  let truncated = false;
  const records: ReadRecord[] = [];
  const rows: PreviewRow[] = [];
  const fields = new Map<string, FieldAcc>();
  try {
    for await (const item of readObjectItems(opts.file, { signal: opts.signal, displayName: display })) {
      if (item.kind === 'object') {
        // Only the first object: a zip's other entries may be other shapes entirely.
        if (++objects > 1) {
          truncated = true;
          break;
        }
        object = item.name;
        ctx = { fileName: path.basename(item.name), csvHeader: item.csvHeader };
        for (const column of item.csvHeader ?? []) fields.set(column, { examples: [], present: 0 });
        continue;
      }
      if (rows.length >= opts.limit) {
        truncated = true;
        break;
      }
      if (item.kind === 'reject') {
        rows.push({ recordIndex: item.recordIndex, line: item.line, event: null, error: item.reason });
        continue;
      }
      records.push(item);
      collectFields(item.value, '', 0, fields);
      rows.push({ recordIndex: item.recordIndex, line: item.line, event: null, error: null });
    }
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    throw readError(display, err);
  }

  const kind = ctx.csvHeader ? 'csv' : 'json';
  const detected = records.length > 0 ? detectFormat(records.map((r) => r.value), ctx) : null;
  const module = opts.mapping ? mappedFormat(opts.mapping, kind) : null;
  let next = 0;
  for (const row of rows) {
    if (row.error !== null) continue;
    const record = records[next++];
    if (!module) continue;
    const result = module.normalize(record.value, ctx);
    if (!result.ok) {
      row.error = result.reason;
      continue;
    }
    const f = result.events[0];
    row.event = {
      time: f.time, actor: f.actor, actorType: f.actorType, action: f.action, category: f.category,
      targetType: f.targetType, target: f.target, outcome: f.outcome, severity: f.severity, sourceIp: f.sourceIp,
      userAgent: f.userAgent, location: f.location, sessionId: f.sessionId, vendorId: f.vendorId, summary: f.summary,
      notes: f.notes ?? [],
    };
  }

  const fieldList: PreviewField[] = [...fields].map(([name, acc]) => ({ name, examples: acc.examples, present: acc.present }));
  return {
    object,
    kind,
    detectedFormat: detected?.id ?? null,
    detectedLabel: detected?.label ?? null,
    fields: fieldList,
    suggested: suggestMapping(records[0]?.value, new Set(fields.keys())),
    rows,
    truncated,
  };
}
