#!/usr/bin/env node
// `npm run test:conformance [-- DIR]`: the conformance suite over DIR (default ../shared/fixtures/real). vitest would
// read a bare DIR as a test-file filter, so the folder travels in AUDITLENS_FIXTURES instead.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const [dir, ...rest] = process.argv.slice(2);
const env = { ...process.env };
if (dir && !dir.startsWith('-')) env.AUDITLENS_FIXTURES = path.resolve(dir);
const args = ['vitest', 'run', '--project', 'conformance', ...(dir && dir.startsWith('-') ? [dir, ...rest] : rest)];
const r = spawnSync('npx', args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
