import type { PurgeResult, RetentionPolicy } from '../../../../shared/contract/case-admin.js';
import { AppError } from '../../../../shared/errors.js';
import type { Db } from '../open.js';
import { appendJournal } from './journal.js';

/**
 * Retention policy per case (case_meta 'retention_policy', JSON {amount, unit}) and the purge that enforces it.
 * Events are append-only (triggers in migration 0001); the purge is the one way out, and it is journaled.
 */

export const DEFAULT_POLICY: RetentionPolicy = { amount: 13, unit: 'months' };
export const MIN_RETENTION_DAYS = 60;
const DAY = 86_400_000;

/** The instant before which events fall outside `policy`: calendar months back (UTC), or whole days. */
export function retentionCutoff(policy: RetentionPolicy, now: Date): Date {
  if (policy.unit === 'days') return new Date(now.getTime() - policy.amount * DAY);
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - policy.amount);
  // Clamp the day to the target month's length: 13 months before 31 March is 28/29 February, not 3 March.
  const monthDays = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, monthDays));
  return d;
}

/** Refuses a policy that could remove events younger than 60 days (2 months is refused: it can be 59 days). */
export function checkPolicy(policy: RetentionPolicy): void {
  const shortest = policy.unit === 'days' ? policy.amount : policy.amount * 28;
  if (shortest < MIN_RETENTION_DAYS) {
    throw new AppError(
      'INVALID_INPUT',
      `retention of ${policy.amount} ${policy.unit} is below the minimum of ${MIN_RETENTION_DAYS} days (use at least 60 days or 3 months)`,
    );
  }
}

export function getRetention(db: Db): { policy: RetentionPolicy; isDefault: boolean } {
  const row = db.prepare(`SELECT value FROM case_meta WHERE key = 'retention_policy'`).get() as { value: string } | undefined;
  return row ? { policy: JSON.parse(row.value) as RetentionPolicy, isDefault: false } : { policy: DEFAULT_POLICY, isDefault: true };
}

export function setRetention(db: Db, policy: RetentionPolicy): void {
  checkPolicy(policy);
  db.transaction(() => {
    const before = getRetention(db);
    db.prepare(`INSERT INTO case_meta (key, value) VALUES ('retention_policy', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
      .run(JSON.stringify(policy));
    appendJournal(db, 'retention-set', { policy, previous: before.isDefault ? null : before.policy });
  })();
}

const OLD_IDS = 'SELECT id FROM events WHERE ts < @cutoff';

/**
 * Removes the events older than the case's policy, their full-text rows and their annotations, in one transaction
 * that opens the append-only guard (case_meta purge_in_progress) only for its own duration and journals the counts.
 * With `dryRun`, only counts.
 */
export function purgeOldEvents(db: Db, now: Date, dryRun: boolean): PurgeResult {
  const { policy } = getRetention(db);
  checkPolicy(policy);
  const cutoff = retentionCutoff(policy, now);
  const p = { cutoff: cutoff.getTime() };
  const count = (sql: string) => (db.prepare(sql).get(p) as { n: number }).n;
  const run = () => {
    const counts = {
      events: count('SELECT count(*) AS n FROM events WHERE ts < @cutoff'),
      stars: count(`SELECT count(*) AS n FROM stars WHERE event_id IN (${OLD_IDS})`),
      tags: count(`SELECT count(*) AS n FROM event_tags WHERE event_id IN (${OLD_IDS})`),
      comments: count(`SELECT count(*) AS n FROM comments WHERE event_id IN (${OLD_IDS})`),
    };
    const base = { dryRun, cutoff: cutoff.toISOString(), policy, ...counts };
    if (dryRun) return base;
    if (counts.events > 0) deleteOlderThan(db, p);
    const entry = appendJournal(db, 'retention-purge', { policy, cutoff: base.cutoff, ...counts });
    return { ...base, journalSeq: entry.seq };
  };
  // Read-only for a dry run; otherwise one IMMEDIATE transaction so no import slips rows in between count and delete.
  return dryRun ? run() : db.transaction(run).immediate();
}

/** Inside the purge's transaction: the guard is open only between these statements. */
function deleteOlderThan(db: Db, p: { cutoff: number }): void {
  db.prepare(`INSERT INTO case_meta (key, value) VALUES ('purge_in_progress', '1') ON CONFLICT(key) DO UPDATE SET value = '1'`).run();
  // External-content FTS5: a row is removed by the 'delete' command with the exact values that were indexed.
  db.prepare(`INSERT INTO events_fts(events_fts, rowid, summary, actor, action, target, source_ip)
    SELECT 'delete', rowid, summary, actor, action, target, source_ip FROM events WHERE ts < @cutoff`).run(p);
  for (const table of ['stars', 'event_tags', 'comments', 'deleted_comments']) db.prepare(`DELETE FROM ${table} WHERE event_id IN (${OLD_IDS})`).run(p);
  db.prepare('DELETE FROM events WHERE ts < @cutoff').run(p);
  db.prepare('DELETE FROM event_minutes WHERE n <= 0').run();
  db.prepare(`DELETE FROM case_meta WHERE key = 'purge_in_progress'`).run();
}
