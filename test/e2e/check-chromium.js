#!/usr/bin/env node
// Runs before `playwright test` (npm run test:e2e): the e2e suite drives Debian's Chromium, never a downloaded one.
import { accessSync, constants } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

try {
  accessSync(CHROMIUM, constants.X_OK);
} catch {
  console.error(
    `Chromium not found at ${CHROMIUM}: install it with \`sudo apt-get install -y chromium\` ` +
      "(Playwright's own browser download does not work here)",
  );
  process.exit(1);
}
process.exit(0);
