import { useState } from 'react';
import type { Order } from '../../../../shared/contract/channels.js';
import type { ResultCount } from '../count/use-result-count.js';
import { ExportDialog } from './ExportDialog.js';
import { ExportHistory } from './ExportHistory.js';
import { ExportStatus } from './ExportStatus.js';
import { useExportJob } from './use-export-job.js';
import './export.css';

/** "Export…" beside the result count, the running export's progress, and the Export history. */
export function ExportControls({ query, order, count }: { query: string; order: Order; count: ResultCount }) {
  const job = useExportJob();
  const [dialog, setDialog] = useState(false);
  const [history, setHistory] = useState(false);
  return (
    <>
      <button type="button" className="small" onClick={() => setDialog(true)} disabled={job.running !== null} aria-haspopup="dialog">
        Export…
      </button>
      <button type="button" className="small" onClick={() => setHistory(true)} aria-haspopup="dialog">
        Export history
      </button>
      <ExportStatus job={job} onHistory={() => setHistory(true)} />
      {dialog && <ExportDialog query={query} order={order} count={count} onStart={job.start} onClose={() => setDialog(false)} />}
      {history && <ExportHistory version={job.historyVersion} onClose={() => setHistory(false)} />}
    </>
  );
}
