import path from 'node:path';
import type { Severity } from '../../../shared/model/event.js';
import type { MappingProfile } from '../../../shared/model/mapping.js';
import { ipToKey } from '../../../shared/query/ip.js';
import type { RejectInsert } from '../store/queries/imports.js';
import type { EventInsert } from '../store/queries/insert-events.js';
import { detectFormat } from './formats/detect.js';
import { mappedFormat } from './formats/mapped.js';
import { memoByString } from './formats/memo.js';
import type { DetectContext, FormatModule } from './formats/types.js';
import { readObjectItems } from './readers/index.js';
import type { ReadRecord } from './readers/types.js';

/**
 * Read -> detect -> normalize for one file, in chunks ready for the writer. Runs in the parse worker so parsing
 * and SQLite writing use both cores. Every record becomes events or a reject; nothing is dropped here.
 */

export interface ParseRequest {
  file: string;
  /** Name used in provenance (uploaded files keep their original name). */
  display: string;
  source: string;
  /** SHA-256 of the file for provenance; null when parsing starts before hashing ends (the writer stamps it). */
  sha256: string | null;
  chunkSize: number;
  /** The analyst's field mapping: used for every record instead of format detection. */
  mapping?: MappingProfile;
}

/** A reject as the writer stores it, before it knows its import row. */
export type ParsedReject = Omit<RejectInsert, 'importId'>;

/** An event before its identity (id and content hash, ingest/event-id.ts) and its import row. */
export interface ParsedEvent extends Omit<EventInsert, 'id' | 'contentHash'> {
  /** Position of this event among the events of its record (a record can expand into several). */
  expansionIndex: number;
  expansionOf: number;
}

export interface ParseChunk {
  events: ParsedEvent[];
  rejects: ParsedReject[];
  /** Records read in this chunk (events can outnumber them when a record expands). */
  records: number;
  formats: string[];
  /** On-disk bytes consumed so far. */
  bytesRead: number;
}

const SAMPLE_SIZE = 20;

/**
 * One rule over every format, applied after the vendor's own mapping: a failed authentication is critical (seed 003:
 * failed sign-ins are what an analyst must see first), whatever severity the vendor module chose.
 */
function severityOf(f: { category: string; outcome: string; severity: Severity }): Severity {
  return f.category === 'authentication' && f.outcome === 'failure' ? 'critical' : f.severity;
}
const ipKeyOf = memoByString(ipToKey);

export async function* parseFile(req: ParseRequest, signal: AbortSignal): AsyncGenerator<ParseChunk> {
  let chunk: ParseChunk = { events: [], rejects: [], records: 0, formats: [], bytesRead: 0 };
  let bytesRead = 0;
  let objectName = req.display;
  let ctx: DetectContext = { fileName: path.basename(req.display), csvHeader: null };
  let format = null as FormatModule | null;
  let sample: ReadRecord[] = [];

  const reject = (loc: { line: number | null; recordIndex: number | null; byteOffset: number | null }, reason: string, excerpt: string) => {
    chunk.rejects.push({ object: objectName, line: loc.line, recordIndex: loc.recordIndex, byteOffset: loc.byteOffset, reason, excerpt: excerpt.slice(0, 500) });
  };
  const handle = (record: ReadRecord, module: FormatModule) => {
    chunk.records++;
    const result = module.normalize(record.value, ctx);
    if (!result.ok) {
      reject(record, `${module.id}: ${result.reason}`, record.text);
      return;
    }
    const expansions = result.events.length;
    for (let index = 0; index < expansions; index++) {
      const f = result.events[index];
      // Spelled out rather than spread: this runs once per event and object spreads dominated the profile.
      chunk.events.push({
        expansionIndex: index, expansionOf: expansions, ts: f.ts, time: f.time, receivedTime: f.receivedTime, format: module.id, source: req.source,
        vendorId: f.vendorId, actor: f.actor, actorType: f.actorType, action: f.action, category: f.category,
        targetType: f.targetType, target: f.target, outcome: f.outcome, severity: severityOf(f), sourceIp: f.sourceIp,
        ipKey: f.sourceIp ? ipKeyOf(f.sourceIp) : null, userAgent: f.userAgent, location: f.location,
        sessionId: f.sessionId, summary: f.summary, raw: record.text, provObject: objectName,
        provSha256: req.sha256, provIndex: record.recordIndex, provLine: record.line, importId: null,
        notes: f.notes?.length ? JSON.stringify(f.notes) : null,
        attributes: f.attributes && Object.keys(f.attributes).length ? JSON.stringify(f.attributes) : null,
      });
    }
  };
  const drainSample = () => {
    if (sample.length === 0) return;
    format = detectFormat(sample.map((r) => r.value), ctx);
    if (!chunk.formats.includes(format.id)) chunk.formats.push(format.id);
    for (const r of sample) handle(r, format);
    sample = [];
  };
  const take = (): ParseChunk => {
    const full = { ...chunk, bytesRead };
    chunk = { events: [], rejects: [], records: 0, formats: [], bytesRead };
    return full;
  };

  for await (const item of readObjectItems(req.file, { signal, displayName: req.display, onBytes: (n) => (bytesRead = n) })) {
    if (item.kind === 'object') {
      drainSample();
      objectName = item.name;
      ctx = { fileName: path.basename(item.name), csvHeader: item.csvHeader };
      format = req.mapping ? mappedFormat(req.mapping, item.csvHeader ? 'csv' : 'json') : null;
      if (format && !chunk.formats.includes(format.id)) chunk.formats.push(format.id);
    } else if (item.kind === 'reject') {
      reject(item, item.reason, item.excerpt);
    } else if (format) {
      handle(item, format);
    } else {
      sample.push(item);
      if (sample.length >= SAMPLE_SIZE) drainSample();
    }
    if (chunk.events.length >= req.chunkSize || chunk.rejects.length >= req.chunkSize) yield take();
  }
  drainSample();
  yield take();
}
