import type { Db } from '../store/open.js';
import { sourceCoverage } from '../store/queries/coverage.js';
import { verifyJournal } from '../store/queries/journal.js';
import { pulledSources } from './completeness-sources.js';
import type { PackPlan } from './plan.js';

/**
 * completeness.json: what the pack's events came from and how complete that is. Every import of the case with its
 * SHA-256, counts and status (and how many of its events are in this pack), rejects by reason, duplicates and id
 * conflicts, imports that did not complete, the longest silences per source in the period, per-source coverage of
 * the PCI DSS 10.2.2 elements in the period, the journal's integrity, and the events of the period the pack leaves
 * out and why.
 */

export interface StreamTotals {
  /** Events in the union of the populations (before sampling). */
  selected: number;
  /** Events written to the pack. */
  written: number;
  /** Written events per import id (null: events without an import row). */
  perImport: Map<number | null, number>;
  idConflicts: number;
}

const REJECT_REASONS_LIMIT = 1000;
const SILENCES = 10;

/**
 * The longest gaps between consecutive events of one source in the period: one pass in time order over the ts
 * index, keeping the last time per source and the top gaps (no sort of the period's events in SQLite's memory).
 */
function longestSilences(db: Db, plan: PackPlan): { source: string; lastBefore: string; nextAfter: string; silenceMs: number }[] {
  const last = new Map<string, number>();
  const top: { source: string; from: number; to: number; gap: number }[] = [];
  const rows = db.prepare(`SELECT source, ts FROM events WHERE ${plan.scopeWhere.sql} ORDER BY ts, rowid`).raw().iterate(...plan.scopeWhere.params);
  for (const [source, ts] of rows as Iterable<[string, number]>) {
    const key = source.toLowerCase(); // the column is NOCASE
    const prev = last.get(key);
    last.set(key, ts);
    if (prev === undefined) continue;
    const gap = ts - prev;
    if (top.length === SILENCES && gap <= top[SILENCES - 1].gap) continue;
    top.push({ source, from: prev, to: ts, gap });
    top.sort((a, b) => b.gap - a.gap || a.from - b.from);
    if (top.length > SILENCES) top.pop();
  }
  return top.map((t) => ({ source: t.source, lastBefore: new Date(t.from).toISOString(), nextAfter: new Date(t.to).toISOString(), silenceMs: t.gap }));
}

export function completeness(db: Db, plan: PackPlan, totals: StreamTotals, inScope: number): Record<string, unknown> {
  const imports = db
    .prepare(
      `SELECT id, object, sha256, bytes, format, records, inserted, duplicates, conflicts, rejects, status, message,
         started_at AS startedAt, finished_at AS finishedAt FROM imports ORDER BY id`,
    )
    .all() as { id: number; status: string; duplicates: number; conflicts: number; rejects: number; records: number }[];
  const sum = (k: 'records' | 'duplicates' | 'conflicts' | 'rejects') => imports.reduce((s, r) => s + r[k], 0);
  const rejectReasons = db
    .prepare(`SELECT import_id AS importId, reason, count(*) AS n FROM rejects GROUP BY import_id, reason ORDER BY import_id, n DESC, reason LIMIT ?`)
    .all(REJECT_REASONS_LIMIT + 1) as unknown[];
  const silences = longestSilences(db, plan);
  // The chain as a whole; the count is left out: pack builds journal themselves, and a rebuild must stay identical.
  const { ok: journalOk, problem: journalProblem } = verifyJournal(db);
  return {
    imports: imports.map((r) => ({ ...r, eventsInPack: totals.perImport.get(r.id) ?? 0 })),
    eventsWithoutImport: totals.perImport.get(null) ?? 0,
    totals: {
      importedObjects: imports.length,
      records: sum('records'),
      duplicatesDropped: sum('duplicates'),
      idConflictsKept: sum('conflicts'),
      rejects: sum('rejects'),
    },
    incompleteImports: imports.filter((r) => r.status !== 'completed' && r.status !== 'skipped').map((r) => r.id),
    rejectReasons: rejectReasons.slice(0, REJECT_REASONS_LIMIT),
    rejectReasonsTruncated: rejectReasons.length > REJECT_REASONS_LIMIT,
    longestSilencesInPeriod: silences,
    // Over the pack's period and sources, like the silences: the case-wide table is the Sources view's.
    sourceCoverage: sourceCoverage(db, plan.scopeWhere),
    pulledSources: pulledSources(db),
    journalIntegrity: { ok: journalOk, problem: journalProblem },
    events: {
      inPeriodAndSources: inScope,
      selectedByPopulations: totals.selected,
      inPack: totals.written,
      withIdConflictsInPack: totals.idConflicts,
      excluded: [
        { reason: 'in the period but selected by no population of this pack type', events: inScope - totals.selected },
        ...(plan.request.sample
          ? [{ reason: `not drawn by the sample (n=${plan.request.sample.n} per population, seed ${plan.request.sample.seed})`, events: totals.selected - totals.written }]
          : []),
      ],
    },
  };
}
