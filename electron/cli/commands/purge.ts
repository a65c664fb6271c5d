import fs from 'node:fs';
import type { RetentionPolicy } from '../../../shared/contract/case-admin.js';
import { requireCase, withBackend } from '../case-arg.js';
import { UsageError } from '../usage.js';

/** `90d` or `13m` (days or calendar months). */
export function parseRetention(text: string): RetentionPolicy {
  const m = /^(\d+)\s*(d|days?|m|months?)$/i.exec(text.trim());
  if (!m) throw new UsageError(`purge: --retention must be a number of days or months, e.g. 90d or 13m (got '${text}')`);
  return { amount: Number(m[1]), unit: m[2].toLowerCase().startsWith('d') ? 'days' : 'months' };
}

/**
 * `auditlens purge --case FILE [--retention 90d|13m] [--dry-run]`: deletes the events older than the case's
 * retention policy (default 13 months), with their annotations, and journals it. --retention first sets the policy.
 */
export async function purgeCommand(args: { case?: string; retention?: string; 'dry-run'?: boolean }): Promise<void> {
  const caseFile = requireCase(args.case, 'purge');
  if (!fs.existsSync(caseFile)) throw new UsageError(`purge: case file ${caseFile} does not exist`);
  const policy = args.retention === undefined ? undefined : parseRetention(args.retention);
  await withBackend(caseFile, async (backend) => {
    const retention = await backend.call('case:retention', policy ? { policy } : {});
    const r = await backend.call('case:purge', { dryRun: args['dry-run'] === true });
    const what = `${r.events} events older than ${r.cutoff} (policy ${retention.policy.amount} ${retention.policy.unit}${retention.isDefault ? ', the default' : ''})`;
    const notes = `${r.stars} stars, ${r.tags} tags, ${r.comments} comments`;
    process.stdout.write(
      r.dryRun ? `dry run: would delete ${what} and their ${notes}\n` : `deleted ${what} and their ${notes}; journal entry ${r.journalSeq}\n`,
    );
  });
}
