import { createHash } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../open.js';

/**
 * The case journal: the analyst's own actions, append-only and hash-chained so an edited or removed entry is
 * detectable: hash = sha256(prev_hash + "\n" + seq + "\n" + at + "\n" + actor + "\n" + action + "\n" + details).
 */

const GENESIS = '0'.repeat(64);

export interface JournalEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  details: string;
  prevHash: string;
  hash: string;
}

function entryHash(prevHash: string, seq: number, at: string, actor: string, action: string, details: string): string {
  return createHash('sha256').update([prevHash, seq, at, actor, action, details].join('\n')).digest('hex');
}

/** The OS user name: the author of journal entries and of annotations made on this machine. */
export function localActor(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

export function appendJournal(db: Db, action: string, details: Record<string, unknown>, actor = localActor()): JournalEntry {
  return db.transaction(() => {
    const last = db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS;
    const at = new Date().toISOString();
    const text = JSON.stringify(details);
    const hash = entryHash(prevHash, seq, at, actor, action, text);
    db.prepare('INSERT INTO journal (seq, at, actor, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      seq, at, actor, action, text, prevHash, hash,
    );
    return { seq, at, actor, action, details: text, prevHash, hash };
  })();
}

export interface JournalCheck {
  ok: boolean;
  entries: number;
  problem: string | null;
  /** Sequence number of the first entry that is edited, unlinked or missing (only when the chain is broken). */
  firstBad?: number;
}

/** Walks the chain; returns the first broken entry, or null when every entry and link checks out. */
export function verifyJournal(db: Db): JournalCheck {
  const rows = db
    .prepare('SELECT seq, at, actor, action, details, prev_hash AS prevHash, hash FROM journal ORDER BY seq')
    .all() as JournalEntry[];
  let prev = GENESIS;
  let expectedSeq = 1;
  const broken = (firstBad: number, problem: string): JournalCheck => ({ ok: false, entries: rows.length, problem, firstBad });
  for (const r of rows) {
    if (r.seq !== expectedSeq) return broken(expectedSeq, `entry ${expectedSeq} is missing (next is ${r.seq})`);
    if (r.prevHash !== prev) return broken(r.seq, `entry ${r.seq} does not link to entry ${r.seq - 1}`);
    if (entryHash(r.prevHash, r.seq, r.at, r.actor, r.action, r.details) !== r.hash) {
      return broken(r.seq, `entry ${r.seq} was modified (hash mismatch)`);
    }
    prev = r.hash;
    expectedSeq++;
  }
  return { ok: true, entries: rows.length, problem: null };
}

/** Entries newest first, `limit` of them below sequence number `before` (all when absent). */
export function listJournal(db: Db, limit: number, before?: number): { entries: Omit<JournalEntry, 'prevHash'>[]; total: number } {
  const entries = db
    .prepare('SELECT seq, at, actor, action, details, hash FROM journal WHERE seq < ? ORDER BY seq DESC LIMIT ?')
    .all(before ?? Number.MAX_SAFE_INTEGER, limit) as Omit<JournalEntry, 'prevHash'>[];
  const total = (db.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
  return { entries, total };
}
