import type { SourceCoverage } from '../../../../shared/contract/channels.js';
import type { Db } from '../open.js';
import type { SqlFragment } from '../sql.js';

/**
 * PCI DSS 10.2.2 coverage per source, in one grouped scan of the events `where` selects (the whole case by default;
 * an evidence pack passes its period and sources). Time is never missing: a record without a usable event time is a
 * reject, not an event (DESIGN.md section 4), so that column counts 0 by construction.
 */
export function sourceCoverage(db: Db, where: SqlFragment = { sql: '1', params: [] }): SourceCoverage[] {
  const rows = db
    .prepare(
      `SELECT source, group_concat(DISTINCT format) AS formats, count(*) AS events, min(ts) AS lo, max(ts) AS hi,
         sum(coalesce(actor, '') = '') AS user, sum(coalesce(action, '') = '') AS eventType,
         sum(outcome = 'unknown') AS outcome, sum(coalesce(source_ip, '') = '') AS origin,
         sum(coalesce(target, '') = '') AS resource
       FROM events WHERE ${where.sql} GROUP BY source ORDER BY events DESC, source`,
    )
    .all(...where.params) as { source: string; formats: string; events: number; lo: number; hi: number; user: number; eventType: number; outcome: number; origin: number; resource: number }[];
  return rows.map((r) => ({
    source: r.source,
    formats: r.formats.split(',').sort(),
    events: r.events,
    firstTime: new Date(r.lo).toISOString(),
    lastTime: new Date(r.hi).toISOString(),
    missing: { user: r.user, eventType: r.eventType, time: 0, outcome: r.outcome, origin: r.origin, resource: r.resource },
  }));
}
