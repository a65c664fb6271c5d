import { csvRow, UTF8_BOM } from '../../backend/export/csv.js';
import { openCase } from '../../backend/store/open.js';
import {
  integritySummary, iterateS3Objects, listGaps, listProblemDigests, listS3Objects,
} from '../../backend/store/queries/s3-objects.js';
import { requireCase } from '../case-arg.js';
import { UsageError } from '../usage.js';
import { gapLine, objectLine, summaryLine } from './integrity-text.js';

const CSV_COLUMNS = ['url', 'bucket', 'key', 'etag', 'versionId', 'sha256', 'contentSha256', 'bytes', 'events', 'integrity', 'detail',
  'digestKey', 'pulledAt', 'checkedAt'] as const;

/**
 * `auditlens integrity --case F`: the S3 objects' integrity verdicts (problems first), the gaps and the digests that
 * failed, as text; `--format jsonl|csv` exports every object with its provenance and verdict instead.
 */
export function integrityCommand(args: { case?: string; format?: string; limit?: string }): void {
  const format = args.format ?? 'table';
  if (!['table', 'jsonl', 'csv'].includes(format)) throw new UsageError(`integrity: --format must be table, jsonl or csv (got ${format})`);
  const limit = args.limit === undefined ? 200 : Number(args.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('integrity: --limit must be a positive integer');
  const db = openCase(requireCase(args.case, 'integrity'), { create: false });
  try {
    if (format === 'jsonl') {
      for (const o of iterateS3Objects(db)) process.stdout.write(JSON.stringify(o) + '\n');
      return;
    }
    if (format === 'csv') {
      process.stdout.write(UTF8_BOM + csvRow(CSV_COLUMNS));
      for (const o of iterateS3Objects(db)) process.stdout.write(csvRow(CSV_COLUMNS.map((c) => o[c])));
      return;
    }
    const summary = integritySummary(db);
    if (summary.objects === 0) {
      process.stdout.write('no S3 objects in this case (pull with: auditlens import s3://BUCKET/PREFIX --validate)\n');
      return;
    }
    process.stdout.write(summaryLine('of the case', summary));
    process.stdout.write(summary.lastChecked ? `last validated ${summary.lastChecked}\n` : 'never validated (import s3://... --validate)\n');
    for (const o of listS3Objects(db, undefined, limit)) process.stdout.write(objectLine(o));
    for (const g of listGaps(db, limit)) process.stdout.write(gapLine(g));
    for (const d of listProblemDigests(db, limit)) {
      process.stdout.write(`digest signature ${d.signature}, chain ${d.chain}: s3://${d.bucket}/${d.key}${d.detail ? ` — ${d.detail}` : ''}\n`);
    }
  } finally {
    db.close();
  }
}
