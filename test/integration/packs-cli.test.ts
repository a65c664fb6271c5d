import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/contract/channels.js';
import { createBackend } from '../../electron/backend/backend.js';
import { hashFile } from '../../electron/backend/packs/verify-hash.js';
import { cli } from '../helpers/cli.js';
import { importFile, PERIOD, writeFixture } from '../helpers/pack-case.js';
import { useTempDir } from '../helpers/temp.js';

/** The pack and verify commands (exit codes 0 / 1 / 2) and the pack:* channels through the backend. */

const tempDir = useTempDir('auditlens-packs-cli-');

async function caseWithFixture(dir: string): Promise<string> {
  const caseFile = path.join(dir, 'case.auditlens');
  const backend = createBackend({ caseFile });
  try {
    await importFile(backend, await writeFixture(dir, 300));
  } finally {
    await backend.close();
  }
  return caseFile;
}

describe('auditlens pack / verify', () => {
  it('builds a pack (exit 0), verifies it (exit 0), fails a damaged one (exit 1) and refuses bad usage (exit 2)', async () => {
    const dir = tempDir();
    const caseFile = await caseWithFixture(dir);
    const out = path.join(dir, 'cm.zip');
    const built = cli(['pack', '--case', caseFile, '--type', 'custom', '--from', PERIOD.from, '--to', PERIOD.to, 'outcome:failure',
      '--sample', '3', '--seed', '9', '--out', out]);
    expect(built.stderr).toBe('');
    expect(built.code).toBe(0);
    const sha = await hashFile(out);
    expect(built.stdout).toContain(`SHA-256 ${sha}`);
    expect(built.stdout).toMatch(/custom .*: 3 events/);

    const ok = cli(['verify', out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OK: .*\(3 events, Payload-Oxum \d+\.8;/);

    // Against the SHA-256 recorded at build time: the same (exit 0), another (exit 1, named), not a hash (exit 2).
    expect(cli(['verify', out, '--sha256', sha.toUpperCase()]).code).toBe(0);
    const other = cli(['verify', out, '--sha256', 'ab'.repeat(32)]);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain(`zip: SHA-256 is ${sha}, not ${'ab'.repeat(32)} as recorded when the pack was built`);
    expect(cli(['verify', out, '--sha256', 'xyz']).stderr).toMatch(/^auditlens: verify: --sha256 must be 64 hex digits/);

    const bytes = fs.readFileSync(out);
    bytes[40] ^= 0xff;
    const broken = path.join(dir, 'broken.zip');
    fs.writeFileSync(broken, bytes);
    const bad = cli(['verify', broken]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^FAILED: .*broken\.zip\n {2}- /);

    const usage = [
      ['pack', '--case', caseFile, '--type', 'weekly', '--from', PERIOD.from, '--to', PERIOD.to, '--out', out],
      ['pack', '--case', caseFile, '--type', 'access-review', '--from', PERIOD.from, '--to', PERIOD.to],
      ['pack', '--case', caseFile, '--type', 'access-review', '--from', PERIOD.from, '--to', PERIOD.to, 'actor:x', '--out', out],
      ['pack', '--case', caseFile, '--type', 'custom', '--from', PERIOD.from, '--to', PERIOD.to, 'actor:(', '--out', out],
      ['verify'],
    ];
    for (const args of usage) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^auditlens: /);
    }
  });
});

describe('pack channels', () => {
  it('preview counts, build as a job with progress, list the history with the SHA-256, and verify', async () => {
    const dir = tempDir();
    const caseFile = await caseWithFixture(dir);
    const finished: Job[] = [];
    const progress: unknown[] = [];
    const backend = createBackend({
      caseFile,
      emit: (event, payload) => {
        if (event === 'job:finished') finished.push(payload as Job);
        if (event === 'job:progress') progress.push(payload);
      },
    });
    try {
      const preview = await backend.call('pack:preview', { type: 'access-review', ...PERIOD });
      expect(preview.populations.map((p) => p.name)).toEqual(['authentication', 'user-lifecycle', 'roles-and-permissions']);
      expect(preview.total).toBeGreaterThan(0);
      expect(preview.total + preview.excluded).toBe(303);

      const bad = await backend.invoke('pack:build', { type: 'custom', ...PERIOD, query: 'time>' });
      expect(bad).toMatchObject({ ok: false, error: { code: 'QUERY_SYNTAX' } });

      const started = await backend.call('pack:build', { type: 'access-review', ...PERIOD });
      expect(started.outPath).toBe(path.join(`${caseFile}.packs`, `access-review-2026-06-01-2026-07-01-${started.packId.slice(0, 8)}.zip`));
      const running = await backend.call('pack:list', {});
      expect(running[0]).toMatchObject({ id: started.packId, status: 'running', sha256: null });
      await new Promise<void>((resolve) => {
        const wait = () => (finished.some((j) => j.jobId === started.jobId) ? resolve() : setTimeout(wait, 20));
        wait();
      });
      const job = finished.find((j) => j.jobId === started.jobId)!;
      expect(job).toMatchObject({ kind: 'pack', status: 'completed', error: null });
      const [row] = await backend.call('pack:list', {});
      expect(row).toMatchObject({ id: started.packId, status: 'completed', events: preview.total, type: 'access-review' });
      expect(row.sha256).toBe(await hashFile(started.outPath));
      expect(row.bytes).toBe(fs.statSync(started.outPath).size);

      const verified = await backend.call('pack:verify', { path: started.outPath });
      expect(verified).toMatchObject({ ok: true, problems: [], events: preview.total, sha256: row.sha256 });
      // A pack of this case's history is also held to the zip SHA-256 recorded when it was built.
      backend.context.db.prepare('UPDATE packs SET sha256 = ? WHERE id = ?').run('cd'.repeat(32), started.packId);
      const against = await backend.call('pack:verify', { path: started.outPath });
      expect(against.ok).toBe(false);
      expect(against.problems).toEqual([expect.stringContaining(`not ${'cd'.repeat(32)} as recorded when the pack was built`)]);
      const journal = backend.context.db.prepare(`SELECT action, details FROM journal ORDER BY seq DESC LIMIT 1`).get() as { action: string; details: string };
      expect(journal.action).toBe('pack.build');
      expect(JSON.parse(journal.details)).toMatchObject({ packId: started.packId, sha256: row.sha256 });
    } finally {
      await backend.close();
    }
  });
});
