import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Job, JobProgress } from '../../shared/contract/channels.js';
import type { ExportRow } from '../../shared/contract/exports.js';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { migrate } from '../../electron/backend/store/migrations/index.js';
import { createEventWriter } from '../../electron/backend/store/queries/insert-events.js';
import { startWebHost, type WebHost } from '../../electron/web/server.js';
import { cli } from '../helpers/cli.js';
import { makeEvent } from '../helpers/events.js';
import { useTempDir } from '../helpers/temp.js';
import { webGet } from '../helpers/web-get.js';

const tempDir = useTempDir('auditlens-exports-');
const open: { backend: Backend; host?: WebHost }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.host?.close();
    await o.backend.close();
  }
});

const T0 = Date.UTC(2026, 2, 1, 9);
/** Every 4th event fails; texts carry what a CSV or JSON writer must escape (quotes, commas, newlines, formulas). */
function seedEvents(n: number, rawPad = 0) {
  return Array.from({ length: n }, (_, i) =>
    makeEvent({
      ts: T0 + Math.floor(i / 2) * 1000, // pairs share a timestamp: the order must break ties
      outcome: i % 4 === 0 ? 'failure' : 'success',
      actor: i % 3 === 0 ? '=HYPERLINK("http://evil")' : `user${i}@example.com`,
      summary: `user${i} did "thing", then\nmore`,
      raw: JSON.stringify({ n: i, note: 'naïve, "quoted"', pad: 'x'.repeat(rawPad) }),
    }),
  );
}

interface Harness {
  backend: Backend;
  caseFile: string;
  dir: string;
  finished(jobId: string): Promise<Job>;
  firstProgress(jobId: string): Promise<JobProgress>;
}

function harness(events: number, rawPad = 0): Harness {
  const dir = tempDir();
  const caseFile = path.join(dir, 'case.auditlens');
  const finished = new Map<string, Job>();
  const progress = new Map<string, JobProgress>();
  const waiters: (() => void)[] = [];
  const backend = createBackend({
    caseFile,
    emit: (event, payload) => {
      if (event === 'job:finished') finished.set((payload as Job).jobId, payload as Job);
      if (event === 'job:progress' && !progress.has((payload as JobProgress).jobId)) progress.set((payload as JobProgress).jobId, payload as JobProgress);
      waiters.splice(0).forEach((w) => w());
    },
  });
  open.push({ backend });
  createEventWriter(backend.context.db).write(seedEvents(events, rawPad));
  const until = <T>(get: () => T | undefined) =>
    new Promise<T>((resolve) => {
      const check = () => {
        const v = get();
        if (v !== undefined) resolve(v);
        else waiters.push(check);
      };
      check();
    });
  return {
    backend, caseFile, dir,
    finished: (jobId) => until(() => finished.get(jobId)),
    firstProgress: (jobId) => until(() => progress.get(jobId)),
  };
}

/** The ids the query selects, straight from SQL (independent of the export code). */
function expectedIds(h: Harness, outcome: string | null, order: 'asc' | 'desc'): string[] {
  const where = outcome ? `WHERE outcome = '${outcome}'` : '';
  return (h.backend.context.db.prepare(`SELECT id FROM events ${where} ORDER BY ts ${order}, rowid ${order}`).all() as { id: string }[]).map((r) => r.id);
}

