import type { Db } from '../store/open.js';
import { caseId } from '../store/open.js';
import { BAGIT_TXT, bagInfo, manifest, payloadOxum } from './bagit.js';
import { memoryEntry, type FinishedEntry } from './entry-sink.js';
import type { PackPlan } from './plan.js';
import { PACK_CSV_COLUMNS } from './pack-rows.js';
import { reportHtml } from './report-html.js';
import { ACTION_COLUMNS, actionSummary, summaryCsv, USER_COLUMNS, userSummary } from './summary.js';
import { toolVersion } from './tool-version.js';
import { VERIFY_PY } from './verify-py.js';

/** The pack's small files, built once the event files are written and their counts known. */

export interface PopulationResult {
  selected: number;
  inPack: number;
}

export const SAMPLE_ALGORITHM =
  "Floyd's algorithm over each population's positions in pack order; mulberry32 PRNG seeded with the first 4 bytes of sha256('<seed>:<population name>')";

export function queryJson(db: Db, plan: PackPlan, counts: PopulationResult[]): string {
  const r = plan.request;
  return JSON.stringify(
    {
      packType: r.type,
      caseId: caseId(db),
      period: { from: new Date(r.from).toISOString(), to: new Date(r.to).toISOString(), bounds: 'from inclusive, to exclusive, UTC' },
      sources: r.sources ?? [],
      displayZone: r.displayZone ?? 'UTC',
      generatedAt: plan.generatedAt,
      generatedAtRule: 'the generatedAt of the request, else the period end: the same request over the same case rebuilds a byte-identical zip',
      tool: { name: 'auditlens', version: toolVersion() },
      scope: plan.scope,
      populations: plan.populations.map((p, i) => ({
        name: p.name, label: p.label, query: p.fullQuery, sql: p.where.sql, sqlParams: p.where.params, ...counts[i],
      })),
      sample: r.sample ? { n: r.sample.n, seed: r.sample.seed, algorithm: SAMPLE_ALGORITHM } : null,
      order: 'event time ascending, then the order the case stored the events in',
      csvColumns: PACK_CSV_COLUMNS,
    },
    null,
    2,
  ) + '\n';
}

export function summaryFiles(db: Db, plan: PackPlan, counts: PopulationResult[]): { json: unknown; csv: string; title: string; columns: string[]; rows: Record<string, unknown>[] } {
  const populations = plan.populations.map((p, i) => ({ name: p.name, label: p.label, ...counts[i] }));
  const actions = actionSummary(db, plan);
  if (plan.request.type === 'access-review') {
    const users = userSummary(db, plan.unionWhere);
    return {
      json: { populations, users, actions },
      csv: summaryCsv(USER_COLUMNS, users),
      title: 'Per-user access summary',
      columns: USER_COLUMNS,
      rows: users as unknown as Record<string, unknown>[],
    };
  }
  return {
    json: { populations, actions },
    csv: summaryCsv(ACTION_COLUMNS, actions),
    title: 'Events by population, category, action and outcome',
    columns: ACTION_COLUMNS,
    rows: actions as unknown as Record<string, unknown>[],
  };
}

/**
 * The case journal up to its last entry that is not a pack build. Builds journal themselves after writing the zip;
 * leaving the trailing ones out keeps a rebuild identical while every other action of the analyst is included.
 */
export function journalJsonl(db: Db): string {
  const last = (db.prepare(`SELECT max(seq) AS seq FROM journal WHERE action <> 'pack.build'`).get() as { seq: number | null }).seq ?? 0;
  const rows = db
    .prepare('SELECT seq, at, actor, action, details, prev_hash AS prevHash, hash FROM journal WHERE seq <= ? ORDER BY seq')
    .all(last);
  return rows.map((r) => JSON.stringify(r) + '\n').join('');
}

export function zoneFormatter(zone: string | undefined): (iso: string) => string {
  if (!zone || zone === 'UTC') return (iso) => iso;
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'shortOffset',
  });
  return (iso) => fmt.format(new Date(iso));
}

