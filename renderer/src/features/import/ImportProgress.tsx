import type { JobProgress } from '../../../../shared/contract/channels.js';
import type { UploadProgress } from '../../api/index.js';
import { formatBytes, formatInt } from '../../lib/format.js';
import './import.css';

interface Props {
  upload: UploadProgress | null;
  progress: JobProgress | null;
  onCancel: () => void;
}

function pct(done: number, total: number): number | undefined {
  return total > 0 ? Math.min(100, Math.round((done / total) * 100)) : undefined;
}

/** Upload then import progress: records, bytes, rate and rejects, with Cancel. */
export function ImportProgress({ upload, progress, onCancel }: Props) {
  if (!upload && !progress) return null;
  let label: string;
  let value: number | undefined;
  let detail: string;
  if (progress) {
    value = pct(progress.bytesRead, progress.bytesTotal);
    const file = progress.current ? ` ${progress.current}` : '';
    const files = progress.filesTotal > 1 ? ` (file ${Math.min(progress.filesDone + 1, progress.filesTotal)} of ${progress.filesTotal})` : '';
    label = `Importing${file}${files}`;
    detail = [
      `${formatInt(progress.records)} records`,
      `${formatBytes(progress.bytesRead)} of ${formatBytes(progress.bytesTotal)}`,
      `${formatInt(Math.round(progress.rate))}/s`,
      `${formatInt(progress.rejects)} rejects`,
    ].join(' · ');
  } else {
    const u = upload!;
    value = pct(u.loaded, u.total);
    label = `Uploading ${u.current}`;
    detail = `${formatBytes(u.loaded)} of ${formatBytes(u.total)}`;
  }
  return (
    <div className="import-progress" data-testid="import-progress">
      <span className="ip-label" title={label}>
        {label}
      </span>
      <div
        className="progress"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value ?? 0}% · ${detail}`}
      >
        <div className="progress-fill" style={{ width: `${value ?? 0}%` }} />
      </div>
      <span className="ip-detail" data-testid="import-progress-detail">
        {value !== undefined ? `${value}% · ` : ''}
        {detail}
      </span>
      <button type="button" onClick={onCancel} data-testid="import-cancel">
        Cancel
      </button>
    </div>
  );
}
