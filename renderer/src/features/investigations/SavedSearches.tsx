import { useCallback, useState } from 'react';
import { api, errorMessage } from '../../api/index.js';
import { useInvoke } from '../views/use-invoke.js';

interface Props {
  query: string;
  version: number;
  onRun: (view: { query: string; title: string }) => void;
}

/** The case's saved searches: run, delete, and save the current query under a name. */
export function SavedSearches({ query, version, onRun }: Props) {
  const [changes, setChanges] = useState(0);
  const { data, error } = useInvoke('searches:list', {}, version + changes);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const act = useCallback((p: Promise<unknown>) => {
    p.then(() => (setChanges((c) => c + 1), setProblem(null)), (err: unknown) => setProblem(errorMessage(err)));
  }, []);
  const save = () => {
    if (!name.trim()) return setProblem('Give the search a name');
    act(api.invoke('searches:save', { name: name.trim(), query, description }).then(() => (setName(''), setDescription(''))));
  };
  return (
    <section aria-label="Saved searches">
      <h3>Saved searches</h3>
      {error && <p className="error" role="alert">{error}</p>}
      {data && data.length === 0 && <p className="muted">None yet.</p>}
      <ul className="investigation-list">
        {data?.map((s) => (
          <li key={s.id} className="investigation" data-testid="saved-search">
            <div className="investigation-head">
              <strong>{s.name}</strong>
              <button type="button" aria-label={`Run saved search: ${s.name}`} onClick={() => onRun({ query: s.query, title: s.name })}>Run</button>
              <button type="button" aria-label={`Delete saved search: ${s.name}`} onClick={() => act(api.invoke('searches:delete', { id: s.id }))}>Delete</button>
            </div>
            {s.description && <p className="muted">{s.description}</p>}
            <code className="investigation-query">{s.query || '(all events)'}</code>
          </li>
        ))}
      </ul>
      <form className="save-search" onSubmit={(e) => (e.preventDefault(), save())} aria-label="Save the current query">
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Description
          <input value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <button type="submit" disabled={!name.trim()}>Save current query</button>
        <code className="investigation-query">{query || '(all events)'}</code>
      </form>
      {problem && <p className="error" role="alert">{problem}</p>}
    </section>
  );
}
