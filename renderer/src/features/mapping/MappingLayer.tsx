import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Job } from '../../../../shared/contract/channels.js';
import { api } from '../../api/index.js';
import { MappingEditor } from './MappingEditor.js';

/** Formats of the generic readers: an object read by them matched no vendor format. */
const GENERIC = new Set(['json', 'csv']);

export interface MappingLauncher {
  open: (file: File | null) => void;
  /** The files of the latest import, so the editor can start from the one no format recognised. */
  remember: (files: File[]) => void;
  state: { file: File | null } | null;
  close: () => void;
  files: RefObject<File[]>;
  /** Jobs started from the editor (their objects are generic by design: no notice for them). */
  mappedJobs: RefObject<Set<string>>;
}

export function useMappingLauncher(): MappingLauncher {
  const [state, setState] = useState<{ file: File | null } | null>(null);
  const files = useRef<File[]>([]);
  const mappedJobs = useRef(new Set<string>());
  return {
    open: useCallback((file: File | null) => setState({ file }), []),
    remember: useCallback((f: File[]) => (files.current = f), []),
    close: useCallback(() => setState(null), []),
    state,
    files,
    mappedJobs,
  };
}

/**
 * After an import, names the files that no vendor format recognised and whose records mostly could not be read by
 * field names, and offers the mapping editor for them; and the editor itself when open.
 */
export function MappingLayer({ launcher, finished }: { launcher: MappingLauncher; finished: Job | null }) {
  const [unknown, setUnknown] = useState<string[]>([]);
  useEffect(() => {
    setUnknown([]);
    if (!finished || launcher.mappedJobs.current.has(finished.jobId)) return;
    let live = true;
    api.invoke('imports:list', { limit: 1000 }).then(
      (rows) => {
        if (!live) return;
        // Only where reading by field names mostly failed: a generic file that imported well needs no interruption.
        const generic = rows.filter(
          (r) =>
            r.jobId === finished.jobId &&
            r.format?.split(',').some((f) => GENERIC.has(f)) &&
            (r.inserted + r.duplicates === 0 || r.rejects * 2 > r.records),
        );
        setUnknown(generic.map((r) => r.object));
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [finished, launcher.mappedJobs]);

  const openFor = () => {
    const base = (p: string) => p.split(/[\\/!]/).pop();
    const file = launcher.files.current.find((f) => unknown.some((u) => base(u) === f.name)) ?? null;
    setUnknown([]);
    launcher.open(file);
  };

  return (
    <>
      {unknown.length > 0 && (
        <div className="import-summary unknown-format" role="status" data-testid="unknown-format-notice">
          <span>
            No known format in <strong>{unknown.map((u) => u.split(/[\\/]/).pop()).join(', ')}</strong>, and reading it by
            field names found too little (see the import log). Map its fields to import it.
          </span>
          <button type="button" className="primary small" onClick={openFor}>
            Map fields…
          </button>
          <button type="button" className="icon" aria-label="Dismiss format notice" onClick={() => setUnknown([])}>
            ×
          </button>
        </div>
      )}
      {launcher.state && (
        <MappingEditor
          file={launcher.state.file}
          onClose={launcher.close}
          onImported={(jobId) => {
            launcher.mappedJobs.current.add(jobId);
            launcher.close();
          }}
        />
      )}
    </>
  );
}
