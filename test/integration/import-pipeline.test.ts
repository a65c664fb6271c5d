import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import type { Job } from '../../shared/contract/channels.js';
import { useTempDir } from '../helpers/temp.js';
import { writeDemoFile } from '../../electron/cli/commands/demo.js';
import { LOOKUP_INDEXES } from '../../electron/backend/store/lookup-indexes.js';

const tempDir = useTempDir();
const open: Backend[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.close();
});

function backendIn(dir: string, events: { event: string; payload: unknown }[] = []): Backend {
  const b = createBackend({ caseFile: path.join(dir, 'case.auditlens'), emit: (event, payload) => events.push({ event, payload }) });
  open.push(b);
  return b;
}

async function importPaths(b: Backend, paths: string[], names?: string[], source?: string): Promise<Job> {
  const { jobId } = await b.call('import:start', { paths, names, source });
  const running = b.context.jobs.list().find((j) => j.jobId === jobId);
  expect(running).toBeDefined();
  for (;;) {
    const job = b.context.jobs.list().find((j) => j.jobId === jobId)!;
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const line = (i: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: `e${i}`, timestamp: `2026-01-0${1 + (i % 9)}T10:00:0${i % 10}Z`, actor: `user${i}@example.com`, action: i % 2 ? 'LOGIN_FAILURE' : 'LOGIN_SUCCESS', outcome: i % 2 ? 'failure' : 'success', ip: `10.0.0.${i}`, ...extra });

describe('import pipeline (worker thread, real case file)', () => {
  it('imports valid JSONL records, stores a malformed line as a reject with its line, and emits progress', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'audit.jsonl');
    fs.writeFileSync(file, [line(1), line(2), '{"id": "broken", ', line(4)].join('\n') + '\n');
    const pushed: { event: string; payload: unknown }[] = [];
    const b = backendIn(dir, pushed);
    const job = await importPaths(b, [file]);
    expect(job.status).toBe('completed');
    expect(job.progress).toMatchObject({ records: 3, inserted: 3, rejects: 1 });
    const rejects = await b.call('rejects:list', { limit: 10 });
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ object: file, line: 3 });
    const [imp] = await b.call('imports:list', { limit: 10 });
    expect(imp).toMatchObject({ status: 'partial', records: 3, inserted: 3, rejects: 1 });
    expect(imp.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(pushed.some((p) => p.event === 'job:finished')).toBe(true);
    const page = await b.call('events:window', { query: 'outcome:failure', order: 'asc', offset: 0, limit: 10 });
    expect(page.rows.map((r) => r.actor)).toEqual(['user1@example.com']);
    const event = await b.call('events:get', { id: page.rows[0].id });
    expect(event.provenance).toMatchObject({ object: file, recordIndex: 0, line: 1 });
    expect(event.raw).toEqual(JSON.parse(line(1)));
  });

  it('adds nothing when the same file is imported again, and counts overlapping records as duplicates', async () => {
    const dir = tempDir();
    const first = path.join(dir, 'a.jsonl');
    const overlap = path.join(dir, 'b.jsonl');
    fs.writeFileSync(first, [1, 2, 3, 4].map((i) => line(i)).join('\n'));
    fs.writeFileSync(overlap, [3, 4, 5].map((i) => line(i)).join('\n'));
    const b = backendIn(dir);
    expect((await importPaths(b, [first])).progress.inserted).toBe(4);
    const again = await importPaths(b, [first]);
    expect(again.progress.inserted).toBe(0);
    expect((await b.call('imports:list', { limit: 1 }))[0]).toMatchObject({ status: 'skipped' });
    const second = await importPaths(b, [overlap]);
    expect(second.progress).toMatchObject({ inserted: 1, duplicates: 2 });
    expect((await b.call('case:info', {})).events).toBe(5);
  });

  it('maps the seed CSV export (occurredAt, actor, entityType, ...) including a quoted multi-line payload', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'audit-log.csv');
    fs.writeFileSync(
      file,
      'occurredAt,actor,entityType,entitySlug,entityVersion,action,engineVersion,clientIp,payload\n' +
        '2026-03-01T09:15:02Z,alice@example.com,Profile,payments-strict,3,ProfilePublished,,203.0.113.9,"{""note"":\n""stricter""}"\n' +
        '2026-03-01T09:20:00Z,API key: ci-token,Spec job,job-77,,SpecJobEnqueued,2.5.0,198.51.100.4,{}\n',
    );
    const b = backendIn(dir);
    const job = await importPaths(b, [file]);
    expect(job.progress).toMatchObject({ records: 2, inserted: 2, rejects: 0 });
    const { rows } = await b.call('events:window', { query: '', order: 'asc', offset: 0, limit: 10 });
    expect(rows[0]).toMatchObject({ format: 'entity-csv', actor: 'alice@example.com', action: 'ProfilePublished', targetType: 'Profile', target: 'payments-strict', sourceIp: '203.0.113.9', time: '2026-03-01T09:15:02.000Z' });
    const detail = await b.call('events:get', { id: rows[1].id });
    expect(detail.actorType).toBe('api_key');
    expect(detail.attributes).toMatchObject({ engineVersion: '2.5.0' });
  });

  it('reads gzip and zip containers, and names an unreadable path in a failed import row', async () => {
    const dir = tempDir();
    const gz = path.join(dir, 'audit.jsonl.gz');
    fs.writeFileSync(gz, zlib.gzipSync([1, 2, 3].map((i) => line(i)).join('\n')));
    const missing = path.join(dir, 'nope.json');
    const b = backendIn(dir);
    const job = await importPaths(b, [gz, missing]);
    expect(job.progress.inserted).toBe(3);
    const imports = await b.call('imports:list', { limit: 10 });
    const failed = imports.find((r) => r.status === 'failed')!;
    expect(failed.message).toContain(missing);
    expect(failed.message).toContain('no such file');
  });

  it('keeps names of uploaded files in provenance', async () => {
    const dir = tempDir();
    const stored = path.join(dir, '1700-abc-upload.jsonl');
    fs.writeFileSync(stored, line(1));
    const b = backendIn(dir);
    await importPaths(b, [stored], ['okta-export.jsonl']);
    const { rows } = await b.call('events:window', { query: '', order: 'asc', offset: 0, limit: 1 });
    expect((await b.call('events:get', { id: rows[0].id })).provenance.object).toBe('okta-export.jsonl');
  });

  it('cancels a big import (parse worker and writer), keeps whole batches, and a re-run completes it exactly', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.jsonl');
    // Large enough that the import is still running when the cancel lands, even on a slow machine.
    const total = 250_000;
    await writeDemoFile(file, total, 5, new Date('2026-06-01T00:00:00Z'));
    expect(fs.statSync(file).size).toBeGreaterThan(8 * 1024 * 1024); // big enough for the parse worker
    const pushed: { event: string; payload: unknown }[] = [];
    const b = backendIn(dir, pushed);
    const { jobId } = await b.call('import:start', { paths: [file] });
    // Cancel once the first batch is committed (its progress event says so).
    while (!pushed.some((p) => p.event === 'job:progress' && (p.payload as { inserted: number }).inserted > 0)) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await b.call('import:cancel', { jobId })).cancelled).toBe(true);
    let job = b.context.jobs.list().find((j) => j.jobId === jobId)!;
    while (job.status === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = b.context.jobs.list().find((j) => j.jobId === jobId)!;
    }
    expect(job.status).toBe('cancelled');
    const kept = (await b.call('case:info', {})).events;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(total);
    expect((await b.call('imports:list', { limit: 1 }))[0]).toMatchObject({ status: 'cancelled' });
    const rerun = await importPaths(b, [file]);
    expect(rerun.progress).toMatchObject({ inserted: total - kept, duplicates: kept });
    expect((await b.call('case:info', {})).events).toBe(total);
  });

  it('reports per source how many events lack each PCI DSS 10.2.2 element', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'partial.jsonl');
    fs.writeFileSync(file, [
      JSON.stringify({ timestamp: '2026-01-01T00:00:00Z', actor: 'a@x.io', action: 'LOGIN', outcome: 'success', ip: '10.0.0.1', target: 'app' }),
      JSON.stringify({ timestamp: '2026-01-02T00:00:00Z', action: 'EXPORT' }),
    ].join('\n'));
    const b = backendIn(dir);
    expect((await importPaths(b, [file], undefined, 'crm')).progress.inserted).toBe(2);
    expect(await b.call('sources:coverage', {})).toEqual([
      {
        source: 'crm', formats: ['json'], events: 2, firstTime: '2026-01-01T00:00:00.000Z', lastTime: '2026-01-02T00:00:00.000Z',
        missing: { user: 1, eventType: 0, time: 0, outcome: 1, origin: 1, resource: 1 },
      },
    ]);
  });

  it('a bulk import (parse worker, indexes built at the end) is complete and indexed; its re-import is skipped without touching the indexes', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bulk.jsonl');
    // Large enough for bulk mode (>= 100k events' worth of bytes) and the parse worker (>= 8 MB).
    await writeDemoFile(file, 110_000, 3, new Date('2026-06-30T00:00:00Z'));
    const events: { event: string; payload: unknown }[] = [];
    const b = backendIn(dir, events);
    const first = await importPaths(b, [file]);
    expect(first.status).toBe('completed');
    expect(first.progress.inserted).toBe(110_000);
    const indexes = () => (b.context.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_by_%' ORDER BY name`).pluck().all() as string[]);
    const built = indexes();
    expect(built).toEqual(expect.arrayContaining(Object.keys(LOOKUP_INDEXES)));
    // Every row reached the full-text index (fed in steps during the load) and the load left no marker behind.
    expect(() => b.context.db.exec(`INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)`)).not.toThrow();
    expect(b.context.db.prepare(`SELECT count(*) FROM case_meta WHERE key = 'bulk_load'`).pluck().get()).toBe(0);
    expect((await b.call('events:count', { query: '"logged in"', exact: true })).count).toBe(
      b.context.db.prepare(`SELECT count(*) FROM events WHERE summary LIKE '%logged in%'`).pluck().get(),
    );
    const sha = b.context.db.prepare('SELECT sha256 FROM imports WHERE status = ?').pluck().get('completed');
    expect(b.context.db.prepare('SELECT count(*) FROM events WHERE prov_sha256 IS NOT ?').pluck().get(sha)).toBe(0);

    const phases = () => events.filter((e) => e.event === 'job:progress').map((e) => (e.payload as { current: string | null }).current);
    events.length = 0;
    const again = await importPaths(b, [file]);
    expect(again.status).toBe('completed');
    expect(again.progress.inserted).toBe(0);
    expect(phases()).not.toContain('building indexes');
    expect(indexes()).toEqual(built);
    expect(b.context.db.prepare('SELECT status FROM imports ORDER BY id DESC LIMIT 1').pluck().get()).toBe('skipped');
  }, 120_000);
});
