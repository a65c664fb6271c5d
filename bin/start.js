#!/usr/bin/env node
// `npm start`: the desktop app where Electron's runtime exists, otherwise the browser UI (with one line saying why).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronBinary = null;
try {
  const candidate = require('electron'); // the electron package exports the runtime's path
  if (typeof candidate === 'string' && existsSync(candidate)) electronBinary = candidate;
} catch {
  // electron package or its runtime binary is missing
}

const child = electronBinary
  ? spawn(electronBinary, ['.'], { stdio: 'inherit' })
  : (process.stdout.write('Electron runtime not installed here (its binary download is blocked or skipped); opening the browser UI instead.\n'),
    spawn(process.execPath, [new URL('./auditlens.js', import.meta.url).pathname, 'serve', '--open', ...process.argv.slice(2)], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
