import type { FailedThenSuccess } from '../../../../shared/contract/workbench.js';
import type { Db } from '../open.js';
import type { SqlFragment } from '../sql.js';
import { isLoginAction } from './logins.js';

/**
 * "Failed logins then success": a successful login preceded by failed logins of the same actor, the last failure at
 * most `within` before it and each failure at most `within` after the previous one (a chain), counted since the
 * actor's previous successful login. The failures come from the outcome index; the successes of each actor that has
 * failures come from one range read of `events_by_actor_ts`.
 */

export interface FailedThenSuccessOptions {
  withinMinutes: number;
  minFailures: number;
  limit: number;
}

type FailureRow = [actor: string, ts: number, ip: string | null, action: string | null];
type SuccessRow = [id: string, ts: number, ip: string | null, action: string | null];

interface Chain {
  times: number[];
  ips: string[];
}

export function failedThenSuccess(db: Db, scope: SqlFragment, opts: FailedThenSuccessOptions): FailedThenSuccess[] {
  const within = opts.withinMinutes * 60_000;
  const failures = db
    .prepare(
      `SELECT actor, ts, source_ip, action FROM events
       WHERE outcome = 'failure' AND category = 'authentication' AND actor IS NOT NULL AND (${scope.sql})
       ORDER BY actor COLLATE NOCASE, ts`,
    )
    .raw()
    .all(...scope.params) as FailureRow[];
  const byActor = new Map<string, FailureRow[]>();
  for (const row of failures) {
    if (!isLoginAction(row[3])) continue;
    const key = row[0].toLowerCase();
    const list = byActor.get(key);
    if (list) list.push(row);
    else byActor.set(key, [row]);
  }

  // Successes are read case-wide (not only inside the scope): a success just after the scope's end still counts.
  const successes = db.prepare(
    `SELECT id, ts, source_ip, action FROM events
     WHERE actor = ? AND ts >= ? AND ts <= ? AND outcome = 'success' AND category = 'authentication' ORDER BY ts, rowid`,
  ).raw();
  const found: FailedThenSuccess[] = [];
  for (const rows of byActor.values()) {
    const actor = rows[0][0];
    const logins = (successes.all(actor, rows[0][1], rows[rows.length - 1][1] + within) as SuccessRow[])
      .filter((r) => isLoginAction(r[3]));
    let chain: Chain = { times: [], ips: [] };
    let f = 0;
    for (const [successId, successTs, successIp, successAction] of logins) {
      for (; f < rows.length && rows[f][1] < successTs; f++) {
        const [, ts, ip] = rows[f];
        if (chain.times.length > 0 && ts - chain.times[chain.times.length - 1] > within) chain = { times: [], ips: [] };
        chain.times.push(ts);
        if (ip && !chain.ips.includes(ip) && chain.ips.length < 20) chain.ips.push(ip);
      }
      const last = chain.times[chain.times.length - 1];
      if (chain.times.length >= opts.minFailures && last !== undefined && successTs - last <= within) {
        found.push({
          actor, failures: chain.times.length, firstFailure: new Date(chain.times[0]).toISOString(),
          lastFailure: new Date(last).toISOString(), failureIps: chain.ips, success: new Date(successTs).toISOString(),
          successId, successIp, successAction,
        });
      }
      chain = { times: [], ips: [] }; // a successful login ends the attempt, whatever came before
    }
  }
  found.sort((a, b) => (a.success < b.success ? 1 : a.success > b.success ? -1 : 0));
  return found.slice(0, opts.limit);
}
