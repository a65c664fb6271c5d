import type { NamedMappingProfile, SavedMapping } from '../../../../shared/contract/mapping.js';
import { NamedMappingProfileSchema } from '../../../../shared/contract/mapping.js';
import { AppError } from '../../../../shared/errors.js';
import type { Db } from '../open.js';
import { appendJournal } from './journal.js';

interface Row {
  name: string;
  profile: string;
  created_at: string;
  updated_at: string;
}

function toSaved(row: Row): SavedMapping {
  const parsed = NamedMappingProfileSchema.safeParse(JSON.parse(row.profile));
  if (!parsed.success) throw new AppError('CASE_CORRUPT', `mapping profile "${row.name}" in the case is not a valid profile: ${parsed.error.issues[0].message}`);
  return { name: row.name, profile: parsed.data, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function listMappingProfiles(db: Db): SavedMapping[] {
  return (db.prepare('SELECT name, profile, created_at, updated_at FROM mapping_profiles ORDER BY name COLLATE NOCASE').all() as Row[]).map(toSaved);
}

/** Names compare case-insensitively (as the table's key does). */
export function getMappingProfile(db: Db, name: string): SavedMapping | null {
  const row = db.prepare('SELECT name, profile, created_at, updated_at FROM mapping_profiles WHERE name = ?').get(name.trim()) as Row | undefined;
  return row ? toSaved(row) : null;
}

/** Creates or replaces the profile of that name; journaled, like every change the analyst makes to the case. */
export function saveMappingProfile(db: Db, profile: NamedMappingProfile, now: Date): SavedMapping {
  const name = profile.name.trim();
  const stored = { ...profile, name };
  const at = now.toISOString();
  db.transaction(() => {
    db.prepare(
      `INSERT INTO mapping_profiles (name, profile, created_at, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET name = excluded.name, profile = excluded.profile, updated_at = excluded.updated_at`,
    ).run(name, JSON.stringify(stored), at, at);
    appendJournal(db, 'mapping-save', { name, fields: stored.fields, outcomeValues: stored.outcomeValues ?? null });
  })();
  const saved = getMappingProfile(db, name);
  if (!saved) throw new AppError('INTERNAL', `mapping profile "${name}" was not stored`);
  return saved;
}

export function deleteMappingProfile(db: Db, name: string): boolean {
  return db.transaction(() => {
    const deleted = db.prepare('DELETE FROM mapping_profiles WHERE name = ?').run(name.trim()).changes > 0;
    if (deleted) appendJournal(db, 'mapping-delete', { name: name.trim() });
    return deleted;
  })();
}
