import type { SavedSearch } from '../../../../shared/contract/workbench.js';
import type { Db } from '../open.js';
import { appendJournal } from './journal.js';

const COLUMNS = 'id, name, query, description, created';

export function listSavedSearches(db: Db): SavedSearch[] {
  return db.prepare(`SELECT ${COLUMNS} FROM saved_searches ORDER BY name COLLATE NOCASE`).all() as SavedSearch[];
}

/** Saves under a name; saving an existing name (any case) replaces its query and description, keeping `created`. */
export function saveSearch(db: Db, s: { name: string; query: string; description: string }, now: Date): SavedSearch {
  return db.transaction(() => {
    const saved = db
      .prepare(
        `INSERT INTO saved_searches (name, query, description, created) VALUES (?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET query = excluded.query, description = excluded.description
         RETURNING ${COLUMNS}`,
      )
      .get(s.name, s.query, s.description, now.toISOString()) as SavedSearch;
    appendJournal(db, 'search-save', { id: saved.id, name: saved.name, query: saved.query });
    return saved;
  })();
}

export function deleteSavedSearch(db: Db, id: number): boolean {
  return db.transaction(() => {
    const gone = db.prepare('DELETE FROM saved_searches WHERE id = ? RETURNING name, query').get(id) as { name: string; query: string } | undefined;
    if (gone) appendJournal(db, 'search-delete', { id, ...gone });
    return gone !== undefined;
  })();
}
