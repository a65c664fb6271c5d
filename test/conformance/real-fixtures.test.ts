import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { OUTCOMES, SEVERITIES } from '../../shared/model/event.js';
import { REPO } from '../helpers/cli.js';
import { useTempDir } from '../helpers/temp.js';
import { expectationFor, fixtureFiles, type Expectation } from './expectations.js';

/**
 * Imports every file of a real-sample folder (default ../shared/fixtures/real, or `npm run test:conformance -- DIR`,
 * which sets AUDITLENS_FIXTURES) through the real pipeline, one case per file. A file with its own expectations
 * (test/conformance/expectations/<path>.json, written from the vendor's record and documentation) must match them:
 * format, event count, duplicates, rejects with their positions, and time, actor, action, outcome and sourceIp of
 * chosen records. Any other file must import without a crash, and every event must be well-formed.
 */
const DIR = path.resolve(process.env.AUDITLENS_FIXTURES ?? path.join(REPO, '..', 'shared', 'fixtures', 'real'));
const files = fs.existsSync(DIR) ? fixtureFiles(DIR) : [];

const tempDir = useTempDir();
const backends: Backend[] = [];
afterAll(async () => {
  for (const b of backends) await b.close();
});

interface EventCols {
  time: string;
  actor: string | null;
  action: string | null;
  outcome: string;
  sourceIp: string | null;
  severity: string;
  summary: string;
  line: number | null;
}

async function importOne(file: string) {
  const b = createBackend({ caseFile: path.join(tempDir(), 'conf.auditlens') });
  backends.push(b);
  const { done } = b.context.jobs.startImport(b.context.caseFile, { paths: [path.join(DIR, file)] });
  const job = await done;
  const [row] = await b.call('imports:list', { limit: 1 });
  const rejects = await b.call('rejects:list', { importId: row.id, limit: 10_000 });
  const events = b.context.db
    .prepare(
      `SELECT prov_index AS recordIndex, prov_line AS line, time, actor, action, outcome, source_ip AS sourceIp, severity, summary
       FROM events ORDER BY prov_index, rowid`,
    )
    .all() as (EventCols & { recordIndex: number })[];
  return { job, row, rejects, events };
}

function checkExpectation(exp: Expectation, r: Awaited<ReturnType<typeof importOne>>) {
  expect(r.row.format?.split(',') ?? []).toEqual(exp.format ? [exp.format] : []);
  expect({ records: r.row.records, inserted: r.row.inserted, duplicates: r.row.duplicates }).toEqual({
    records: exp.records,
    inserted: exp.events - exp.duplicates,
    duplicates: exp.duplicates,
  });
  const rejects = [...r.rejects].sort((a, b) => (a.recordIndex ?? -1) - (b.recordIndex ?? -1));
  expect(rejects.map((x) => ({ line: x.line, recordIndex: x.recordIndex }))).toEqual(
    exp.rejects.map((x) => ({ line: x.line ?? null, recordIndex: x.recordIndex })),
  );
  rejects.forEach((x, i) => expect(x.reason).toMatch(new RegExp(exp.rejects[i].reason, 'i')));
  for (const check of exp.checks) {
    const found = r.events.filter((e) => e.recordIndex === check.recordIndex);
    expect(found, `${check.why} (record ${check.recordIndex}) became one event`).toHaveLength(1);
    const [e] = found;
    if (check.line !== undefined) expect(e.line, `${check.why}: line`).toBe(check.line);
    const got = { time: e.time, actor: e.actor, action: e.action, outcome: e.outcome, sourceIp: e.sourceIp };
    expect(got, `${check.why} (record ${check.recordIndex})`).toEqual(check.expect);
  }
}

if (files.length > 0) describe(`real fixtures in ${DIR}`, () => {
  it.each(files.map((f) => [f] as const))('%s', async (file) => {
    const r = await importOne(file);
    expect(r.job.status).toBe('completed');
    for (const e of r.events) {
      expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(OUTCOMES).toContain(e.outcome);
      expect(SEVERITIES).toContain(e.severity);
      expect(e.summary.length).toBeGreaterThan(0);
    }
    for (const x of r.rejects) expect(x.reason.length, 'a reject says why').toBeGreaterThan(10);
    const exp = expectationFor(file);
    if (exp) checkExpectation(exp, r);
    // A file without expectations still accounts for every record it read (a record may expand into several events).
    else expect(r.row.inserted + r.row.duplicates + r.row.rejects).toBeGreaterThanOrEqual(r.row.records);
  });
});

else describe('real fixtures', () => {
  // An explicit folder that is missing or empty is an error; the default team folder beside the repo may simply be
  // absent on a developer's machine, and then the skip says so in the test report (CI always has it).
  if (process.env.AUDITLENS_FIXTURES) {
    it(`needs files in ${DIR}`, () => {
      throw new Error(`${DIR} has no files to import: the conformance suite has nothing to check`);
    });
  } else {
    it.skip(`skipped: ${DIR} not found (run \`npm run test:conformance -- DIR\` to use another folder)`, () => {});
  }
});
