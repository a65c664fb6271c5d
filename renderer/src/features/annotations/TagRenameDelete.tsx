import { useState } from 'react';
import type { TagSummary } from '../../../../shared/contract/annotations.js';
import { api, errorMessage } from '../../api/index.js';
import { countOf } from '../../lib/format.js';
import { refreshTags } from './tag-store.js';

/**
 * In the tag editor, for an existing tag: rename it (on every event carrying it) or delete it. A deletion says how
 * many events carry the tag and asks first; the backend deletes only for that confirmed count.
 */
export function TagRenameDelete({ tag, onDone }: { tag: TagSummary; onDone: () => void }) {
  const [newName, setNewName] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown>) =>
    p.then(
      () => (void refreshTags(), onDone()),
      (err: unknown) => setError(errorMessage(err)),
    );
  const rename = () => {
    setError(null);
    void run(api.invoke('tags:rename', { name: tag.name, newName: newName.trim() }));
  };
  const remove = () => {
    setError(null);
    void run(api.invoke('tags:delete', { name: tag.name, events: tag.events }));
  };
  return (
    <div className="tag-danger" role="group" aria-label={`Rename or delete tag ${tag.name}`}>
      <div className="row">
        <input
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          placeholder={`new name for ${tag.name}`}
          aria-label="New tag name"
          onKeyDown={(e) => {
            if (e.key === 'Enter' && newName.trim()) {
              e.preventDefault();
              rename();
            }
          }}
        />
        <button type="button" disabled={!newName.trim()} onClick={rename}>Rename tag</button>
      </div>
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)}>Delete tag…</button>
      ) : (
        <div className="row tag-confirm" role="alertdialog" aria-label="Confirm tag deletion">
          <span>
            {tag.events > 0
              ? `Delete tag ${tag.name}? It is on ${countOf(tag.events, 'event')}; it will be removed from them (journaled).`
              : `Delete tag ${tag.name}? No event carries it.`}
          </span>
          <button type="button" className="danger" onClick={remove}>
            {tag.events > 0 ? `Delete and remove from ${countOf(tag.events, 'event')}` : 'Delete tag'}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
