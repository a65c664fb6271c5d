import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { PackRequest } from '../../shared/contract/packs.js';
import { buildPack } from '../../electron/backend/packs/build.js';
import { PACK_CSV_COLUMNS, expectedCsvCells } from '../../electron/backend/packs/pack-rows.js';
import { previewPack } from '../../electron/backend/packs/plan.js';
import { migrate } from '../../electron/backend/store/migrations/index.js';
import { appendJournal } from '../../electron/backend/store/queries/journal.js';
import { HOSTILE, makePackCase, PERIOD, readZip } from '../helpers/pack-case.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir('auditlens-packs-');
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const never = new AbortController().signal;

async function build(dir: string, request: PackRequest, name = 'pack.zip') {
  const { backend, fixture } = await makePackCase(dir);
  const out = path.join(dir, name);
  try {
    const result = await buildPack(backend.context.db, request, out, never);
    return { result, out, entries: await readZip(out), fixture, preview: previewPack(backend.context.db, request) };
  } finally {
    await backend.close();
  }
}

const jsonl = (buf: Buffer) => buf.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('evidence pack layout (BagIt, RFC 8493)', () => {
  it('holds the listed files in a fixed order, with manifests, Payload-Oxum and completeness that check out', async () => {
    const dir = tempDir();
    const { entries, result, fixture, preview } = await build(dir, { type: 'access-review', ...PERIOD });
    expect([...entries.keys()]).toEqual([
      'bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt', 'verify.py', 'data/events.csv',
      'data/events.jsonl', 'data/summary.csv', 'data/summary.json', 'data/query.json', 'data/completeness.json',
      'data/report.html', 'data/journal.jsonl',
    ]);
    expect(entries.get('bagit.txt')!.toString()).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const payload = [...entries].filter(([n]) => n.startsWith('data/'));
    const manifest = payload.map(([n, b]) => `${sha(b)}  ${n}\n`).join('');
    expect(entries.get('manifest-sha256.txt')!.toString()).toBe(manifest);
    const tags = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'verify.py'].map((n) => `${sha(entries.get(n)!)}  ${n}\n`).join('');
    expect(entries.get('tagmanifest-sha256.txt')!.toString()).toBe(tags);
    const info = entries.get('bag-info.txt')!.toString();
    expect(info).toContain(`Payload-Oxum: ${payload.reduce((s, [, b]) => s + b.length, 0)}.${payload.length}\n`);
    expect(info).toContain('Bagging-Date: 2026-07-01\n');
    expect(info).toMatch(/^Source-Organization: .+$/m);
    expect(info).toMatch(/^External-Identifier: auditlens-access-review-[0-9a-f]{16}$/m);
    expect(info).toContain('Pack-Period: 2026-06-01T00:00:00.000Z/2026-07-01T00:00:00.000Z\n');

    const events = jsonl(entries.get('data/events.jsonl')!);
    expect(events.length).toBe(result.events);
    expect(events.length).toBe(preview.total);
    expect(events.every((e) => ['authentication', 'user_management', 'authorization'].includes(e.category as string))).toBe(true);
    expect(events.map((e) => e.time)).toEqual([...events.map((e) => e.time as string)].sort());
    expect(Object.keys(events[0])).toEqual(PACK_CSV_COLUMNS);

    const query = JSON.parse(entries.get('data/query.json')!.toString());
    expect(query.generatedAt).toBe(PERIOD.to);
    expect(query.populations.map((p: { name: string; selected: number }) => [p.name, p.selected])).toEqual(
      preview.populations.map((p) => [p.name, p.count]),
    );
    expect(query.populations[0].query).toBe('time>=2026-06-01T00:00:00.000Z time<2026-07-01T00:00:00.000Z (category:authentication)');

    const complete = JSON.parse(entries.get('data/completeness.json')!.toString());
    expect(complete.imports).toHaveLength(1);
    expect(complete.imports[0].sha256).toBe(sha(fs.readFileSync(fixture)));
    expect(complete.imports[0].eventsInPack).toBe(events.length);
    expect(complete.totals).toMatchObject({ duplicatesDropped: 1, rejects: 1 });
    expect(complete.rejectReasons).toHaveLength(1);
    expect(complete.events.inPack).toBe(events.length);
    expect(complete.events.excluded[0].events).toBe(complete.events.inPeriodAndSources - events.length);
    expect(complete.journalIntegrity.ok).toBe(true);
    expect(complete.pulledSources).toEqual({ s3Objects: [], s3IntegrityGaps: [], apiCheckpoints: [], apiPulls: [] });

    const journal = jsonl(entries.get('data/journal.jsonl')!);
    expect(journal.map((j) => j.action)).toEqual(['import']);

    const users = JSON.parse(entries.get('data/summary.json')!.toString()).users as { user: string; loginFailures: number }[];
    const failures = events.filter((e) => e.category === 'authentication' && e.outcome === 'failure' && e.actor === 'alice@example.com').length;
    expect(users.find((u) => u.user === 'alice@example.com')!.loginFailures).toBe(failures);
    expect(entries.get('data/summary.csv')!.toString().startsWith('\uFEFFuser,events,logins,loginFailures,lastLogin')).toBe(true);
  });

  it("reports the PCI DSS 10.2.2 coverage of the pack's own period, not of the whole case", async () => {
    const dir = tempDir();
    const { backend } = await makePackCase(dir);
    try {
      const period = { from: '2026-06-20T00:00:00.000Z', to: '2026-06-22T00:00:00.000Z' };
      const out = path.join(dir, 'narrow.zip');
      await buildPack(backend.context.db, { type: 'incident-response', ...period }, out, never);
      const complete = JSON.parse((await readZip(out)).get('data/completeness.json')!.toString());
      const coverage = complete.sourceCoverage as { events: number; firstTime: string; lastTime: string; missing: { outcome: number } }[];
      const inPeriod = backend.context.db
        .prepare(`SELECT count(*) AS n, sum(outcome = 'unknown') AS unknown FROM events WHERE ts >= ? AND ts < ?`)
        .get(Date.parse(period.from), Date.parse(period.to)) as { n: number; unknown: number };
      const wholeCase = backend.context.db.prepare('SELECT count(*) FROM events').pluck().get() as number;
      expect(inPeriod.n).toBeGreaterThan(0);
      expect(inPeriod.n).toBeLessThan(wholeCase);
      expect(coverage.reduce((n, c) => n + c.events, 0)).toBe(inPeriod.n);
      expect(complete.events.inPeriodAndSources).toBe(inPeriod.n);
      expect(coverage.reduce((n, c) => n + c.missing.outcome, 0)).toBe(inPeriod.unknown);
      for (const c of coverage) {
        expect(c.firstTime >= period.from && c.lastTime < period.to).toBe(true);
      }
    } finally {
      await backend.close();
    }
  });

  it('is byte-identical when rebuilt from the same case, even after the first build was journaled', async () => {
    const dir = tempDir();
    const { backend } = await makePackCase(dir);
    try {
      const request: PackRequest = { type: 'incident-response', ...PERIOD };
      const a = await buildPack(backend.context.db, request, path.join(dir, 'a.zip'), never);
      appendJournal(backend.context.db, 'pack.build', { sha256: a.sha256 });
      const b = await buildPack(backend.context.db, request, path.join(dir, 'b.zip'), never);
      expect(b.sha256).toBe(a.sha256);
      expect(fs.readFileSync(path.join(dir, 'b.zip')).equals(fs.readFileSync(path.join(dir, 'a.zip')))).toBe(true);
      const c = await buildPack(backend.context.db, { ...request, generatedAt: '2026-07-02T00:00:00Z' }, path.join(dir, 'c.zip'), never);
      expect(c.sha256).not.toBe(a.sha256);
    } finally {
      await backend.close();
    }
  });

  it('samples N per population deterministically: the same seed draws the same events, another seed others', async () => {
    const dir = tempDir();
    const { backend } = await makePackCase(dir);
    try {
      const run = async (seed: number, name: string) => {
        const req: PackRequest = { type: 'change-management', ...PERIOD, sample: { n: 5, seed } };
        await buildPack(backend.context.db, req, path.join(dir, name), never);
        const entries = await readZip(path.join(dir, name));
        return { ids: jsonl(entries.get('data/events.jsonl')!).map((e) => e.id), query: JSON.parse(entries.get('data/query.json')!.toString()) };
      };
      const one = await run(11, 'one.zip');
      const again = await run(11, 'again.zip');
      const other = await run(12, 'other.zip');
      expect(again.ids).toEqual(one.ids);
      expect(other.ids).not.toEqual(one.ids);
      expect(one.query.sample).toMatchObject({ n: 5, seed: 11 });
      for (const p of one.query.populations as { selected: number; inPack: number }[]) expect(p.inPack).toBe(Math.min(5, p.selected));
      expect(one.ids.length).toBeLessThanOrEqual(15);
      expect(new Set(one.ids).size).toBe(one.ids.length);
    } finally {
      await backend.close();
    }
  });
});

