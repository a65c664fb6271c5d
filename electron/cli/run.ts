// Runs the CLI from TypeScript sources (tests use `node --import tsx electron/cli/run.ts ...`).
import { main } from './index.js';

await main();
