import { useEffect, useState } from 'react';
import type { CommentHistory as History } from '../../../../shared/contract/annotation-corrections.js';
import { api, errorMessage } from '../../api/index.js';
import { formatTime } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';

/** The earlier texts of an edited comment, newest first, each with its author and when it was written. */
export function CommentHistory({ commentId, versions }: { commentId: number; versions: number }) {
  const zone = useZone();
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // `versions` in the dependencies: a new edit while the history is open reloads it.
    api.invoke('annotations:comment-history', { commentId }).then(
      (h) => live && setHistory(h),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [commentId, versions]);
  if (error) return <p className="error" role="alert">{error}</p>;
  if (!history) return <p className="muted">Loading history…</p>;
  const earlier = history.versions.slice(0, -1).reverse();
  return (
    <ol className="comment-history" aria-label="Earlier versions" data-testid="comment-history">
      {earlier.map((v) => (
        <li key={v.version}>
          <div className="comment-meta">
            Version {v.version} by <strong>{v.author}</strong>, written <time dateTime={v.writtenAt}>{formatTime(v.writtenAt, zone)}</time>
            {v.replacedAt && (
              <>
                , replaced <time dateTime={v.replacedAt}>{formatTime(v.replacedAt, zone)}</time>
              </>
            )}
          </div>
          <p className="comment-text">{v.text}</p>
        </li>
      ))}
    </ol>
  );
}
