import path from 'node:path';
import type { AnnotationImportSummary } from '../../../shared/contract/annotations.js';
import { requireCase, withBackend } from '../case-arg.js';
import { UsageError } from '../usage.js';

/** `auditlens annotations import FILE.jsonl --case F`: re-applies an export's stars, tags and comments by event id. */
export async function annotationsCommand(args: { positionals: string[]; case?: string }): Promise<AnnotationImportSummary> {
  const [sub, file, ...rest] = args.positionals;
  if (sub !== 'import' || !file || rest.length > 0) {
    throw new UsageError('annotations: use `auditlens annotations import FILE.jsonl --case FILE`');
  }
  const caseFile = requireCase(args.case, 'annotations import');
  const summary = await withBackend(caseFile, (b) => b.call('annotations:import', { path: path.resolve(file) }));
  const out = process.stdout;
  out.write(
    `annotations import: ${summary.lines} lines, ${summary.events} annotated events applied ` +
      `(${summary.stars} new stars, ${summary.tags} new tags, ${summary.comments} new comments), ` +
      `${summary.missing} events not in this case\n`,
  );
  if (summary.deletedComments) out.write(`annotations import: ${summary.deletedComments} comments deleted in this case were not restored\n`);
  for (const p of summary.problems) process.stderr.write(`annotations import: ${p}\n`);
  return summary;
}