describe('CSV and report are inert and agree with the JSONL', () => {
  it('neutralizes formulas, escapes markup, and parses back (papaparse) to exactly the JSONL rows', async () => {
    const dir = tempDir();
    const { entries } = await build(dir, { type: 'custom', ...PERIOD, query: 'location:Nowhere' });
    const csvText = entries.get('data/events.csv')!.toString('utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csvText.slice(1), { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(PACK_CSV_COLUMNS);
    const events = jsonl(entries.get('data/events.jsonl')!);
    expect(events.length).toBe(3);
    expect(rows).toEqual(events.map(expectedCsvCells));
    const evil = rows[0];
    for (const [field, value] of Object.entries(HOSTILE)) {
      const cell = evil[PACK_CSV_COLUMNS.indexOf(field)];
      expect(cell).toBe(/^[=+\-@]/.test(value) ? `'${value}` : value);
    }
    expect(rows.every((r) => r.every((c) => !/^[=+\-@\t\r]/.test(c)))).toBe(true);
    expect(events[0].actor).toBe(HOSTILE.actor); // the JSONL keeps the exact value

    const html = entries.get('data/report.html')!.toString('utf8');
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z!][a-zA-Z0-9]*)/g)].map((m) => m[1].toLowerCase()));
    const allowed = ['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'dl', 'dt', 'dd', 'p', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];
    expect([...tags].filter((t) => !allowed.includes(t))).toEqual([]);
    expect(html).toContain('&#60;script&#62;alert(&#34;pwned&#34;)&#60;/script&#62;');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('includes tags and comments of annotated events, and the tagged population in incident response', async () => {
    const dir = tempDir();
    const { backend } = await makePackCase(dir);
    try {
      const db = backend.context.db;
      const id = (db.prepare(`SELECT id FROM events WHERE vendor_id = 'rl-1'`).get() as { id: string }).id;
      db.prepare(`INSERT INTO tags (id, name, created_at) VALUES (1, 'suspicious', 'x'), (2, 'bot', 'x')`).run();
      db.prepare(`INSERT INTO event_tags (event_id, tag_id, added_at, added_by) VALUES (?, 1, 'x', 'ana'), (?, 2, 'x', 'ana')`).run(id, id);
      db.prepare(`INSERT INTO comments (event_id, author, at, text) VALUES (?, 'ana', '2026-07-01T08:00:00Z', '=not a formula')`).run(id);
      const out = path.join(dir, 'ir.zip');
      await buildPack(db, { type: 'incident-response', ...PERIOD }, out, never);
      const entries = await readZip(out);
      const row = jsonl(entries.get('data/events.jsonl')!).find((e) => e.id === id)!;
      expect(row.tags).toEqual(['bot', 'suspicious']);
      expect(row.comments).toEqual([{ id: 1, author: 'ana', at: '2026-07-01T08:00:00Z', text: '=not a formula' }]);
      expect(row.populations).toEqual(['rate-limited-and-blocked', 'tagged']);
      const query = JSON.parse(entries.get('data/query.json')!.toString());
      expect(query.populations.map((p: { name: string }) => p.name)).toEqual(['auth-failures', 'rate-limited-and-blocked', 'critical', 'surrounding-timeline', 'tagged']);
      // The timeline: each of its events has an anchor (auth failure or critical) by the same actor within 15 minutes.
      const all = jsonl(entries.get('data/events.jsonl')!);
      const anchors = all.filter((e) => (e.populations as string[]).some((p) => p === 'auth-failures' || p === 'critical'));
      const timeline = all.filter((e) => (e.populations as string[]).includes('surrounding-timeline'));
      expect(timeline.length).toBeGreaterThan(anchors.length);
      for (const e of timeline) {
        const near = anchors.some((a) => a.actor === e.actor && Math.abs(Date.parse(a.time as string) - Date.parse(e.time as string)) <= 15 * 60_000);
        expect(near, String(e.id)).toBe(true);
      }
    } finally {
      await backend.close();
    }
  });
});

