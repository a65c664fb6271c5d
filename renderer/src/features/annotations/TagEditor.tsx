import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../api/index.js';
import { Popover } from '../../components/Popover.js';
import { refreshTags, useTags } from './tag-store.js';
import { TagRenameDelete } from './TagRenameDelete.js';

/** "Edit tags": a tag's description and colour (defining it when new); an existing tag can be renamed or deleted. */
export function TagEditor() {
  const tags = useTags();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [color, setColor] = useState('#64748b');
  const [error, setError] = useState<string | null>(null);
  const pick = (n: string) => {
    setName(n);
    const def = tags.find((t) => t.name.toLowerCase() === n.trim().toLowerCase());
    if (def) {
      setDescription(def.description);
      setColor(def.color);
    }
  };
  const existing = tags.find((t) => t.name.toLowerCase() === name.trim().toLowerCase());
  const save = (e: FormEvent, close: () => void) => {
    e.preventDefault();
    setError(null);
    api.invoke('tags:define', { name: name.trim(), description, color }).then(
      () => (void refreshTags(), close()),
      (err: unknown) => setError(errorMessage(err)),
    );
  };
  return (
    <Popover label="Edit tags…" buttonLabel="Edit tag definitions" testId="tag-editor" className="tag-editor-anchor" align="right">
      {(close) => (
        <>
          <form className="tag-editor" onSubmit={(e) => save(e, close)}>
            <label>
              <span>Tag</span>
              <input list="tag-editor-names" value={name} onChange={(e) => pick(e.target.value)} aria-label="Tag name" required />
              <datalist id="tag-editor-names">
                {tags.map((t) => <option key={t.name} value={t.name} />)}
              </datalist>
            </label>
            <label>
              <span>Description</span>
              <input value={description} onChange={(e) => setDescription(e.target.value)} aria-label="Tag description" />
            </label>
            <label>
              <span>Colour</span>
              <input type="color" value={color} onChange={(e) => setColor(e.target.value)} aria-label="Tag colour" />
            </label>
            {error && <p className="error" role="alert">{error}</p>}
            <button type="submit" className="primary">Save tag</button>
          </form>
          {existing && <TagRenameDelete key={existing.name} tag={existing} onDone={close} />}
        </>
      )}
    </Popover>
  );
}
