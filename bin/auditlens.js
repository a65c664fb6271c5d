#!/usr/bin/env node
// Entry point for `npx auditlens`: runs the compiled CLI (built by `npm install` through the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/electron/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('auditlens: not built yet; run `npm install` (or `npm run build`) in the Auditlens folder\n');
  process.exit(1);
}
// EPIPE (e.g. `auditlens query ... | head`) is a normal end of output, not a crash.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});
const { main } = await import(cli.href);
await main();
