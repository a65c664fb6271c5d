import fs from 'node:fs';
import type { JobProgress } from '../../../shared/contract/channels.js';
import { MAPPED_FIELDS, MappingProfileSchema, type MappingProfile } from '../../../shared/model/mapping.js';
import { createBackend } from '../../backend/backend.js';
import type { Db } from '../../backend/store/open.js';
import { getMappingProfile, listMappingProfiles } from '../../backend/store/queries/mapping-profiles.js';
import type { Job } from '../../../shared/contract/channels.js';
import { requireCase } from '../case-arg.js';
import { UsageError } from '../usage.js';

function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} B`;
}

export function progressLine(p: JobProgress): string {
  const pct = p.bytesTotal > 0 ? ` ${Math.min(100, Math.floor((100 * p.bytesRead) / p.bytesTotal))}%` : '';
  return `importing${pct} ${p.current ?? ''} records ${p.records.toLocaleString('en-US')} · new ${p.inserted.toLocaleString('en-US')} · dup ${p.duplicates} · rejects ${p.rejects} · ${formatBytes(p.bytesRead)}/${formatBytes(p.bytesTotal)} · ${p.rate.toLocaleString('en-US')}/s`;
}

/** Imports through the same worker pipeline as the UI; progress on stderr (a TTY line), summary on stdout. */
/** Reads and validates a `--mapping FILE` (JSON: {"name": "...", "fields": {"time": "...", "actor": "...", ...}}). */
export function readMapping(file: string): MappingProfile {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`--mapping ${file}: ${(err as Error).message}`);
  }
  const parsed = MappingProfileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UsageError(`--mapping ${file}: ${first.path.join('.') || 'file'}: ${first.message} (fields: ${MAPPED_FIELDS.join(', ')}; time is required)`);
  }
  return parsed.data;
}

/**
 * `--mapping FILE|NAME`: an existing file is read as a profile (as before); otherwise the name of a profile saved in
 * the case (the UI's mapping editor saves them). Neither is a usage error that lists the saved names.
 */
export function resolveMapping(arg: string, db: Db): MappingProfile {
  if (fs.existsSync(arg)) return readMapping(arg);
  const saved = getMappingProfile(db, arg);
  if (saved) return saved.profile;
  const names = listMappingProfiles(db).map((m) => m.name);
  throw new UsageError(
    `--mapping ${arg}: no such file, and the case has no saved mapping profile of that name (${names.length ? `saved: ${names.join(', ')}` : 'it has none saved'})`,
  );
}

export async function importCommand(args: { positionals: string[]; case?: string; source?: string; mapping?: string }): Promise<Job> {
  const caseFile = requireCase(args.case, 'import');
  if (args.positionals.length === 0) throw new UsageError('import: give at least one PATH');
  const tty = process.stderr.isTTY;
  const backend = createBackend({
    caseFile,
    columnCache: false, // one-shot: the in-memory columns would only take CPU from the job
    emit: (event, payload) => {
      if (event === 'job:progress' && tty) process.stderr.write(`\r\x1b[K${progressLine(payload as JobProgress)}`);
    },
  });
  try {
    const mapping = args.mapping ? resolveMapping(args.mapping, backend.context.db) : undefined;
    const { done } = backend.context.jobs.startImport(backend.context.caseFile, {
      paths: args.positionals,
      source: args.source,
      mapping,
    });
    const stop = () => backend.context.jobs.list().forEach((j) => backend.context.jobs.cancel(j.jobId));
    process.once('SIGINT', stop);
    const job = await done;
    process.off('SIGINT', stop);
    if (tty) process.stderr.write('\r\x1b[K');
    const p = job.progress;
    const imports = await backend.call('imports:list', { limit: 10_000 });
    const mine = imports.filter((r) => r.jobId === job.jobId).reverse();
    for (const row of mine) {
      const counts = row.status === 'skipped' ? '' : ` ${row.records} records, ${row.inserted} new, ${row.duplicates} duplicates, ${row.rejects} rejects`;
      process.stdout.write(`${row.status.padEnd(9)} ${row.object}${row.format ? ` [${row.format}]` : ''}${counts}${row.message ? ` — ${row.message}` : ''}\n`);
    }
    process.stdout.write(
      `${job.status}: ${p.records} records read, ${p.inserted} new events, ${p.duplicates} duplicates, ${p.rejects} rejects in ${(p.elapsedMs / 1000).toFixed(1)} s\n`,
    );
    if (job.status === 'failed' && job.error) process.stderr.write(`auditlens: import failed: ${job.error}\n`);
    return job;
  } finally {
    await backend.close();
  }
}
