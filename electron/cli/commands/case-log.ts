import { openCase } from '../../backend/store/open.js';
import { sourceCoverage } from '../../backend/store/queries/coverage.js';
import { listImports } from '../../backend/store/queries/imports.js';
import { verifyJournal } from '../../backend/store/queries/journal.js';
import { requireCase } from '../case-arg.js';
import { configuredSourcesText } from './source.js';

export function importsCommand(args: { case?: string }): void {
  const db = openCase(requireCase(args.case, 'imports'), { create: false });
  try {
    for (const r of listImports(db, 100_000).reverse()) {
      process.stdout.write(`#${r.id} ${r.startedAt} ${r.status.padEnd(9)} ${r.object} [${r.format ?? '-'}] records ${r.records} new ${r.inserted} dup ${r.duplicates} conflicts ${r.conflicts} rejects ${r.rejects}${r.message ? ` — ${r.message}` : ''}\n`);
    }
  } finally {
    db.close();
  }
}

/** Prints the journal; with --verify, exit code 1 when the hash chain is broken. */
export function journalCommand(args: { case?: string; verify?: boolean }): boolean {
  const db = openCase(requireCase(args.case, 'journal'), { create: false });
  try {
    if (args.verify) {
      const r = verifyJournal(db);
      process.stdout.write(r.ok ? `journal OK: ${r.entries} entries, hash chain intact\n` : `journal BROKEN: ${r.problem}\n`);
      return r.ok;
    }
    const rows = db.prepare('SELECT seq, at, actor, action, details FROM journal ORDER BY seq').all() as Record<string, unknown>[];
    for (const r of rows) process.stdout.write(`${r.seq} ${r.at} ${r.actor} ${r.action} ${r.details}\n`);
    return true;
  } finally {
    db.close();
  }
}

/** `auditlens sources`: events per source and how many lack each PCI DSS 10.2.2 element. */
export function sourcesCommand(args: { case?: string }): void {
  const db = openCase(requireCase(args.case, 'sources'), { create: false });
  try {
    const rows = sourceCoverage(db);
    const pct = (n: number, of: number) => (n === 0 ? '0' : `${n} (${((100 * n) / of).toFixed(1)}%)`);
    process.stdout.write('source\tformats\tevents\tfirst\tlast\tno user\tno event type\tno time\tno success/failure\tno origin\tno affected resource\n');
    for (const r of rows) {
      const m = r.missing;
      process.stdout.write(
        [r.source, r.formats.join(','), r.events, r.firstTime, r.lastTime, pct(m.user, r.events), pct(m.eventType, r.events),
          pct(m.time, r.events), pct(m.outcome, r.events), pct(m.origin, r.events), pct(m.resource, r.events)].join('\t') + '\n',
      );
    }
    process.stdout.write(configuredSourcesText(db));
  } finally {
    db.close();
  }
}
