import type { PackPreview, PackRequest } from '../../../shared/contract/packs.js';
import { AppError } from '../../../shared/errors.js';
import type { Db } from '../store/open.js';
import { whereClause } from '../store/query-sql.js';
import { joinFragments, sql, type SqlFragment } from '../store/sql.js';
import { readAnnotations, type Annotations } from './annotations.js';
import { fullQuery, populationDefs, scopeQuery, TIMELINE, TIMELINE_ANCHORS, TIMELINE_MINUTES, type PopulationDef } from './populations.js';

/** A pack request resolved against a case: its populations as SQL, ready to count, sample and stream. */

export interface Population extends PopulationDef {
  /** The full query text (period and sources included) recorded in query.json. */
  fullQuery: string;
  where: SqlFragment;
}

export interface PackPlan {
  request: PackRequest;
  /** When the pack says it was generated: the request's generatedAt, else the period end. */
  generatedAt: string;
  scope: string;
  scopeWhere: SqlFragment;
  populations: Population[];
  /** Events of any population: what events.jsonl holds (before sampling). */
  unionWhere: SqlFragment;
  annotations: Annotations;
}

export function planPack(db: Db, request: PackRequest): PackPlan {
  const from = Date.parse(request.from);
  const to = Date.parse(request.to);
  if (!(from < to)) throw new AppError('INVALID_INPUT', `pack period: from (${request.from}) must be before to (${request.to})`);
  const generatedAt = new Date(request.generatedAt ?? request.to).toISOString();
  try {
    new Intl.DateTimeFormat('en', { timeZone: request.displayZone ?? 'UTC' });
  } catch {
    throw new AppError('INVALID_INPUT', `pack: unknown display zone '${request.displayZone}' (an IANA name such as Europe/Berlin, or UTC)`);
  }
  // Relative times in a custom query (`time>-24h`) resolve against generatedAt, so a rebuild selects the same events.
  const now = new Date(generatedAt);
  const annotations = readAnnotations(db);
  const scope = scopeQuery(request);
  const scopeWhere = whereClause(scope, now);
  const populations: Population[] = [];
  for (const def of populationDefs(request, annotations.taggedWhere !== null)) {
    if (def.query) whereClause(def.query, now); // a syntax error's column then points into the analyst's own text
    const text = fullQuery(scope, def);
    if (def.query) populations.push({ ...def, fullQuery: text, where: whereClause(text, now) });
    else if (def.name === TIMELINE.name) populations.push(timeline(def, scope, scopeWhere, populations));
    else populations.push({ ...def, fullQuery: `${text} (tagged events)`, where: sql`(${scopeWhere}) AND (${annotations.taggedWhere!})` });
  }
  const unionWhere = sql`(${joinFragments(populations.map((p) => sql`(${p.where})`), ' OR ')})`;
  return { request, generatedAt, scope, scopeWhere, populations, unionWhere, annotations };
}

/**
 * Events in scope by an actor who, within TIMELINE_MINUTES either side, has an anchor event (a correlated probe of
 * events_by_actor_ts per event). Inside the sub-select the anchors' bare column names resolve to `anchor`.
 */
function timeline(def: PopulationDef, scope: string, scopeWhere: SqlFragment, built: Population[]): Population {
  const anchors = built.filter((p) => TIMELINE_ANCHORS.includes(p.name));
  const anchorWhere = joinFragments(anchors.map((p) => sql`(${p.where})`), ' OR ');
  const span = TIMELINE_MINUTES * 60_000;
  return {
    ...def,
    fullQuery: `${scope} (same actor within ${TIMELINE_MINUTES} minutes of: ${anchors.map((a) => a.name).join(' OR ')})`,
    where: sql`(${scopeWhere}) AND events.actor IS NOT NULL AND EXISTS (SELECT 1 FROM events AS anchor
      WHERE anchor.actor = events.actor AND anchor.ts BETWEEN events.ts - ${span} AND events.ts + ${span} AND (${anchorWhere}))`,
  };
}

export function countWhere(db: Db, where: SqlFragment): number {
  return (db.prepare(`SELECT count(*) AS n FROM events WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
}

export function previewPack(db: Db, request: PackRequest): PackPreview {
  const plan = planPack(db, request);
  const total = countWhere(db, plan.unionWhere);
  return {
    populations: plan.populations.map((p) => ({ name: p.name, label: p.label, query: p.fullQuery, count: countWhere(db, p.where) })),
    total,
    excluded: countWhere(db, plan.scopeWhere) - total,
  };
}
