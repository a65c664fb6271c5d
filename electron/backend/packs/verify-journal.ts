import { createHash } from 'node:crypto';

/**
 * data/journal.jsonl carries the case journal's hash chain: each entry's hash is
 * sha256(prevHash \n seq \n at \n actor \n action \n details) and links to the previous one (store/queries/journal.ts).
 * A recipient can check that the analyst's record of actions is whole and unedited.
 */
export function checkJournalChain(text: string): string[] {
  const problems: string[] = [];
  let prev = '0'.repeat(64);
  text.split('\n').filter(Boolean).forEach((line, i) => {
    let e: { seq?: unknown; at?: unknown; actor?: unknown; action?: unknown; details?: unknown; prevHash?: unknown; hash?: unknown };
    try {
      e = JSON.parse(line) as typeof e;
    } catch {
      problems.push(`data/journal.jsonl line ${i + 1} is not valid JSON`);
      return;
    }
    const expected = createHash('sha256').update([e.prevHash, e.seq, e.at, e.actor, e.action, e.details].map(String).join('\n')).digest('hex');
    if (e.seq !== i + 1) problems.push(`data/journal.jsonl line ${i + 1}: entry ${String(e.seq)} is out of sequence (expected ${i + 1})`);
    else if (e.prevHash !== prev) problems.push(`data/journal.jsonl entry ${i + 1} does not link to entry ${i}`);
    else if (e.hash !== expected) problems.push(`data/journal.jsonl entry ${i + 1} was modified (hash mismatch)`);
    prev = String(e.hash);
  });
  return problems;
}
