import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../shared/contract/exports.js';
import type { AuditEvent } from '../../shared/model/event.js';
import { ExportCancelled, writeEvents } from '../../electron/backend/export/write-events.js';

function event(i: number): AuditEvent {
  return {
    id: `e${i}`, time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), receivedTime: null, format: 'json', source: 's',
    vendorId: null, actor: i === 1 ? '=cmd|calc' : `user${i}`, actorType: 'user', action: 'login', category: 'authentication',
    targetType: null, target: null, outcome: 'success', severity: 'info', sourceIp: null, userAgent: null, location: null,
    sessionId: null, summary: `line "${i}",\nnext`, raw: { n: i, text: 'ü, "q"' }, provenance: { object: '/f.jsonl', objectSha256: null, recordIndex: i },
  } as unknown as AuditEvent;
}

/** A sink with a tiny buffer that acknowledges writes asynchronously: every chunk meets backpressure. */
function slowSink() {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      setImmediate(cb);
    },
  });
  return { sink, bytes: () => Buffer.concat(chunks) };
}

function parse(format: ExportFormat, text: string): Record<string, unknown>[] {
  if (format === 'json') return JSON.parse(text);
  if (format === 'jsonl') return text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return Papa.parse<Record<string, unknown>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

describe('export writer', () => {
  for (const format of ['json', 'jsonl', 'csv'] as const) {
    for (const n of [0, 1, 3, 5000]) {
      it(`${format}, ${n} events: parses back to the same ids; rows, bytes and SHA-256 are those of the bytes written`, async () => {
        const { sink, bytes } = slowSink();
        const r = await writeEvents(sink, Array.from({ length: n }, (_, i) => event(i)), { format, query: 'q', limit: null });
        const out = bytes();
        expect(r).toEqual({ rows: n, bytes: out.length, sha256: createHash('sha256').update(out).digest('hex'), truncated: false });
        const records = parse(format, out.toString('utf8'));
        expect(records.map((x) => x.id)).toEqual(Array.from({ length: n }, (_, i) => `e${i}`));
        if (n > 1) expect(records[1].actor).toBe(format === 'csv' ? "'=cmd|calc" : '=cmd|calc');
        if (n > 0) expect(records[0].summary).toBe('line "0",\nnext');
      });
    }
  }

  it('stops at the limit and ends the file with a note only when more events match', async () => {
    for (const format of ['json', 'jsonl', 'csv'] as const) {
      const cut = slowSink();
      const r = await writeEvents(cut.sink, [0, 1, 2, 3].map(event), { format, query: 'actor:x', limit: 3 });
      expect(r).toMatchObject({ rows: 3, truncated: true });
      const records = parse(format, cut.bytes().toString('utf8'));
      expect(records).toHaveLength(4);
      expect(JSON.stringify(records[3])).toContain('TRUNCATED: only the first 3 matching events were exported (row limit)');
      const exact = slowSink();
      expect(await writeEvents(exact.sink, [0, 1, 2].map(event), { format, query: '', limit: 3 })).toMatchObject({ rows: 3, truncated: false });
      expect(parse(format, exact.bytes().toString('utf8'))).toHaveLength(3);
    }
  });

  it('stops with ExportCancelled once the signal is aborted', async () => {
    const { sink } = slowSink();
    const controller = new AbortController();
    const events = (function* () {
      for (let i = 0; ; i++) {
        if (i === 2000) controller.abort();
        yield event(i);
      }
    })();
    await expect(writeEvents(sink, events, { format: 'jsonl', query: '', limit: null, signal: controller.signal })).rejects.toBeInstanceOf(ExportCancelled);
  });

  it('reports a sink error instead of hanging', async () => {
    const sink = new Writable({ write: (_c, _e, cb) => cb(new Error('disk full')) });
    await expect(writeEvents(sink, Array.from({ length: 3000 }, (_, i) => event(i)), { format: 'jsonl', query: '', limit: null })).rejects.toThrow('disk full');
  });
});
