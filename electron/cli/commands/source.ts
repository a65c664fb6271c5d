import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import { ApiSourceConfigSchema, SourceNameSchema, type ApiAuth } from '../../../shared/contract/sources.js';
import { realSleep } from '../../backend/sources/api/http.js';
import { presetFor } from '../../backend/sources/api/presets/index.js';
import { pullApiSource, type ApiPullSummary } from '../../backend/sources/api/pull.js';
import { openCase, type Db } from '../../backend/store/open.js';
import { sourceKind } from '../../backend/store/queries/s3-sources.js';
import { getSource, listSources, saveSource } from '../../backend/store/queries/sources.js';
import { requireCase } from '../case-arg.js';
import { UsageError } from '../usage.js';
import { addS3Source, pullS3SourceOnce, s3SourceRow, type S3SourceArgs } from './source-s3.js';

/**
 * `auditlens source add NAME --preset P --url BASE [--token-env VAR] [--param K=V]...` and `auditlens pull NAME`.
 * Tokens never go on the command line (shell history): they come from the named environment variable, or from a
 * hidden prompt when that variable is unset and the terminal is interactive.
 */

export interface SourceArgs extends S3SourceArgs {
  case?: string;
  positionals: string[];
  preset?: string;
  url?: string;
  'token-env'?: string;
  param?: string[];
  since?: string;
  'page-size'?: string;
  auth?: string;
  user?: string;
  header?: string;
  poll?: string;
}

function parseParams(list: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq < 1) throw new UsageError(`--param takes KEY=VALUE (got '${item}')`);
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

export function sourceAddCommand(args: SourceArgs): void {
  const [verb, name] = args.positionals;
  if (verb !== 'add' || !name) throw new UsageError('source: use `auditlens source add NAME --preset P --url BASE --case FILE`');
  if (!SourceNameSchema.safeParse(name).success) throw new UsageError(`source name '${name}': use letters, digits, dots, dashes, underscores`);
  if (args.s3 !== undefined) {
    if (args.preset) throw new UsageError('source add: give either --s3 or --preset, not both');
    const db = openCase(requireCase(args.case, 'source add'));
    try {
      process.stdout.write(addS3Source(db, name, args));
    } finally {
      db.close();
    }
    return;
  }
  if (!args.preset) throw new UsageError('source add: --preset (an API source) or --s3 s3://bucket/prefix is required');
  const preset = presetFor(args.preset);
  const params = parseParams(args.param);
  const auth: ApiAuth = {
    kind: (args.auth ?? preset.auth.kind) as ApiAuth['kind'],
    ...(args['token-env'] ? { tokenEnv: args['token-env'] } : {}),
    ...(args.user ? { username: args.user } : {}),
    ...(args.header ? { header: args.header } : {}),
  };
  const parsed = ApiSourceConfigSchema.safeParse({
    baseUrl: args.url ?? preset.defaultBaseUrl, params, since: args.since, auth,
    ...(args['page-size'] ? { pageSize: Number(args['page-size']) } : {}),
  });
  if (!parsed.success) throw new UsageError(`source add: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  presetFor(args.preset, params).first({ baseUrl: parsed.data.baseUrl, params, since: null, pageSize: 100, now: new Date() });
  const db = openCase(requireCase(args.case, 'source add'));
  let reset = false;
  try {
    reset = saveSource(db, name, args.preset, parsed.data).checkpointReset;
  } finally {
    db.close();
  }
  const secret = auth.kind === 'none' ? 'no authentication' : auth.tokenEnv ? `token from $${auth.tokenEnv}` : 'token asked for at each pull';
  process.stdout.write(`source ${name}: ${preset.label} at ${parsed.data.baseUrl} (${secret}); pull it with: auditlens pull ${name} --case FILE\n`);
  if (reset) process.stdout.write(`source ${name}: what it lists changed, so its checkpoint was reset; the next pull starts a fresh listing\n`);
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(question);
    out._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer.trim());
    });
  });
}

function line(s: ApiPullSummary): string {
  const state = s.error ? `FAILED (${s.error.code}): ${s.error.message}` : s.cancelled ? 'cancelled' : s.caughtUp ? 'up to date' : 'stopped at the page limit';
  return `pulled ${s.source} [${s.preset}]: ${s.pages} page(s) (${s.emptyPages} empty), ${s.records} records, ${s.inserted} new events, ` +
    `${s.duplicates} duplicates, ${s.rejects} rejects, ${s.retries} retries in ${(s.elapsedMs / 1000).toFixed(1)} s — ${state}\n`;
}

/** `auditlens pull NAME --case F [--poll SECONDS]`; resolves to false when the (last) pull failed. */
export async function pullCommand(args: SourceArgs): Promise<boolean> {
  const [name] = args.positionals;
  if (!name) throw new UsageError('pull: give the source name (see auditlens sources --case FILE)');
  const poll = args.poll === undefined ? null : Number(args.poll);
  if (poll !== null && (!Number.isFinite(poll) || poll < 1)) throw new UsageError('--poll takes a number of seconds >= 1');
  const db = openCase(requireCase(args.case, 'pull'), { create: false });
  const controller = new AbortController();
  const stop = () => controller.abort(new Error('cancelled'));
  process.once('SIGINT', stop);
  try {
    if (sourceKind(db, name) === 's3') {
      if (poll !== null) throw new UsageError('--poll is for API sources; run `auditlens pull` again for an S3 source');
      return await pullS3SourceOnce(db, name, controller.signal);
    }
    const { config } = getSource(db, name);
    let token: string | undefined;
    const envSet = config.auth.tokenEnv && process.env[config.auth.tokenEnv];
    if (config.auth.kind !== 'none' && !envSet && process.stdin.isTTY) token = await promptHidden(`token for ${name}: `);
    let ok = true;
    for (;;) {
      const summary = await pullApiSource({
        db, name, jobId: randomUUID(), token, signal: controller.signal,
        onProgress: (p) => process.stderr.isTTY && process.stderr.write(`\r\x1b[Kpage ${p.filesDone + 1} · ${p.records} records · ${p.inserted} new`),
      });
      if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
      process.stdout.write(line(summary));
      ok = !summary.error;
      if (poll === null || controller.signal.aborted) return ok && !summary.cancelled;
      try {
        await realSleep(poll * 1000, controller.signal);
      } catch {
        return ok;
      }
    }
  } finally {
    process.off('SIGINT', stop);
    db.close();
  }
}

/** The configured sources, for `auditlens sources` (below the coverage table). */
export function configuredSourcesText(db: Db): string {
  const rows = listSources(db);
  if (rows.length === 0) return '\nconfigured sources: none (add one with: auditlens source add NAME --preset P --url BASE)\n';
  const out = ['\nconfigured source\tpreset\tbase URL or bucket\tsecret\tsince\tnext request\tlast pull'];
  for (const s of rows) {
    const last = s.lastPull ? `${s.lastPull.status} ${s.lastPull.startedAt}: ${s.lastPull.inserted} new, ${s.lastPull.duplicates} dup${s.lastPull.error ? `, ${s.lastPull.error}` : ''}` : 'never';
    if (s.kind === 's3') {
      out.push(s3SourceRow(s, last));
      continue;
    }
    const secret = s.config.auth.kind === 'none' ? '-' : s.config.auth.tokenEnv ? `$${s.config.auth.tokenEnv}` : 'prompt';
    out.push([s.name, s.preset, s.config.baseUrl, secret, s.checkpoint?.since ?? s.config.since ?? '-', s.checkpoint?.next ?? '-', last].join('\t'));
  }
  return out.join('\n') + '\n';
}
