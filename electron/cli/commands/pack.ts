import type { Job, JobProgress } from '../../../shared/contract/channels.js';
import { PACK_TYPES, type PackRequest, type PackType } from '../../../shared/contract/packs.js';
import { createBackend } from '../../backend/backend.js';
import { verifyPack } from '../../backend/packs/verify.js';
import { requireCase } from '../case-arg.js';
import { UsageError } from '../usage.js';

/**
 * `auditlens pack` builds an evidence pack through the same worker job as the UI (progress on stderr, cancel with
 * Ctrl-C); `auditlens verify PACK.zip` checks one and lists every problem (exit code 1 when there is any).
 */

export interface PackArgs {
  positionals: string[];
  case?: string;
  type?: string;
  from?: string;
  to?: string;
  out?: string;
  sample?: string;
  seed?: string;
  source?: string;
  tagged?: boolean;
  'generated-at'?: string;
  zone?: string;
  organization?: string;
}

function whole(value: string, flag: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(`pack: ${flag} must be a whole number from 0 to ${max}, not '${value}'`);
  return n;
}

export function packRequest(args: PackArgs): PackRequest {
  if (!args.type || !(PACK_TYPES as readonly string[]).includes(args.type)) {
    throw new UsageError(`pack: --type must be one of ${PACK_TYPES.join(', ')}`);
  }
  if (!args.from || !args.to) throw new UsageError('pack: --from ISO and --to ISO are required (the period, UTC unless the time says otherwise)');
  if (args.seed !== undefined && args.sample === undefined) throw new UsageError('pack: --seed goes with --sample N');
  const query = args.positionals.join(' ').trim();
  if (query && args.type !== 'custom') throw new UsageError(`pack: a QUERY is only for --type custom (${args.type} has its own populations)`);
  return {
    type: args.type as PackType,
    from: args.from,
    to: args.to,
    ...(query ? { query } : {}),
    ...(args.tagged ? { tagged: true } : {}),
    ...(args.source ? { sources: [args.source] } : {}),
    ...(args.sample !== undefined
      ? { sample: { n: Math.max(1, whole(args.sample, '--sample', 10_000_000)), seed: args.seed !== undefined ? whole(args.seed, '--seed', 0xffffffff) : 1 } }
      : {}),
    ...(args['generated-at'] ? { generatedAt: args['generated-at'] } : {}),
    ...(args.zone ? { displayZone: args.zone } : {}),
    ...(args.organization ? { organization: args.organization } : {}),
  };
}

function progressLine(p: JobProgress): string {
  const total = p.recordsTotal ?? 0;
  const pct = total > 0 ? ` ${Math.min(100, Math.floor((100 * p.records) / total))}%` : '';
  return `packing${pct} ${p.current ?? ''} ${p.records.toLocaleString('en-US')}/${total.toLocaleString('en-US')} events · ${p.rate.toLocaleString('en-US')}/s`;
}

export async function packCommand(args: PackArgs): Promise<Job> {
  const caseFile = requireCase(args.case, 'pack');
  if (!args.out) throw new UsageError('pack: --out FILE.zip is required');
  const request = packRequest(args);
  const tty = process.stderr.isTTY;
  let resolveJob: (job: Job) => void = () => {};
  const finished = new Promise<Job>((resolve) => (resolveJob = resolve));
  let jobId: string | null = null;
  const early: Job[] = [];
  const backend = createBackend({
    caseFile,
    columnCache: false, // one-shot: the in-memory columns would only take CPU from the job
    emit: (event, payload) => {
      if (event === 'job:progress' && tty) process.stderr.write(`\r\x1b[K${progressLine(payload as JobProgress)}`);
      if (event === 'job:finished') {
        const job = payload as Job;
        if (job.jobId === jobId) resolveJob(job);
        else early.push(job);
      }
    },
  });
  try {
    const started = await backend.call('pack:build', { ...request, outPath: args.out });
    jobId = started.jobId;
    const done = early.find((j) => j.jobId === jobId);
    if (done) resolveJob(done);
    const stop = () => backend.context.jobs.cancel(started.jobId);
    process.once('SIGINT', stop);
    const job = await finished;
    process.off('SIGINT', stop);
    if (tty) process.stderr.write('\r\x1b[K');
    const row = (await backend.call('pack:list', { limit: 10_000 })).find((p) => p.id === started.packId);
    if (job.status === 'completed' && row) {
      process.stdout.write(`${row.outPath}\n  ${row.type} ${row.from} .. ${row.to}: ${row.events} events, ${row.bytes} bytes\n  SHA-256 ${row.sha256}\n`);
    } else {
      process.stderr.write(`auditlens: pack ${job.status}${job.error ? `: ${job.error}` : ''}\n`);
    }
    return job;
  } finally {
    await backend.close();
  }
}

export async function verifyCommand(args: { positionals: string[]; sha256?: string }): Promise<boolean> {
  if (args.positionals.length !== 1) throw new UsageError('verify: give one PACK.zip');
  // The SHA-256 the pack history or journal recorded at build time: the only check that also covers compressed
  // bytes which inflate to the same content (see packs/verify.ts).
  if (args.sha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(args.sha256)) {
    throw new UsageError(`verify: --sha256 must be 64 hex digits, got "${args.sha256}"`);
  }
  const result = await verifyPack(args.positionals[0], { expectedSha256: args.sha256?.toLowerCase() });
  if (result.ok) {
    process.stdout.write(`OK: ${result.path} (${result.events} events, Payload-Oxum ${result.payloadOxum}; every hash and the CSV/JSONL agreement check out)\n  SHA-256 ${result.sha256}\n`);
  } else {
    process.stdout.write(`FAILED: ${result.path}\n${result.problems.map((p) => `  - ${p}\n`).join('')}`);
  }
  return result.ok;
}
