import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../shared/contract/channels.js';
import { createBackend } from '../../electron/backend/backend.js';
import { hashFile } from '../../electron/backend/packs/verify-hash.js';
import { finishPack, insertPack } from '../../electron/backend/store/queries/packs.js';
import { startWebHost } from '../../electron/web/server.js';
import { importFile, PERIOD, readZip, writeFixture } from '../helpers/pack-case.js';
import { useTempDir } from '../helpers/temp.js';
import { webGet } from '../helpers/web-get.js';

const tempDir = useTempDir('auditlens-pack-dl-');

describe('pack download endpoint (web host)', () => {
  it('streams a completed pack zip with the token, refuses unknown, unfinished, changed and missing packs', async () => {
    const dir = tempDir();
    const finished: Job[] = [];
    const backend = createBackend({
      caseFile: path.join(dir, 'case.auditlens'),
      emit: (event, payload) => {
        if (event === 'job:finished') finished.push(payload as Job);
      },
    });
    await importFile(backend, await writeFixture(dir, 200));
    const host = await startWebHost({ backend, port: 0, staticDir: dir });
    try {
      const started = await backend.call('pack:build', { type: 'access-review', ...PERIOD });
      await new Promise<void>((resolve) => {
        const wait = () => (finished.some((j) => j.jobId === started.jobId) ? resolve() : setTimeout(wait, 20));
        wait();
      });
      const [row] = await backend.call('pack:list', {});
      expect(row).toMatchObject({ id: started.packId, status: 'completed' });

      const url = `/api/packs/${started.packId}/download`;
      expect((await webGet(host, url)).status).toBe(401);
      expect((await webGet(host, `${url}?token=wrong`)).status).toBe(401);
      expect((await webGet(host, `${url}?token=${host.token}`, { origin: 'http://evil.example' })).status).toBe(403);

      const got = await webGet(host, `${url}?token=${host.token}`);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe('application/zip');
      expect(got.headers['content-disposition']).toBe(`attachment; filename="${path.basename(started.outPath)}"; filename*=UTF-8''${path.basename(started.outPath)}`);
      expect(got.headers['x-auditlens-sha256']).toBe(row.sha256);
      expect(Number(got.headers['content-length'])).toBe(row.bytes);
      expect(got.body.equals(fs.readFileSync(started.outPath))).toBe(true);
      // The downloaded bytes are the pack the history lists: same hash, and a zip that opens with its bag inside.
      const saved = path.join(dir, 'downloaded.zip');
      fs.writeFileSync(saved, got.body);
      expect(await hashFile(saved)).toBe(row.sha256);
      expect([...(await readZip(saved)).keys()]).toContain('data/completeness.json');
      const head = await webGet(host, url, { 'x-auditlens-token': host.token }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);

      const missing = await webGet(host, `/api/packs/no-such-pack/download?token=${host.token}`);
      expect(missing.status).toBe(404);
      expect(JSON.parse(missing.body.toString()).error.message).toMatch(/no evidence pack no-such-pack/);

      insertPack(backend.context.db, {
        id: 'failed-one', jobId: null, type: 'custom', from: PERIOD.from, to: PERIOD.to, query: '', request: '{}',
        outPath: started.outPath, createdAt: PERIOD.to,
      });
      finishPack(backend.context.db, 'failed-one', { status: 'failed', sha256: null, events: 0, bytes: 0, message: 'boom' });
      const failed = await webGet(host, `/api/packs/failed-one/download?token=${host.token}`);
      expect(failed.status).toBe(409);
      expect(JSON.parse(failed.body.toString()).error.message).toMatch(/pack failed-one is failed; only a completed pack/);

      fs.appendFileSync(started.outPath, 'tampered');
      const changed = await webGet(host, `${url}?token=${host.token}`);
      expect(changed.status).toBe(409);
      expect(JSON.parse(changed.body.toString()).error.message).toMatch(/changed since it was written/);
      fs.rmSync(started.outPath);
      expect((await webGet(host, `${url}?token=${host.token}`)).status).toBe(410);
    } finally {
      await host.close();
      await backend.close();
    }
  });
});
