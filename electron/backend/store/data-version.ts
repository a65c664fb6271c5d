import type { Db } from './open.js';

/**
 * A token that changes whenever the case's data does: changes by other connections (imports) and by this one
 * (annotations, which tag:/is:starred queries read). Per-query caches (anchors, facets, sessions, the column cache)
 * are keyed by it.
 */
export function dataVersion(db: Db): string {
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${db.pragma('data_version', { simple: true }) as number}.${changes}`;
}