function idsInFile(file: string, format: 'csv' | 'json' | 'jsonl'): { ids: string[]; records: Record<string, unknown>[] } {
  const text = fs.readFileSync(file, 'utf8');
  let records: Record<string, unknown>[];
  if (format === 'jsonl') records = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  else if (format === 'json') records = JSON.parse(text);
  else records = Papa.parse<Record<string, unknown>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  return { ids: records.map((r) => String(r.id)), records };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

async function exportAndWait(h: Harness, input: Record<string, unknown>) {
  const started = await h.backend.call('export:start', input);
  const job = await h.finished(started.jobId);
  return { ...started, job, row: await h.backend.call('export:get', { id: started.exportId }) };
}

describe('migration 0002-exports', () => {
  it('adds the exports table to a v1 case and enforces status, format and origin', () => {
    const db = new Database(path.join(tempDir(), 'm.auditlens'));
    expect(migrate(db, 1)).toBe(1);
    expect(migrate(db, 2)).toBe(2);
    const insert = (status: string, format: string, origin: string) =>
      db.prepare(`INSERT INTO exports (name, format, query, sort_order, out_path, status, origin, started_at) VALUES ('n', ?, '', 'asc', '/x', ?, ?, 'now')`).run(format, status, origin);
    expect(() => insert('completed', 'csv', 'ui')).not.toThrow();
    expect(() => insert('done', 'csv', 'ui')).toThrow(/CHECK/);
    expect(() => insert('completed', 'xlsx', 'ui')).toThrow(/CHECK/);
    expect(() => insert('completed', 'csv', 'api')).toThrow(/CHECK/);
    db.close();
  });
});

describe('export job', () => {
  for (const format of ['csv', 'json', 'jsonl'] as const) {
    it(`writes exactly the rows the query selects, in the view's order, as ${format}, and records them`, async () => {
      const h = harness(3_001);
      const { job, row, outPath } = await exportAndWait(h, { name: `failures ${format}`, format, query: 'outcome:failure', order: 'desc' });
      expect(job).toMatchObject({ kind: 'export', status: 'completed' });
      expect(outPath).toBe(path.join(`${h.caseFile}.exports`, `failures ${format}.${format}`));
      const want = expectedIds(h, 'failure', 'desc');
      expect(want.length).toBe(751);
      const { ids, records } = idsInFile(outPath, format);
      expect(ids).toEqual(want);
      expect(records[0]).toMatchObject({ outcome: 'failure', summary: expect.stringContaining('"thing", then\nmore') });
      if (format === 'csv') expect(records.find((r) => String(r.actor).includes('HYPERLINK'))?.actor).toBe(`'=HYPERLINK("http://evil")`);
      else expect(records.find((r) => String(r.actor).includes('HYPERLINK'))?.actor).toBe('=HYPERLINK("http://evil")');
      expect(row).toMatchObject({
        name: `failures ${format}`, format, query: 'outcome:failure', order: 'desc', outPath, rows: 751, status: 'completed',
        error: null, rowLimit: null, truncated: false, origin: 'ui', bytes: fs.statSync(outPath).size, sha256: sha256(outPath),
      });
      expect(row.finishedAt).not.toBeNull();
      expect(fs.existsSync(`${outPath}.partial`)).toBe(false);
    });
  }

  it('exports an empty result as a valid empty file, and picks a free name when the name is taken', async () => {
    const h = harness(10);
    const a = await exportAndWait(h, { name: 'none', format: 'json', query: 'actor:nobody', order: 'asc' });
    expect(JSON.parse(fs.readFileSync(a.outPath, 'utf8'))).toEqual([]);
    const b = await exportAndWait(h, { name: 'none', format: 'json', query: 'actor:nobody', order: 'asc' });
    expect(path.basename(b.outPath)).toBe('none (2).json');
    const list = await h.backend.call('export:list', {});
    expect(list.map((r) => [r.id, r.rows, r.status])).toEqual([[b.exportId, 0, 'completed'], [a.exportId, 0, 'completed']]);
  });

  it('flags a row limit in the history and at the end of the file, for every format', async () => {
    const h = harness(40);
    for (const format of ['jsonl', 'json', 'csv'] as const) {
      const { row, outPath } = await exportAndWait(h, { name: `first5-${format}`, format, query: '', order: 'asc', limit: 5 });
      expect(row).toMatchObject({ rows: 5, rowLimit: 5, truncated: true, status: 'completed' });
      const { ids, records } = idsInFile(outPath, format);
      expect(ids.slice(0, 5)).toEqual(expectedIds(h, null, 'asc').slice(0, 5));
      expect(records).toHaveLength(6);
      const note = JSON.stringify(records[5]);
      expect(note).toMatch(/TRUNCATED: only the first 5 matching events were exported/);
    }
    const whole = await exportAndWait(h, { name: 'all-under-limit', format: 'jsonl', query: '', order: 'asc', limit: 40 });
    expect(whole.row).toMatchObject({ rows: 40, rowLimit: 40, truncated: false });
    expect(fs.readFileSync(whole.outPath, 'utf8')).not.toContain('auditlensExportNote');
  });

  it('records a failure as failed with the reason, and leaves no file', async () => {
    const h = harness(20);
    const outPath = path.join(h.dir, 'blocked.csv');
    fs.mkdirSync(`${outPath}.partial`); // the temp file cannot be created: a folder is in the way
    const { job, row } = await exportAndWait(h, { name: 'blocked', format: 'csv', query: '', order: 'asc', outPath });
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/EISDIR/);
    expect(row).toMatchObject({ status: 'failed', rows: 0, sha256: null, outPath });
    expect(row.error).toMatch(/cannot write .*blocked\.csv: EISDIR/);
    expect(fs.existsSync(outPath)).toBe(false);
  });

  it('refuses bad input before any history row: a query that does not parse, a bad name, an existing file', async () => {
    const h = harness(5);
    await expect(h.backend.call('export:start', { name: 'x', format: 'csv', query: 'actor:(' })).rejects.toMatchObject({ code: 'QUERY_SYNTAX' });
    await expect(h.backend.call('export:start', { name: '../etc/x', format: 'csv', query: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(h.backend.call('export:start', { name: 'x', format: 'xlsx', query: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const existing = path.join(h.dir, 'taken.csv');
    fs.writeFileSync(existing, 'keep me');
    await expect(h.backend.call('export:start', { name: 'x', format: 'csv', query: '', outPath: existing })).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
    expect(await h.backend.call('export:list', {})).toEqual([]);
  });

  it('cancels mid-export: recorded as cancelled, partial file removed, progress seen', async () => {
    const h = harness(40_000, 1_000); // about 45 MB of JSON: far more than one progress interval
    const { jobId, exportId, outPath } = await h.backend.call('export:start', { name: 'big', format: 'json', query: '', order: 'asc' });
    const first = await h.firstProgress(jobId);
    expect(first).toMatchObject({ kind: 'export', current: 'big.json' });
    expect(first.records).toBeGreaterThan(0);
    expect(first.records).toBeLessThan(40_000);
    expect(await h.backend.call('export:cancel', { jobId })).toEqual({ cancelled: true });
    expect((await h.finished(jobId)).status).toBe('cancelled');
    const row = await h.backend.call('export:get', { id: exportId });
    expect(row).toMatchObject({ status: 'cancelled', sha256: null });
    expect(row.error).toMatch(/cancelled/);
    expect(fs.existsSync(outPath)).toBe(false);
    expect(fs.existsSync(`${outPath}.partial`)).toBe(false);
  });
});

describe('CLI export', () => {
  it('writes through the same writer and records the export in the same history (file and stdout)', async () => {
    const h = harness(200);
    const want = expectedIds(h, 'failure', 'asc');
    await h.backend.close();
    open.length = 0;
    const out = path.join(h.dir, 'cli-failures.json');
    const r = cli(['export', '--case', h.caseFile, 'outcome:failure', '--format', 'json', '--out', out, '--name', 'from the cli']);
    expect(r.stderr).toMatch(/exported 50 events to .*cli-failures\.json/);
    expect(r.code).toBe(0);
    expect(idsInFile(out, 'json').ids).toEqual(want);
    const piped = cli(['export', '--case', h.caseFile, 'outcome:failure', '--format', 'jsonl', '--limit', '3']);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toMatch(/only the first 3 were exported/);
    expect(piped.stdout.trim().split('\n').map((l) => JSON.parse(l).id).slice(0, 3)).toEqual(want.slice(0, 3));

    const db = new Database(h.caseFile, { readonly: true });
    const rows = db.prepare('SELECT name, format, origin, rows, bytes, sha256, status, out_path AS outPath, row_limit AS rowLimit, truncated FROM exports ORDER BY id').all() as (Omit<ExportRow, 'truncated'> & { truncated: number })[];
    db.close();
    expect(rows[0]).toMatchObject({ name: 'from the cli', format: 'json', origin: 'cli', rows: 50, status: 'completed', outPath: out, bytes: fs.statSync(out).size, sha256: sha256(out), truncated: 0 });
    expect(rows[1]).toMatchObject({ format: 'jsonl', origin: 'cli', rows: 3, status: 'completed', outPath: '(stdout)', rowLimit: 3, truncated: 1 });
    expect(rows[1].sha256).toBe(createHash('sha256').update(piped.stdout).digest('hex'));

    const listed = cli(['exports', '--case', h.caseFile]);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('\tcompleted\tcli\tfrom the cli\tjson\t50\t');
    expect(lines[2]).toContain('3 (truncated)');
  });

  it('answers a usage error for a missing or unknown format', () => {
    const dir = tempDir();
    const r = cli(['export', '--case', path.join(dir, 'c.auditlens'), '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format jsonl\|csv\|json is required/);
  });
});

const get = webGet;

describe('download endpoint (web host)', () => {
  it('streams a completed export as an attachment with the token (header or ?token=), refuses without it', async () => {
    const h = harness(30);
    const host = await startWebHost({ backend: h.backend, port: 0, staticDir: h.dir });
    open[open.length - 1].host = host;
    const { exportId, outPath } = await exportAndWait(h, { name: 'für prüfer', format: 'csv', query: '', order: 'desc' });
    const url = `/api/exports/${exportId}/download`;
    expect((await get(host, url)).status).toBe(401);
    expect((await get(host, `${url}?token=wrong`)).status).toBe(401);
    expect((await get(host, `${url}?token=${host.token}`, { origin: 'http://evil.example' })).status).toBe(403);

    const viaHeader = await get(host, url, { 'x-auditlens-token': host.token });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body.equals(fs.readFileSync(outPath))).toBe(true);
    expect(viaHeader.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(viaHeader.headers['content-disposition']).toBe(`attachment; filename="f_r pr_fer.csv"; filename*=UTF-8''f%C3%BCr%20pr%C3%BCfer.csv`);
    expect(viaHeader.headers['x-auditlens-sha256']).toBe(sha256(outPath));
    const viaQuery = await get(host, `${url}?token=${host.token}`);
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.body.equals(viaHeader.body)).toBe(true);

    expect((await get(host, `/api/exports/999/download?token=${host.token}`)).status).toBe(404);
    fs.appendFileSync(outPath, 'tampered');
    const changed = await get(host, `${url}?token=${host.token}`);
    expect(changed.status).toBe(409);
    expect(JSON.parse(changed.body.toString()).error.message).toMatch(/changed since it was written/);
    fs.rmSync(outPath);
    expect((await get(host, `${url}?token=${host.token}`)).status).toBe(410);
  });

  it('refuses to serve an export that did not complete', async () => {
    const h = harness(5);
    const host = await startWebHost({ backend: h.backend, port: 0, staticDir: h.dir });
    open[open.length - 1].host = host;
    const outPath = path.join(h.dir, 'x.csv');
    fs.mkdirSync(`${outPath}.partial`);
    const { exportId } = await exportAndWait(h, { name: 'x', format: 'csv', query: '', order: 'asc', outPath });
    const r = await get(host, `/api/exports/${exportId}/download?token=${host.token}`);
    expect(r.status).toBe(409);
    expect(JSON.parse(r.body.toString()).error.message).toMatch(/is failed/);
  });
});