describe('pack builds', () => {
  it('stop on cancel without leaving a zip behind', async () => {
    const dir = tempDir();
    const { backend } = await makePackCase(dir);
    try {
      const controller = new AbortController();
      controller.abort();
      const out = path.join(dir, 'cancelled.zip');
      await expect(buildPack(backend.context.db, { type: 'access-review', ...PERIOD }, out, controller.signal)).rejects.toThrow(/cancelled/);
      expect(fs.readdirSync(dir).filter((f) => f.includes('cancelled') || f.startsWith('.auditlens-pack-'))).toEqual([]);
    } finally {
      await backend.close();
    }
  });

  it('reject a period that ends before it starts and a custom pack without a query', async () => {
    const dir = tempDir();
    const { backend } = await makePackCase(dir, 10);
    try {
      expect(() => previewPack(backend.context.db, { type: 'custom', from: PERIOD.to, to: PERIOD.from, query: 'x' })).toThrow(/must be before/);
      expect(() => previewPack(backend.context.db, { type: 'custom', ...PERIOD })).toThrow(/give a query/);
    } finally {
      await backend.close();
    }
  });
});

describe('migration 0003-packs', () => {
  it('adds the packs history table to a version-2 case', () => {
    const db = new Database(path.join(tempDir(), 'm.auditlens'));
    migrate(db, 2);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'packs'`).get()).toBeUndefined();
    expect(migrate(db, 3)).toBe(3);
    const cols = (db.prepare(`SELECT name FROM pragma_table_info('packs')`).all() as { name: string }[]).map((c) => c.name);
    expect(cols).toEqual(expect.arrayContaining(['id', 'type', 'period_from', 'period_to', 'query', 'out_path', 'sha256', 'events', 'bytes', 'status', 'created_at']));
    expect(() => db.prepare(`INSERT INTO packs (id, type, period_from, period_to, query, request, out_path, status, created_at)
      VALUES ('x', 'bogus', '', '', '', '{}', '', 'running', '')`).run()).toThrow(/CHECK/);
    db.close();
  });
});
