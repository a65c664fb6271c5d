import type Database from 'better-sqlite3';
import { migration0001 } from './0001-initial.js';
import { migration0002 } from './0002-exports.js';
import { migration0003 } from './0003-packs.js';
import { migration0004 } from './0004-annotations.js';
import { migration0005 } from './0005-mapping-profiles.js';
import { migration0006 } from './0006-api-sources.js';
import { migration0007 } from './0007-s3-objects.js';
import { migration0008 } from './0008-saved-searches.js';
import { migration0009 } from './0009-annotation-corrections.js';
import { migration0010 } from './0010-event-deletions.js';

export interface Migration {
  version: number;
  name: string;
  /** SQL run inside one transaction; `user_version` is set to `version` in the same transaction. */
  up: string;
}

/** All migrations in order. Append only: a shipped migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Brings a case file to SCHEMA_VERSION (or to `target`, for migration tests). */
export function migrate(db: Database.Database, target = SCHEMA_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`case file schema v${current} is newer than this Auditlens (v${SCHEMA_VERSION}); upgrade Auditlens`);
  }
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
