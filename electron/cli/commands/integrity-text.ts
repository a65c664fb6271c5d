import type { IntegrityGap, IntegritySummary, S3ObjectRow } from '../../../shared/contract/integrity.js';

/** One-screen text for integrity results, shared by `import s3://... --validate` and `auditlens integrity`. */

type Counts = Pick<IntegritySummary, 'byStatus' | 'digestsBySignature' | 'brokenLinks'> & { objects: number; digests: number; gaps: number };

export function summaryLine(label: string, c: Counts): string {
  const s = c.byStatus;
  const d = c.digestsBySignature;
  return (
    `integrity ${label}: ${c.objects} log files — ${s.verified} verified, ${s.unverified} unverified, ${s.mismatch} mismatch, ` +
    `${s['missing-from-digest']} missing-from-digest; ${c.digests} digests (signature ${d.valid} valid, ${d.invalid} INVALID, ` +
    `${d['no-key']} not checked, ${d.unsigned} unsigned), ${c.brokenLinks} broken chain links, ${c.gaps} gaps\n`
  );
}

export function objectLine(o: Pick<S3ObjectRow, 'integrity' | 'url' | 'detail'>): string {
  return `${o.integrity.padEnd(19)} ${o.url}${o.detail ? ` — ${o.detail}` : ''}\n`;
}

export function gapLine(g: IntegrityGap): string {
  return `gap ${g.kind.padEnd(20)} ${g.trail} ${g.start} → ${g.end} — ${g.detail}\n`;
}

/** Prints at most `limit` lines of a list and says how many were left out. */
export function limited<T>(items: T[], limit: number, line: (t: T) => string, more: string): string {
  const shown = items.slice(0, limit).map(line).join('');
  return items.length > limit ? `${shown}… ${items.length - limit} more (${more})\n` : shown;
}
