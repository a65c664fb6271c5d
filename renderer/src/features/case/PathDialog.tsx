import { useState, type FormEvent } from 'react';
import type { CaseInfo } from '../../../../shared/contract/channels.js';
import { api, errorMessage } from '../../api/index.js';
import { Dialog } from '../../components/Dialog.js';

interface Props {
  mode: 'new' | 'open';
  initialPath: string;
  onDone: (info: CaseInfo) => void;
  onClose: () => void;
}

/** Asks for a case file path on the machine running the backend (the host is local). */
export function PathDialog({ mode, initialPath, onDone, onClose }: Props) {
  const [path, setPath] = useState(initialPath);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = mode === 'new' ? 'New case' : 'Open case';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = path.trim();
    if (!p) return setError('Enter a file path.');
    setBusy(true);
    setError(null);
    try {
      const info = await api.invoke(mode === 'new' ? 'case:new' : 'case:open', { path: p });
      onDone(info);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onClose={onClose} testId="case-dialog">
      <form onSubmit={submit} className="path-form">
        <label htmlFor="case-path-input">
          {mode === 'new' ? 'Path of the new case file' : 'Path of an existing case file'}
        </label>
        <input
          id="case-path-input"
          data-testid="case-path-input"
          className="mono"
          autoFocus
          spellCheck={false}
          placeholder="/home/analyst/cases/incident-42.auditlens"
          value={path}
          onChange={(e) => setPath(e.target.value)}
        />
        <p className="hint">
          {mode === 'new'
            ? 'A SQLite case file is created at this path on the machine running Auditlens.'
            : 'The case file is opened on the machine running Auditlens.'}
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Working…' : mode === 'new' ? 'Create' : 'Open'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
