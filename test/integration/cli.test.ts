import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDemoFile } from '../../electron/cli/commands/demo.js';
import { LOOKUP_INDEXES } from '../../electron/backend/store/lookup-indexes.js';
import { openCase } from '../../electron/backend/store/open.js';
import { EXPORT_FIELDS } from '../../shared/model/event.js';
import { cli, cliProcess } from '../helpers/cli.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();

describe('auditlens CLI', () => {
  it('demo builds a case whose failed logins the query finds', () => {
    const caseFile = path.join(tempDir(), 'd.auditlens');
    const demo = cli(['demo', '--case', caseFile, '--events', '3000', '--end', '2026-06-01T00:00:00Z']);
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/completed: 3000 records read, 3000 new events/);
    const q = cli(['query', '--case', caseFile, 'outcome:failure action:LOGIN*', '--limit', '5']);
    expect(q.code).toBe(0);
    const rows = q.stdout.trim().split('\n').slice(1);
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r).toMatch(/failure .*LOGIN_FAILURE/);
  });

  it('writes JSONL with exactly the public field names, and CSV with BOM and the same rows', () => {
    const dir = tempDir();
    const caseFile = path.join(dir, 'd.auditlens');
    cli(['demo', '--case', caseFile, '--events', '500', '--end', '2026-06-01T00:00:00Z']);
    const jsonl = cli(['export', '--case', caseFile, 'severity:critical', '--format', 'jsonl']);
    expect(jsonl.code).toBe(0);
    const lines = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const e of lines) {
      // The DESIGN.md fields in order, then the analyst's annotations (appended, never interleaved).
      expect(Object.keys(e)).toEqual([...EXPORT_FIELDS, 'starred', 'tags', 'comments']);
      expect(e.severity).toBe('critical');
      expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    const out = path.join(dir, 'critical.csv');
    expect(cli(['export', '--case', caseFile, 'severity:critical', '--format', 'csv', '--out', out]).code).toBe(0);
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFid,time,')).toBe(true);
    expect(csv.trim().split('\r\n')).toHaveLength(lines.length + 1);
    const journal = cli(['journal', '--case', caseFile, '--verify']);
    expect(journal.stdout).toMatch(/journal OK: \d+ entries/);
  });

  it('answers usage errors with exit 2 and one line, failures with exit 1', () => {
    const dir = tempDir();
    const usage = cli(['query']);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
    expect(usage.stderr).toContain('--case FILE is required');
    expect(cli(['frobnicate']).code).toBe(2);
    const missing = cli(['query', '--case', path.join(dir, 'none.auditlens')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/case file not found: .*none\.auditlens/);
    const caseFile = path.join(dir, 'q.auditlens');
    cli(['demo', '--case', caseFile, '--events', '100']);
    const syntax = cli(['query', '--case', caseFile, 'actor:bob (']);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/column \d+/);
  });

  it('imports unknown CSV columns through --mapping FILE, and says what is wrong with a bad mapping', () => {
    const dir = tempDir();
    const csv = path.join(dir, 'crm.csv');
    fs.writeFileSync(csv, 'ts_utc,principal_name,verb_name,client_addr\n2026-02-03T04:05:06Z,alice@example.com,export.run,198.51.100.2\n');
    const withoutMapping = cli(['import', csv, '--case', path.join(dir, 'a.auditlens')]);
    expect(withoutMapping.stdout).toMatch(/0 new events, 0 duplicates, 1 rejects/);
    const mapping = path.join(dir, 'crm.mapping.json');
    fs.writeFileSync(mapping, JSON.stringify({ name: 'crm', fields: { time: 'ts_utc', actor: 'principal_name', action: 'verb_name', sourceIp: 'client_addr' } }));
    const caseFile = path.join(dir, 'b.auditlens');
    const mapped = cli(['import', csv, '--case', caseFile, '--mapping', mapping]);
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toMatch(/1 new events, 0 duplicates, 0 rejects/);
    const [event] = cli(['query', '--case', caseFile, '--format', 'jsonl']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(event).toMatchObject({ format: 'csv', actor: 'alice@example.com', action: 'export.run', sourceIp: '198.51.100.2', time: '2026-02-03T04:05:06.000Z' });
    fs.writeFileSync(mapping, JSON.stringify({ fields: { actor: 'principal_name' } }));
    const bad = cli(['import', csv, '--case', caseFile, '--mapping', mapping]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--mapping .*crm\.mapping\.json: fields\.time: .*time is required/);
  });

  it('a kill -9 mid-import leaves a consistent case that a re-run completes without duplicates', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.jsonl');
    const total = 150_000;
    await writeDemoFile(file, total, 3, new Date('2026-06-01T00:00:00Z'));
    const caseFile = path.join(dir, 'k.auditlens');
    const child = cliProcess(['import', file, '--case', caseFile]);
    // Kill as soon as some batches are committed (read through a separate connection, as the UI would).
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      if (!fs.existsSync(caseFile)) continue;
      const db = new Database(caseFile, { readonly: true, fileMustExist: true });
      let n = 0;
      try {
        n = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
      } catch {
        n = 0;
      }
      db.close();
      if (n > 0) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = new Database(caseFile, { readonly: true });
    const kept = (partial.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    expect(partial.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(partial.prepare(`SELECT count(*) FROM case_meta WHERE key = 'bulk_load'`).pluck().get()).toBe(1);
    partial.close();
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(total);
    expect(kept % 2000).toBe(0); // whole batches only

    // The killed bulk load left the lookup indexes dropped and the full-text index behind; any later open completes
    // both (its process is gone), so the kept rows are searchable before the re-run.
    const reopened = openCase(caseFile);
    expect(reopened.prepare(`SELECT count(*) FROM case_meta WHERE key = 'bulk_load'`).pluck().get()).toBe(0);
    expect(() => reopened.exec(`INSERT INTO events_fts(events_fts, rank) VALUES ('integrity-check', 1)`)).not.toThrow();
    const indexes = reopened.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(Object.keys(LOOKUP_INDEXES)));
    reopened.close();

    const rerun = cli(['import', file, '--case', caseFile]);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`${total - kept} new events, ${kept} duplicates`);
    const db = new Database(caseFile, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n).toBe(total);
    const statuses = (db.prepare('SELECT status, message FROM imports ORDER BY id').all() as { status: string; message: string }[]);
    expect(statuses[0].status).toBe('failed');
    expect(statuses[0].message).toContain('interrupted');
    expect(statuses[1].status).toBe('completed');
    db.close();
  });
});
