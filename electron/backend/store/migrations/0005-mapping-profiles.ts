import type { Migration } from './index.js';

/**
 * Named field mapping profiles saved in the case, so the analyst who mapped an unknown export once can import the
 * next file of that shape by name (UI, or `auditlens import --mapping NAME`). `profile` is the MappingProfile JSON.
 * Imports remember the mapping they read through (see below).
 */
export const migration0005: Migration = {
  version: 5,
  name: 'mapping-profiles',
  up: `
    CREATE TABLE mapping_profiles (
      name       TEXT PRIMARY KEY COLLATE NOCASE,
      profile    TEXT NOT NULL CHECK (json_valid(profile)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- The mapping an import read its object through (formats/mapped.ts mappingIdentity), NULL for detection: the
    -- same bytes are skipped only when read the same way, so a file first read by detection can be mapped later.
    ALTER TABLE imports ADD COLUMN mapping TEXT;
  `,
};
