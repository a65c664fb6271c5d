import { csvRow, UTF8_BOM } from '../export/csv.js';
import type { Db } from '../store/open.js';
import type { SqlFragment } from '../store/sql.js';
import type { PackPlan } from './plan.js';

/**
 * Summaries over each population as selected (before any sampling: a sample's summary would mislead). Access
 * reviews get one row per user; the other types one row per population, category, action and outcome.
 */

// Vendors name these in their action ids (PASSWORD_CHANGED, user.mfa.factor.activate, ConsoleLogin...).
const PASSWORD_MFA = `(action LIKE '%password%' OR action LIKE '%mfa%' OR action LIKE '%factor%' OR action LIKE '%otp%'
  OR action LIKE '%2fa%' OR action LIKE '%passkey%' OR action LIKE '%webauthn%')`;
const LOGOUT = `(action LIKE '%logout%' OR action LIKE '%log_out%' OR action LIKE '%signout%' OR action LIKE '%sign_out%'
  OR action LIKE '%session.end%')`;
const LOGIN = `category = 'authentication' AND NOT coalesce(${PASSWORD_MFA}, 0) AND NOT coalesce(${LOGOUT}, 0)`;

export interface UserSummary {
  user: string;
  events: number;
  logins: number;
  loginFailures: number;
  lastLogin: string | null;
  lastFailure: string | null;
  passwordMfaEvents: number;
  roleChangesMade: number;
  roleChangesReceived: number;
  userLifecycleEvents: number;
  firstSeen: string;
  lastSeen: string;
}

export interface ActionSummary {
  population: string;
  category: string;
  action: string | null;
  outcome: string;
  events: number;
  first: string;
  last: string;
}

export const USER_COLUMNS: (keyof UserSummary)[] = [
  'user', 'events', 'logins', 'loginFailures', 'lastLogin', 'lastFailure', 'passwordMfaEvents', 'roleChangesMade',
  'roleChangesReceived', 'userLifecycleEvents', 'firstSeen', 'lastSeen',
];
export const ACTION_COLUMNS: (keyof ActionSummary)[] = ['population', 'category', 'action', 'outcome', 'events', 'first', 'last'];

export function userSummary(db: Db, where: SqlFragment): UserSummary[] {
  const rows = db
    .prepare(
      `SELECT coalesce(actor, '') AS user, count(*) AS events,
         sum(${LOGIN} AND outcome = 'success') AS logins,
         sum(${LOGIN} AND outcome = 'failure') AS loginFailures,
         max(CASE WHEN ${LOGIN} AND outcome = 'success' THEN time END) AS lastLogin,
         max(CASE WHEN ${LOGIN} AND outcome = 'failure' THEN time END) AS lastFailure,
         sum(category = 'authentication' AND coalesce(${PASSWORD_MFA}, 0)) AS passwordMfaEvents,
         sum(category = 'authorization') AS roleChangesMade,
         sum(category = 'user_management') AS userLifecycleEvents,
         min(time) AS firstSeen, max(time) AS lastSeen
       FROM events WHERE ${where.sql} GROUP BY coalesce(actor, '') ORDER BY 1`,
    )
    .all(...where.params) as Omit<UserSummary, 'roleChangesReceived'>[];
  const received = new Map(
    (db
      .prepare(`SELECT target AS user, count(*) AS n FROM events WHERE (${where.sql}) AND category = 'authorization'
                AND target IS NOT NULL GROUP BY target`)
      .all(...where.params) as { user: string; n: number }[]).map((r) => [r.user.toLowerCase(), r.n]),
  );
  return rows.map((r) => ({ ...r, roleChangesReceived: received.get(r.user.toLowerCase()) ?? 0 }));
}

export function actionSummary(db: Db, plan: PackPlan): ActionSummary[] {
  return plan.populations.flatMap((p) =>
    (db
      .prepare(
        `SELECT category, action, outcome, count(*) AS events, min(time) AS first, max(time) AS last
         FROM events WHERE ${p.where.sql} GROUP BY category, action, outcome ORDER BY events DESC, category, action, outcome`,
      )
      .all(...p.where.params) as Omit<ActionSummary, 'population'>[]).map((r) => ({ population: p.name, ...r })),
  );
}

export function summaryCsv<T extends object>(columns: (keyof T)[], rows: readonly T[]): string {
  return UTF8_BOM + csvRow(columns as string[]) + rows.map((r) => csvRow(columns.map((c) => r[c]))).join('');
}
