import { useState, type FormEvent } from 'react';
import type { Comment } from '../../../../shared/contract/annotations.js';
import { formatTime, type ZoneMode } from '../../lib/time.js';
import { CommentHistory } from './CommentHistory.js';
import { timeAgo } from './relative-time.js';
import { useNow } from './use-now.js';

interface Props {
  comment: Comment;
  zone: ZoneMode;
  busy: boolean;
  /** Resolve true when the backend stored the change. */
  onEdit: (text: string) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
}

/**
 * One comment: author and time, "edited 3 min ago" (a toggle that shows the earlier versions), and for the
 * comment's own author Edit and Delete. A deletion is confirmed first and says what the journal keeps.
 */
export function CommentItem({ comment: c, zone, busy, onEdit, onDelete }: Props) {
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const [draft, setDraft] = useState(c.text);
  const [showHistory, setShowHistory] = useState(false);
  const now = useNow(c.editedAt !== null);
  const save = (e: FormEvent) => {
    e.preventDefault();
    const text = draft.trim();
    if (text) void onEdit(text).then((ok) => ok && setMode('view'));
  };
  return (
    <li className="comment" aria-label={`Comment by ${c.author}`} data-comment-id={c.id}>
      <div className="comment-meta">
        <strong>{c.author}</strong> <time dateTime={c.at}>{formatTime(c.at, zone)}</time>
        {c.editedAt && (
          <button
            type="button"
            className="link-button"
            aria-expanded={showHistory}
            aria-label={`Edited ${timeAgo(c.editedAt, now)}, ${c.versions - 1} earlier ${c.versions === 2 ? 'version' : 'versions'}`}
            title={formatTime(c.editedAt, zone, true)}
            onClick={() => setShowHistory((s) => !s)}
          >
            edited {timeAgo(c.editedAt, now)} {showHistory ? '▾' : '▸'}
          </button>
        )}
        {c.mine && mode === 'view' && (
          <span className="comment-actions">
            <button type="button" className="link-button" aria-label="Edit comment" onClick={() => (setDraft(c.text), setMode('edit'))}>
              Edit
            </button>
            <button type="button" className="link-button" aria-label="Delete comment" onClick={() => setMode('confirm-delete')}>
              Delete
            </button>
          </span>
        )}
      </div>
      {mode === 'edit' ? (
        <form className="comment-form" onSubmit={save}>
          <textarea
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            aria-label="Revised text"
            rows={2}
            autoFocus
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(e);
              if (e.key === 'Escape') setMode('view');
            }}
          />
          <button type="submit" disabled={!draft.trim() || busy}>Save edit</button>
          <button type="button" onClick={() => setMode('view')}>Cancel</button>
        </form>
      ) : (
        <p className="comment-text">{c.text}</p>
      )}
      {mode === 'confirm-delete' && (
        <div className="comment-confirm" role="group" aria-label="Confirm deletion">
          <span>Delete this comment? It leaves the event, searches and exports; the case journal keeps its text.</span>
          <button type="button" className="danger" disabled={busy} onClick={() => void onDelete()}>
            Delete comment
          </button>
          <button type="button" onClick={() => setMode('view')}>Keep it</button>
        </div>
      )}
      {showHistory && c.editedAt && <CommentHistory commentId={c.id} versions={c.versions} />}
    </li>
  );
}
