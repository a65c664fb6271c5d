import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startOktaApi } from '../helpers/api-servers/okta.js';
import type { VendorApi } from '../helpers/api-servers/vendor.js';
import { spawn } from 'node:child_process';
import { cliAsync, REPO } from '../helpers/cli.js';
import { TOKEN } from '../helpers/api-pull.js';
import { useTempDir } from '../helpers/temp.js';

/** The real CLI: `source add` then `pull` against a local Okta-like server, `sources` listing, bad credentials. */

const tempDir = useTempDir('auditlens-api-cli-');
let api: VendorApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

describe('auditlens source add / pull / sources', () => {
  it('adds a source without its token, pulls it, pulls again for nothing new, and lists it', async () => {
    api = await startOktaApi({ count: 45, token: TOKEN });
    const file = path.join(tempDir(), 'case.auditlens');
    const add = await cliAsync(['source', 'add', 'okta-prod', '--preset', 'okta', '--url', api.url, '--token-env', 'OKTA_TOKEN',
      '--param', 'filter=eventType sw "user."', '--page-size', '20', '--since', '2026-02-01', '--case', file]);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/source okta-prod: Okta System Log at http:\/\/127\.0\.0\.1:\d+ \(token from \$OKTA_TOKEN\)/);

    const first = await cliAsync(['pull', 'okta-prod', '--case', file], { OKTA_TOKEN: TOKEN });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/pulled okta-prod \[okta\]: 4 page\(s\) \(1 empty\), 45 records, 45 new events, 0 duplicates/);
    expect(first.stdout).toContain('up to date');
    expect(api.requests[0].url.searchParams.get('filter')).toBe('eventType sw "user."');

    api.add(2);
    const second = await cliAsync(['pull', 'okta-prod', '--case', file], { OKTA_TOKEN: TOKEN });
    expect(second.stdout).toMatch(/2 page\(s\) \(1 empty\), 2 records, 2 new events, 0 duplicates/);

    const list = await cliAsync(['sources', '--case', file]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^okta-prod\tokta\t\d+\t/m);
    expect(list.stdout).toMatch(/^okta-prod\tokta\thttp:\/\/127\.0\.0\.1:\d+\t\$OKTA_TOKEN\t.*\tGET .*after=okta-46\tcompleted .*2 new/m);

    const bytes = fs.readFileSync(file);
    expect(bytes.includes(Buffer.from(TOKEN))).toBe(false);
  });

  it('wrong credentials: exit 1 with SOURCE_AUTH and the URL; an unset variable names it', async () => {
    api = await startOktaApi({ count: 5, token: TOKEN });
    const file = path.join(tempDir(), 'case.auditlens');
    await cliAsync(['source', 'add', 'okta', '--preset', 'okta', '--url', api.url, '--token-env', 'OKTA_TOKEN', '--case', file]);
    const wrong = await cliAsync(['pull', 'okta', '--case', file], { OKTA_TOKEN: 'nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/FAILED \(SOURCE_AUTH\): GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/logs\?.*HTTP 401 — the API refused the credentials/);
    const unset = await cliAsync(['pull', 'okta', '--case', file], { OKTA_TOKEN: '' });
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain('source okta needs a token: the environment variable OKTA_TOKEN is not set');
    const bad = await cliAsync(['source', 'add', 'gh', '--preset', 'github', '--case', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("preset github needs the parameter 'org'");
  });

  it('--poll pulls again every N seconds, bringing only what is new, until Ctrl-C', async () => {
    api = await startOktaApi({ count: 10, token: TOKEN });
    const file = path.join(tempDir(), 'case.auditlens');
    await cliAsync(['source', 'add', 'okta', '--preset', 'okta', '--url', api.url, '--token-env', 'OKTA_TOKEN', '--case', file]);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'electron/cli/run.ts'), 'pull', 'okta', '--case', file, '--poll', '3'], {
      cwd: REPO, env: { ...process.env, OKTA_TOKEN: TOKEN },
    });
    let out = '';
    const lines = (n: number) => new Promise<void>((resolve) => {
      const check = () => out.split('\n').filter((l) => l.startsWith('pulled')).length >= n && resolve();
      child.stdout.on('data', (c) => { out += c; check(); });
      check();
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await lines(1);
    api!.add(4);
    await lines(2);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const pulls = out.split('\n').filter((l) => l.startsWith('pulled'));
    expect(pulls[0]).toContain('10 new events');
    expect(pulls[1]).toContain('4 new events');
  });
});
