import { countOf, formatBytes, formatInt } from '../../lib/format.js';
import { CopyButton } from '../details/CopyButton.js';
import { downloadUrl, type ExportJob } from './use-export-job.js';

function fileName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/** The running export (rows and bytes written, Cancel), then how it ended (Download or the path), until dismissed. */
export function ExportStatus({ job, onHistory }: { job: ExportJob; onHistory: () => void }) {
  const { running, progress, finished, error } = job;
  if (running) {
    const rows = progress?.records ?? 0;
    const pct = running.expected ? Math.min(100, Math.round((100 * rows) / Math.max(1, running.expected))) : undefined;
    const label = `Exporting ${fileName(running.outPath)}`;
    const detail = `${formatInt(rows)}${running.expected !== null ? ` of ${formatInt(running.expected)}` : ''} rows · ${formatBytes(progress?.bytesRead ?? 0)}`;
    return (
      <span className="export-status" data-testid="export-progress">
        <span className="ip-label">{label}</span>
        <span className="progress export-bar" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={detail}>
          <span className="progress-fill" style={{ width: `${pct ?? 0}%` }} />
        </span>
        <span className="ip-detail">{detail}</span>
        <button type="button" className="small" onClick={job.cancel}>
          Cancel export
        </button>
      </span>
    );
  }
  if (!finished && !error) return null;
  const url = finished?.status === 'completed' ? downloadUrl(finished.id) : null;
  return (
    <span className={`export-status ${finished?.status === 'completed' ? 'is-done' : 'is-error'}`} role="status" data-testid="export-result">
      {finished ? (
        finished.status === 'completed' ? (
          <span>
            Exported {countOf(finished.rows, 'row')} · {formatBytes(finished.bytes)}
            {finished.truncated ? ' · cut short by the row limit' : ''}
          </span>
        ) : (
          <span title={finished.error ?? undefined}>
            Export {finished.status}: {finished.error}
          </span>
        )
      ) : (
        <span>{error}</span>
      )}
      {url && (
        <a className="button small" href={url} download={fileName(finished!.outPath)} aria-label={`Download ${finished!.name}`}>
          Download
        </a>
      )}
      {finished?.status === 'completed' && !url && <CopyButton text={finished.outPath} label="Copy path" />}
      {finished?.status !== 'completed' && (
        <button type="button" className="link" onClick={onHistory}>
          Details
        </button>
      )}
      <button type="button" className="icon" aria-label="Dismiss export result" onClick={job.dismiss}>
        ×
      </button>
    </span>
  );
}
