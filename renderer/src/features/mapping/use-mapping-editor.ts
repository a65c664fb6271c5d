import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MappingPreview, SavedMapping } from '../../../../shared/contract/mapping.js';
import { api, errorMessage } from '../../api/index.js';
import { draftProfile, EMPTY_DRAFT, fromProfile, type MappingDraft } from './draft.js';

/** A file the backend can read: an uploaded copy (web) or the file itself (Electron). */
export interface StagedFile {
  path: string;
  /** Original file name (web uploads); Electron reads the file in place and names it by its path. */
  name?: string;
  label: string;
}

/**
 * State of the mapping editor: the staged file, the draft mapping, its live preview (re-fetched shortly after each
 * change, through the same backend code as the import) and the case's saved profiles.
 */
export function useMappingEditor(initialFile: File | null) {
  const [staged, setStaged] = useState<StagedFile | null>(null);
  const [staging, setStaging] = useState(false);
  const [draft, setDraft] = useState<MappingDraft>(EMPTY_DRAFT);
  const [preview, setPreview] = useState<MappingPreview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedMapping[]>([]);
  const [suggestedFor, setSuggestedFor] = useState<string | null>(null);

  const refreshSaved = useCallback(() => {
    api.invoke('mapping:list', {}).then(setSaved, (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(refreshSaved, [refreshSaved]);

  const pickFile = useCallback((file: File) => {
    setStaging(true);
    setError(null);
    setPreview(null);
    api
      .stageFiles([file])
      .then(
        ({ paths, names }) => setStaged({ path: paths[0], name: names?.[0], label: file.name }),
        (e: unknown) => setError(errorMessage(e)),
      )
      .finally(() => setStaging(false));
  }, []);
  useEffect(() => {
    if (initialFile) pickFile(initialFile);
  }, [initialFile, pickFile]);

  const profile = useMemo(() => draftProfile(draft), [draft]);
  const profileKey = JSON.stringify(profile);
  useEffect(() => {
    if (!staged) return;
    let live = true;
    // A short pause so typing outcome words does not send a request per key.
    const timer = setTimeout(() => {
      setLoading(true);
      const input = { path: staged.path, name: staged.name, limit: 20, ...(profile ? { mapping: profile } : {}) };
      api.invoke('mapping:preview', input).then(
        (p) => {
          if (!live) return;
          setPreview(p);
          setError(null);
          setLoading(false);
        },
        (e: unknown) => {
          if (!live) return;
          setError(errorMessage(e));
          setLoading(false);
        },
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // profileKey stands for profile: the same mapping as a new object must not fetch again.
  }, [staged, profileKey]);

  // A new file with nothing mapped yet starts from the fields a generic reader would pick (the analyst checks them).
  useEffect(() => {
    if (!preview || !staged || suggestedFor === staged.path) return;
    setSuggestedFor(staged.path);
    setDraft((d) => (Object.keys(d.fields).length ? d : { ...d, fields: { ...preview.suggested } }));
  }, [preview, staged, suggestedFor]);

  return {
    staged, staging, pickFile, draft, setDraft, profile, preview, loading, error, setError, saved, refreshSaved,
    load: (m: SavedMapping) => setDraft(fromProfile(m.profile)),
  };
}
