import { useRef, useState } from 'react';
import { api, errorMessage } from '../../api/index.js';
import { Dialog } from '../../components/Dialog.js';
import { FieldList } from './FieldList.js';
import { FieldPicker } from './FieldPicker.js';
import { PreviewTable } from './PreviewTable.js';
import { useMappingEditor } from './use-mapping-editor.js';
import './mapping.css';

interface Props {
  /** A file to start with (an import that found no known format); else the analyst picks one. */
  file: File | null;
  onClose: () => void;
  /** Called with the job of an import started from the editor. */
  onImported: (jobId: string) => void;
}

/**
 * The field mapping editor: pick a file of unknown shape, map its fields to the normalized ones, watch the first
 * records normalize live, save the mapping as a named profile in the case, and import the file with it.
 */
export function MappingEditor({ file, onClose, onImported }: Props) {
  const m = useMappingEditor(file);
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState('');
  const vendor = m.preview && !['json', 'csv'].includes(m.preview.detectedFormat ?? '') ? m.preview.detectedLabel : null;

  const save = () => {
    if (!m.profile || !m.draft.name.trim()) return;
    setBusy(true);
    api
      .invoke('mapping:save', { profile: { ...m.profile, name: m.draft.name.trim() } })
      .then(
        (s) => {
          setStatus(`Saved profile “${s.name}”.`);
          setSelected(s.name);
          m.refreshSaved();
        },
        (e: unknown) => m.setError(errorMessage(e)),
      )
      .finally(() => setBusy(false));
  };
  const remove = () => {
    if (!selected) return;
    api.invoke('mapping:delete', { name: selected }).then(
      () => {
        setStatus(`Deleted profile “${selected}”.`);
        setSelected('');
        m.refreshSaved();
      },
      (e: unknown) => m.setError(errorMessage(e)),
    );
  };
  const startImport = () => {
    if (!m.staged || !m.profile) return;
    setBusy(true);
    const names = m.staged.name ? [m.staged.name] : undefined;
    api
      .invoke('import:start', { paths: [m.staged.path], names, mapping: m.profile })
      .then(({ jobId }) => onImported(jobId), (e: unknown) => m.setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };

  return (
    <Dialog title="Map fields" onClose={onClose} className="mapping-editor" testId="mapping-editor">
      <div className="me-bar">
        <button type="button" onClick={() => input.current?.click()} disabled={m.staging}>
          {m.staged ? 'Choose another file…' : 'Choose file…'}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          aria-label="File to map"
          data-testid="mapping-file-input"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (f) m.pickFile(f);
          }}
        />
        <span className="me-file mono" data-testid="mapping-file">
          {m.staging ? 'Reading…' : (m.staged?.label ?? 'No file chosen')}
        </span>
        {m.preview && <span className="muted">{m.preview.kind.toUpperCase()}</span>}
        <span className="spacer" />
        <label className="me-saved">
          Saved profile
          <select
            aria-label="Saved profile"
            value={selected}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setSelected(name);
              const found = m.saved.find((s) => s.name === name);
              if (found) m.load(found);
            }}
          >
            <option value="">— new profile —</option>
            {m.saved.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="small" onClick={remove} disabled={!selected} aria-label="Delete saved profile">
          Delete
        </button>
      </div>
      {vendor && (
        <p className="me-note" role="note">
          This file looks like <strong>{vendor}</strong>: a plain import reads it without a mapping.
        </p>
      )}
      {m.error && (
        <p className="error" role="alert">
          {m.error}
        </p>
      )}
      {m.preview ? (
        <>
          <div className="me-columns">
            <FieldPicker fields={m.preview.fields} draft={m.draft} onChange={m.setDraft} />
            <FieldList preview={m.preview} />
          </div>
          <PreviewTable preview={m.preview} mapped={m.profile !== null} />
        </>
      ) : (
        !m.staging && <p className="hint">Choose a JSON or CSV file (also .gz or .zip) to see its fields and map them.</p>
      )}
      <div className="dialog-actions me-actions">
        <label className="me-name">
          Profile name
          <input
            aria-label="Profile name"
            value={m.draft.name}
            placeholder="e.g. CRM audit export"
            onChange={(e) => m.setDraft({ ...m.draft, name: e.currentTarget.value })}
          />
        </label>
        <button type="button" onClick={save} disabled={busy || !m.profile || !m.draft.name.trim()}>
          Save profile
        </button>
        <span className="spacer muted" role="status" data-testid="mapping-status">
          {status}
        </span>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={startImport} disabled={busy || !m.staged || !m.profile}>
          Import with this mapping
        </button>
      </div>
    </Dialog>
  );
}
