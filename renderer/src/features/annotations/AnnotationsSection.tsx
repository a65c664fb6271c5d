import { useState, type FormEvent } from 'react';
import { useZone } from '../zone/zone-context.js';
import { CommentItem } from './CommentItem.js';
import { TagChip } from './TagChip.js';
import { TagEditor } from './TagEditor.js';
import { useTags } from './tag-store.js';
import { useAnnotations } from './use-annotations.js';
import './annotations.css';

/**
 * The analyst's marks on one event, in the details pane: star, tags (coloured, described), and comments with
 * author and time (editable and deletable by their author, with a visible history). Each change is stored in the case and journaled by the backend; the table and searches follow.
 */
export function AnnotationsSection({ eventId }: { eventId: string }) {
  const zone = useZone();
  const known = useTags();
  const { data, error, busy, change } = useAnnotations(eventId);
  const [tag, setTag] = useState('');
  const [comment, setComment] = useState('');

  const addTag = (e: FormEvent) => {
    e.preventDefault();
    const name = tag.trim();
    if (name) void change('annotations:tag', { eventId, tag: name }).then((ok) => ok && setTag(''));
  };
  const addComment = (e: FormEvent) => {
    e.preventDefault();
    const text = comment.trim();
    if (text) void change('annotations:comment', { eventId, text }).then((ok) => ok && setComment(''));
  };

  return (
    <section className="annotations" aria-label="Annotations" data-testid="annotations" aria-busy={busy}>
      <div className="section-head">
        <h3>Annotations</h3>
        <span className="spacer" />
        {/* Outside the add-tag form: its own form must not nest in another (a nested submit would navigate). */}
        <TagEditor />
        <button
          type="button"
          className={`star-toggle${data?.starred ? ' on' : ''}`}
          aria-pressed={data?.starred ?? false}
          aria-label="Star event"
          disabled={!data}
          onClick={() => data && void change('annotations:star', { eventId, starred: !data.starred })}
        >
          {data?.starred ? '★ Starred' : '☆ Star'}
        </button>
      </div>
      <div className="tag-row" role="list" aria-label="Tags">
        {data?.tags.map((t) => (
          <span role="listitem" key={t.name}>
            <TagChip name={t.name}>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove tag ${t.name}`}
                onClick={() => void change('annotations:untag', { eventId, tag: t.name })}
              >
                ×
              </button>
            </TagChip>
          </span>
        ))}
        {data && data.tags.length === 0 && <span className="muted">No tags</span>}
      </div>
      <form className="inline-form" onSubmit={addTag}>
        <input
          list="annotation-tag-names"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          placeholder="tag name"
          aria-label="Add tag"
          data-testid="tag-input"
        />
        <datalist id="annotation-tag-names">
          {known.map((t) => <option key={t.name} value={t.name}>{t.description}</option>)}
        </datalist>
        <button type="submit" disabled={!tag.trim() || busy}>Add tag</button>
      </form>
      <ol className="comments" aria-label="Comments">
        {data?.comments.map((c) => (
          <CommentItem
            key={c.id}
            comment={c}
            zone={zone}
            busy={busy}
            onEdit={(text) => change('annotations:comment-edit', { commentId: c.id, text })}
            onDelete={() => change('annotations:comment-delete', { commentId: c.id })}
          />
        ))}
      </ol>
      <form className="comment-form" onSubmit={addComment}>
        <textarea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder="What did you find?"
          aria-label="Comment"
          rows={2}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) addComment(e);
          }}
        />
        <button type="submit" disabled={!comment.trim() || busy}>Add comment</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