export interface ReportParts {
  counts: PopulationResult[];
  summary: ReturnType<typeof summaryFiles>;
  completeness: Record<string, unknown>;
  firstEvents: Record<string, unknown>[];
  written: number;
}

export function reportFile(db: Db, plan: PackPlan, parts: ReportParts): string {
  const r = plan.request;
  const c = parts.completeness as { totals: Record<string, number>; incompleteImports: number[]; journalIntegrity: { ok: boolean; problem: string | null }; events: { excluded: { reason: string; events: number }[] } };
  return reportHtml({
    title: `Auditlens evidence pack: ${r.type}`,
    facts: [
      ['Pack type', r.type], ['Period (UTC)', `${new Date(r.from).toISOString()} to ${new Date(r.to).toISOString()}`],
      ['Sources', r.sources?.length ? r.sources.join(', ') : 'all'], ['Case', caseId(db)],
      ['Generated at', plan.generatedAt], ['Tool', `Auditlens ${toolVersion()}`],
      ['Sample', r.sample ? `${r.sample.n} per population, seed ${r.sample.seed}` : 'none (every selected event)'],
      ['Events in pack', parts.written],
    ],
    populations: plan.populations.map((p, i) => ({ name: p.name, label: p.label, query: p.fullQuery, selected: parts.counts[i].selected, inPack: parts.counts[i].inPack })),
    completeness: [
      ...Object.entries(c.totals),
      ['incomplete imports', c.incompleteImports.length ? c.incompleteImports.map((id) => `#${id}`).join(', ') : 'none'],
      ['journal hash chain', c.journalIntegrity.ok ? 'intact' : `BROKEN: ${c.journalIntegrity.problem}`],
      ...c.events.excluded.map((e): [string, unknown] => [`excluded: ${e.reason}`, e.events]),
    ],
    summaryTitle: parts.summary.title,
    summaryColumns: parts.summary.columns,
    summaryRows: parts.summary.rows.slice(0, 500),
    summaryTotal: parts.summary.rows.length,
    events: parts.firstEvents,
    eventsTotal: parts.written,
    formatTime: zoneFormatter(r.displayZone),
    displayZone: r.displayZone ?? 'UTC',
  });
}

/** bagit.txt, bag-info.txt, the two manifests and verify.py around the payload, in the zip's fixed order. */
export function bagEntries(plan: PackPlan, db: Db, payload: FinishedEntry[]): FinishedEntry[] {
  const r = plan.request;
  const query = payload.find((e) => e.name === 'data/query.json')!;
  const info = bagInfo([
    ['Source-Organization', r.organization?.trim() || 'not specified'],
    ['External-Identifier', `auditlens-${r.type}-${query.sha256.slice(0, 16)}`],
    ['External-Description', `Auditlens ${r.type} evidence pack, ${new Date(r.from).toISOString()} to ${new Date(r.to).toISOString()}`],
    ['Bagging-Date', plan.generatedAt.slice(0, 10)],
    ['Bag-Software-Agent', `Auditlens ${toolVersion()}`],
    ['Payload-Oxum', payloadOxum(payload)],
    ['Pack-Type', r.type],
    ['Pack-Period', `${new Date(r.from).toISOString()}/${new Date(r.to).toISOString()}`],
    ['Case-Id', caseId(db)],
    ['Generated-At', plan.generatedAt],
  ]);
  const tags = [memoryEntry('bagit.txt', BAGIT_TXT), memoryEntry('bag-info.txt', info), memoryEntry('manifest-sha256.txt', manifest(payload))];
  const verifyPy = memoryEntry('verify.py', VERIFY_PY);
  const tagManifest = memoryEntry('tagmanifest-sha256.txt', manifest([...tags, verifyPy]));
  return [...tags, tagManifest, verifyPy, ...payload];
}

