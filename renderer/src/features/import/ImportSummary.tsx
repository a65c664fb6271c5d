import type { Job } from '../../../../shared/contract/channels.js';
import { countOf, formatInt } from '../../lib/format.js';

interface Props {
  job: Job | null;
  error: string | null;
  onOpenLog: () => void;
  onDismiss: () => void;
}

const TITLES: Record<Job['status'], string> = {
  running: 'Import running',
  completed: 'Import finished',
  failed: 'Import failed',
  cancelled: 'Import cancelled',
};

/** What the last import did: inserted, duplicates, rejects (with a link to the import log). */
export function ImportSummary({ job, error, onOpenLog, onDismiss }: Props) {
  if (!job && !error) return null;
  const failed = error !== null || job?.status === 'failed';
  const p = job?.progress;
  return (
    <div className={`import-summary ${failed ? 'is-error' : ''}`} role="status" data-testid="import-summary">
      <strong>{job ? TITLES[job.status] : 'Import failed'}</strong>
      {p && (
        <span>
          <span data-testid="summary-inserted">{formatInt(p.inserted)} inserted</span> ·{' '}
          <span data-testid="summary-duplicates">{countOf(p.duplicates, 'duplicate')}</span> ·{' '}
          <span data-testid="summary-rejects">{countOf(p.rejects, 'reject')}</span>
          {p.filesTotal > 1 ? ` · ${p.filesTotal} files` : ''}
        </span>
      )}
      {(error ?? job?.error) && <span className="error">{error ?? job?.error}</span>}
      <button type="button" className="link" onClick={onOpenLog} data-testid="open-import-log">
        Import log
      </button>
      <button type="button" className="icon" aria-label="Dismiss import summary" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
