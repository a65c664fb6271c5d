import { randomUUID } from 'node:crypto';
import { S3SourceConfigSchema, type SourceInfo } from '../../../shared/contract/sources.js';
import { readPublicKeys } from '../../backend/sources/cloudtrail-digest.js';
import { parseS3Url } from '../../backend/sources/s3-keys.js';
import { pullS3Source, type S3SourcePullResult } from '../../backend/sources/s3-source-pull.js';
import type { Db } from '../../backend/store/open.js';
import { saveS3Source } from '../../backend/store/queries/s3-sources.js';
import { UsageError } from '../usage.js';

/**
 * `auditlens source add NAME --s3 s3://bucket/prefix ...` and the S3 half of `auditlens pull NAME`. Keys are never
 * flags (shell history): the pull uses --profile or the AWS default chain (AWS_ACCESS_KEY_ID..., SSO, instance role).
 */

export interface S3SourceArgs {
  s3?: string;
  endpoint?: string;
  region?: string;
  profile?: string;
  pattern?: string;
  since?: string;
  until?: string;
  validate?: boolean;
  'public-key'?: string;
}

export function addS3Source(db: Db, name: string, args: S3SourceArgs): string {
  const { bucket, prefix } = parseS3Url(args.s3 ?? '');
  if (args['public-key'] && !args.validate) throw new UsageError('--public-key is only used with --validate');
  // Check the key file now: a wrong path should show up when the source is added, not after its first pull.
  if (args['public-key']) readPublicKeys(args['public-key']);
  const parsed = S3SourceConfigSchema.safeParse({
    bucket, prefix, region: args.region, endpoint: args.endpoint, pattern: args.pattern, since: args.since, until: args.until,
    profile: args.profile, ...(args.validate ? { validate: true } : {}), publicKeyPath: args['public-key'],
  });
  if (!parsed.success) throw new UsageError(`source add: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  saveS3Source(db, name, parsed.data);
  const creds = parsed.data.profile ? `profile ${parsed.data.profile}` : 'the AWS default credential chain';
  return `source ${name}: S3 bucket s3://${bucket}/${prefix}${args.endpoint ? ` at ${args.endpoint}` : ''} (${creds}` +
    `${parsed.data.validate ? ', CloudTrail integrity validation' : ''}); pull it with: auditlens pull ${name} --case FILE\n`;
}

function s3Line(name: string, r: S3SourcePullResult): string {
  const d = r.detail;
  const state = r.error ? `FAILED (${r.error.code}): ${r.error.message}` : r.cancelled ? 'cancelled' : 'up to date';
  let out = `pulled ${name} [s3]: ${d.objects} object(s) fetched, ${d.skipped} skipped as unchanged, ${d.failed} failed; ` +
    `${d.events} new events, ${r.summary?.duplicates ?? 0} duplicates, ${r.summary?.rejects ?? 0} rejects ` +
    `in ${((r.summary?.elapsedMs ?? 0) / 1000).toFixed(1)} s — ${state}\n`;
  for (const f of r.summary?.failed ?? []) out += `failed    ${f.key} — ${f.error}\n`;
  if (r.summary?.stoppedEarly) out += `stopped early: ${r.summary.stoppedEarly}\n`;
  const v = d.integrity;
  if (v) {
    out += `integrity: ${v.verified} verified, ${v.unverified} unverified, ${v.mismatch} mismatch, ${v.missingFromDigest} missing from digest; ` +
      `${v.digests} digests (${v.invalidSignatures} bad signatures, ${v.uncheckedSignatures} unchecked), ${v.brokenLinks} broken links, ` +
      `${v.gaps} gaps (details: auditlens integrity --case FILE)\n`;
  }
  return out;
}

/** One pull of an S3 source; resolves to false when it failed or any object failed. */
export async function pullS3SourceOnce(db: Db, name: string, signal: AbortSignal): Promise<boolean> {
  const tty = process.stderr.isTTY;
  const result = await pullS3Source({
    db, name, jobId: randomUUID(), signal,
    onProgress: (p) => tty && process.stderr.write(`\r\x1b[K${p.filesDone}/${p.filesTotal} objects · ${p.records} records · ${p.inserted} new`),
  });
  if (tty) process.stderr.write('\r\x1b[K');
  process.stdout.write(s3Line(name, result));
  return !result.error && !result.cancelled && result.detail.failed === 0;
}

/** The configured-sources row of an S3 source for `auditlens sources`. */
export function s3SourceRow(s: Extract<SourceInfo, { kind: 's3' }>, last: string): string {
  const c = s.config;
  const where = `s3://${c.bucket}/${c.prefix}${c.endpoint ? ` @ ${c.endpoint}` : ''}`;
  return [s.name, 's3', where, c.profile ? `profile ${c.profile}` : 'AWS chain', c.since ?? '-', 'objects by key + ETag', last].join('\t');
}
