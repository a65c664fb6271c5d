import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/contract/channels.js';
import { EXPORT_FIELDS } from '../../shared/model/event.js';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { buildPack } from '../../electron/backend/packs/build.js';
import { createEventWriter } from '../../electron/backend/store/queries/insert-events.js';
import { recordS3Objects, s3ObjectsUnder, setVerdicts, type S3ObjectRecord } from '../../electron/backend/store/queries/s3-objects.js';
import { ANNOTATION_FIELDS } from '../../electron/backend/export/event-writer.js';
import { cli } from '../helpers/cli.js';
import { makeEvent } from '../helpers/events.js';
import { makePackCase, PERIOD, readZip } from '../helpers/pack-case.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir('auditlens-integrity-export-');
const SHA = { a: 'a'.repeat(64), a2: 'd'.repeat(64), b: 'b'.repeat(64), c: 'c'.repeat(64) };
const url = (name: string) => `s3://trail/AWSLogs/1/CloudTrail/us-east-1/2026/06/02/${name}.json.gz`;

function s3Object(name: string, sha256: string): S3ObjectRecord {
  const key = url(name).slice('s3://trail/'.length);
  return { bucket: 'trail', key, url: url(name), etag: `"${name}"`, versionId: null, sha256, contentSha256: null, bytes: 10, lastModified: null, importId: null };
}

/** Objects a (verified), b (mismatch) and c (never validated) in the case; a validation run judged a and b. */
function recordObjects(backend: Backend): void {
  const db = backend.context.db;
  recordS3Objects(db, [s3Object('a', SHA.a), s3Object('b', SHA.b), s3Object('c', SHA.c)]);
  const ids = new Map(s3ObjectsUnder(db, 'trail', '').map((o) => [o.url, o.id]));
  setVerdicts(db, [
    { id: ids.get(url('a'))!, integrity: 'verified', detail: null, digestKey: 'digest-1' },
    { id: ids.get(url('b'))!, integrity: 'mismatch', detail: 'content differs from the digest', digestKey: 'digest-1' },
  ]);
}

async function exportAndWait(backend: Backend, finished: Job[], format: 'jsonl' | 'csv') {
  const started = await backend.call('export:start', { name: `integrity ${format}`, format, query: '', order: 'asc' });
  await new Promise<void>((resolve) => {
    const wait = () => (finished.some((j) => j.jobId === started.jobId) ? resolve() : setTimeout(wait, 20));
    wait();
  });
  expect(finished.find((j) => j.jobId === started.jobId)).toMatchObject({ status: 'completed' });
  return fs.readFileSync(started.outPath, 'utf8');
}

describe('S3 integrity verdicts in exports', () => {
  it('puts the object version\'s verdict in provenance.integrity (JSONL, CLI query), keeps the field list and CSV cells', async () => {
    const dir = tempDir();
    const caseFile = path.join(dir, 'case.auditlens');
    const finished: Job[] = [];
    const backend = createBackend({ caseFile, emit: (e, p) => void (e === 'job:finished' && finished.push(p as Job)) });
    try {
      const ts = Date.UTC(2026, 5, 2);
      createEventWriter(backend.context.db).write([
        makeEvent({ id: 'from-a', ts, provObject: url('a'), provSha256: SHA.a, provIndex: 0 }),
        // The same key with other bytes (the object was replaced): a's verdict is not this version's.
        makeEvent({ id: 'from-a-replaced', ts: ts + 1, provObject: url('a'), provSha256: SHA.a2, provIndex: 0 }),
        makeEvent({ id: 'from-b', ts: ts + 2, provObject: url('b'), provSha256: SHA.b, provIndex: 3 }),
        makeEvent({ id: 'from-c', ts: ts + 3, provObject: url('c'), provSha256: SHA.c, provIndex: 1 }),
        makeEvent({ id: 'from-file', ts: ts + 4, provObject: '/evidence/local.jsonl', provSha256: SHA.a, provIndex: 7 }),
      ]);
      recordObjects(backend);

      const expected: Record<string, Record<string, unknown>> = {
        'from-a': { object: url('a'), objectSha256: SHA.a, recordIndex: 0, integrity: 'verified' },
        'from-a-replaced': { object: url('a'), objectSha256: SHA.a2, recordIndex: 0 },
        'from-b': { object: url('b'), objectSha256: SHA.b, recordIndex: 3, integrity: 'mismatch' },
        'from-c': { object: url('c'), objectSha256: SHA.c, recordIndex: 1, integrity: 'unverified' },
        'from-file': { object: '/evidence/local.jsonl', objectSha256: SHA.a, recordIndex: 7 },
      };
      const lines = (await exportAndWait(backend, finished, 'jsonl')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.map((l) => l.id)).toEqual(Object.keys(expected));
      for (const l of lines) {
        expect(Object.keys(l)).toEqual([...EXPORT_FIELDS, ...ANNOTATION_FIELDS]);
        expect(l.provenance, String(l.id)).toEqual(expected[l.id as string]);
      }

      const csv = Papa.parse<string[]>((await exportAndWait(backend, finished, 'csv')).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      expect(csv[0]).toEqual([...EXPORT_FIELDS, ...ANNOTATION_FIELDS]);
      const prov = csv[0].indexOf('provenance');
      expect(csv.slice(1).map((r) => r[prov])).toEqual([`${url('a')}#0`, `${url('a')}#0`, `${url('b')}#3`, `${url('c')}#1`, '/evidence/local.jsonl#7']);
    } finally {
      await backend.close();
    }
    const viaCli = cli(['query', '--case', caseFile, '--format', 'jsonl', '--order', 'asc']);
    expect(viaCli.code, viaCli.stderr).toBe(0);
    const integrities = viaCli.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { provenance: { integrity?: string } }).provenance.integrity ?? null);
    expect(integrities).toEqual(['verified', null, 'mismatch', 'unverified', null]);
  });
});

describe('S3 integrity verdicts in evidence packs', () => {
  it('lists every S3 object version in completeness.json with its verdict, detail and when it was judged', async () => {
    const dir = tempDir();
    const { backend } = await makePackCase(dir, 50);
    try {
      recordObjects(backend);
      const out = path.join(dir, 'pack.zip');
      await buildPack(backend.context.db, { type: 'access-review', ...PERIOD }, out, new AbortController().signal);
      const complete = JSON.parse((await readZip(out)).get('data/completeness.json')!.toString());
      const objects = complete.pulledSources.s3Objects as Record<string, unknown>[];
      expect(objects.map((o) => [o.url, o.sha256, o.integrity, o.integrityDetail])).toEqual([
        [url('a'), SHA.a, 'verified', null],
        [url('b'), SHA.b, 'mismatch', 'content differs from the digest'],
        [url('c'), SHA.c, 'unverified', null],
      ]);
      expect(objects[0].integrityCheckedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(objects[2].integrityCheckedAt).toBeNull();
    } finally {
      await backend.close();
    }
  });
});
