import { openCase } from '../../backend/store/open.js';
import { listImports } from '../../backend/store/queries/imports.js';
import { verifyJournal } from '../../backend/store/queries/journal.js';
import { requireCase } from '../case-arg.js';

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
