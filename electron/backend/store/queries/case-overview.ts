import fs from 'node:fs';
import type { CaseOverview } from '../../../../shared/contract/case-admin.js';
import { IntegrityStatusSchema } from '../../../../shared/contract/integrity.js';
import { caseId, type Db } from '../open.js';

/** Case file plus its write-ahead and shared-memory files: what the case occupies on disk right now. */
function bytesOnDisk(file: string): number {
  return ['', '-wal', '-shm'].reduce((sum, suffix) => {
    try {
      return sum + fs.statSync(file + suffix).size;
    } catch {
      return sum;
    }
  }, 0);
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Everything an analyst checks before trusting a case: what is in it (sources, formats, time span), what did not
 * make it (rejects, failed imports) and whether S3 log files verified. One grouped scan of events by (source, format)
 * feeds the per-source and per-format counts.
 */
export function caseOverview(db: Db, file: string): CaseOverview {
  const groups = db
    .prepare('SELECT source, format, count(*) AS n, min(ts) AS lo, max(ts) AS hi FROM events GROUP BY source, format')
    .all() as { source: string; format: string; n: number; lo: number; hi: number }[];
  const sources = new Map<string, { source: string; formats: string[]; events: number; lo: number; hi: number }>();
  const byFormat = new Map<string, number>();
  for (const g of groups) {
    const s = sources.get(g.source) ?? { source: g.source, formats: [], events: 0, lo: g.lo, hi: g.hi };
    s.formats.push(g.format);
    s.events += g.n;
    s.lo = Math.min(s.lo, g.lo);
    s.hi = Math.max(s.hi, g.hi);
    sources.set(g.source, s);
    byFormat.set(g.format, (byFormat.get(g.format) ?? 0) + g.n);
  }
  const sourceList = [...sources.values()].sort((a, b) => b.events - a.events || a.source.localeCompare(b.source));
  const desc = (m: Map<string, number>) =>
    [...m].map(([name, events]) => ({ name, events })).sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));

  const importsByStatus: Record<string, number> = {};
  for (const r of db.prepare('SELECT status, count(*) AS n FROM imports GROUP BY status').all() as { status: string; n: number }[]) {
    importsByStatus[r.status] = r.n;
  }
  const integrity = Object.fromEntries(IntegrityStatusSchema.options.map((s) => [s, 0])) as CaseOverview['integrity'];
  const hasS3 = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 's3_objects'`).get();
  if (hasS3) {
    for (const r of db.prepare('SELECT integrity, count(*) AS n FROM s3_objects GROUP BY integrity').all() as { integrity: keyof typeof integrity; n: number }[]) {
      integrity[r.integrity] = r.n;
    }
  }
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const span = db.prepare('SELECT min(ts) AS lo, max(ts) AS hi FROM events').get() as { lo: number | null; hi: number | null };
  return {
    path: file,
    caseId: caseId(db),
    bytesOnDisk: bytesOnDisk(file),
    events: sourceList.reduce((n, s) => n + s.events, 0),
    firstTime: iso(span.lo),
    lastTime: iso(span.hi),
    sources: sourceList.map((s) => ({
      source: s.source, formats: s.formats.sort(), events: s.events, firstTime: iso(s.lo)!, lastTime: iso(s.hi)!,
    })),
    byFormat: desc(byFormat),
    bySource: sourceList.map((s) => ({ name: s.source, events: s.events })),
    rejects: count('SELECT count(*) AS n FROM rejects'),
    importsByStatus,
    integrity,
    journalEntries: count('SELECT count(*) AS n FROM journal'),
  };
}
