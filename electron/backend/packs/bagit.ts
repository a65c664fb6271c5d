import type { FinishedEntry } from './entry-sink.js';

/**
 * BagIt (RFC 8493) tag files. Payload files live under data/; the manifests list `<sha256>  <path>` lines in the
 * zip's entry order. Payload-Oxum is `<payload octets>.<payload file count>`.
 */

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export function manifest(entries: readonly FinishedEntry[]): string {
  return entries.map((e) => `${e.sha256}  ${e.name}\n`).join('');
}

export function payloadOxum(payload: readonly FinishedEntry[]): string {
  return `${payload.reduce((s, e) => s + e.size, 0)}.${payload.length}`;
}

/** bag-info.txt: label, colon, value; values are single-line (newlines in user text are folded to spaces). */
export function bagInfo(fields: [string, string][]): string {
  return fields.map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, ' ')}\n`).join('');
}

export function parseBagInfo(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) out.set(last, `${out.get(last)} ${line.trim()}`);
    else {
      const i = line.indexOf(':');
      if (i > 0) out.set((last = line.slice(0, i).trim()), line.slice(i + 1).trim());
    }
  }
  return out;
}

/** Manifest lines as path -> hash; malformed lines are returned as problems. */
export function parseManifest(text: string, file: string): { entries: Map<string, string>; problems: string[] } {
  const entries = new Map<string, string>();
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    const m = /^([0-9a-f]{64})[ \t]+(.+)$/.exec(line);
    if (!m) problems.push(`${file} line ${i + 1} is not "<sha256> <path>": ${JSON.stringify(line.slice(0, 120))}`);
    else entries.set(m[2], m[1]);
  });
  return { entries, problems };
}
