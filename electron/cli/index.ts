import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors.js';
import { annotationsCommand } from './commands/annotations.js';
import { demoCommand } from './commands/demo.js';
import { importCommand } from './commands/import.js';
import { importS3Command } from './commands/import-s3.js';
import { integrityCommand } from './commands/integrity.js';
import { importsCommand, journalCommand, sourcesCommand } from './commands/case-log.js';
import { exportCommand, exportsCommand } from './commands/export.js';
import { packCommand, verifyCommand } from './commands/pack.js';
import { purgeCommand } from './commands/purge.js';
import { queryCommand } from './commands/query.js';
import { serveCommand } from './commands/serve.js';
import { pullCommand, sourceAddCommand } from './commands/source.js';
import { UsageError, USAGE } from './usage.js';

/** `auditlens <command> [...]`: a thin host over the backend. Exit codes: 0 ok, 1 failure, 2 usage. */

const OPTIONS = {
  case: { type: 'string' },
  port: { type: 'string' },
  open: { type: 'boolean' },
  events: { type: 'string' },
  seed: { type: 'string' },
  end: { type: 'string' },
  source: { type: 'string' },
  limit: { type: 'string' },
  format: { type: 'string' },
  order: { type: 'string' },
  out: { type: 'string' },
  name: { type: 'string' },
  verify: { type: 'boolean' },
  sha256: { type: 'string' },
  runs: { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  profile: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  pattern: { type: 'string' },
  concurrency: { type: 'string' },
  mapping: { type: 'string' },
  keep: { type: 'string' },
  only: { type: 'string' },
  preset: { type: 'string' },
  url: { type: 'string' },
  'token-env': { type: 'string' },
  param: { type: 'string', multiple: true },
  'page-size': { type: 'string' },
  auth: { type: 'string' },
  user: { type: 'string' },
  header: { type: 'string' },
  poll: { type: 'string' },
  validate: { type: 'boolean' },
  'public-key': { type: 'string' },
  s3: { type: 'string' },
  'cloudtrail-keys': { type: 'boolean' },
  type: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  sample: { type: 'string' },
  tagged: { type: 'boolean' },
  'generated-at': { type: 'string' },
  zone: { type: 'string' },
  organization: { type: 'string' },
  retention: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const [command, ...positionals] = parsed.positionals;
  const args = { ...parsed.values, positionals };
  if (!command || args.help) {
    process.stdout.write(`${USAGE}\n`);
    return command || args.help ? 0 : 2;
  }
  switch (command) {
    case 'serve':
      await serveCommand(args);
      return 0;
    case 'demo': {
      const job = await demoCommand(args);
      return job.status === 'completed' ? 0 : 1;
    }
    case 'import': {
      if (positionals.some((p) => p.startsWith('s3://'))) {
        if (positionals.length !== 1) throw new UsageError('import: give one s3:// URL per pull, without local paths');
        const summary = await importS3Command({ ...args, publicKey: args['public-key'], cloudTrailKeys: args['cloudtrail-keys'], url: positionals[0] });
        return summary.failed.length === 0 && !summary.stoppedEarly && !summary.cancelled && !summary.integrityProblems ? 0 : 1;
      }
      const job = await importCommand(args);
      return job.status === 'completed' ? 0 : 1;
    }
    case 'query':
      queryCommand(args);
      return 0;
    case 'export':
      return (await exportCommand(args)).status === 'completed' ? 0 : 1;
    case 'exports':
      exportsCommand(args);
      return 0;
    case 'imports':
      importsCommand(args);
      return 0;
    case 'source':
      sourceAddCommand(args);
      return 0;
    case 'pull':
      return (await pullCommand(args)) ? 0 : 1;
    case 'sources':
      sourcesCommand(args);
      return 0;
    case 'integrity':
      integrityCommand(args);
      return 0;
    case 'journal':
      return journalCommand(args) ? 0 : 1;
    case 'purge':
      await purgeCommand(args);
      return 0;
    case 'annotations':
      return (await annotationsCommand(args)).problems.length === 0 ? 0 : 1;
    case 'pack':
      return (await packCommand(args)).status === 'completed' ? 0 : 1;
    case 'verify':
      return (await verifyCommand(args)) ? 0 : 1;
    case 'bench': {
      const { benchCommand } = await import('./commands/bench.js');
      await benchCommand(args);
      return 0;
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

/**
 * Errors are one line on stderr: Node's default warning printer is replaced by one that drops the AWS SDK's
 * multi-line notice about future Node versions (not actionable for a user of this CLI) and prints others briefly.
 */
function quietWarnings(): void {
  process.removeAllListeners('warning');
  process.on('warning', (w) => {
    if (w.name === 'NodeVersionSupportWarning' || /AWS SDK for JavaScript/.test(w.message)) return;
    process.stderr.write(`auditlens: warning: ${w.message.split('\n')[0]}\n`);
  });
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  quietWarnings();
  try {
    process.exitCode = await run(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`auditlens: ${err.message} (see auditlens --help)\n`);
      process.exitCode = 2;
    } else if (err instanceof AppError) {
      process.stderr.write(`auditlens: ${err.message}\n`);
      process.exitCode = err.code === 'INVALID_INPUT' || err.code === 'QUERY_SYNTAX' ? 2 : 1;
    } else {
      process.stderr.write(`auditlens: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    }
  }
}
