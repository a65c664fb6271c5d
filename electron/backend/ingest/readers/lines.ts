/**
 * Small text helpers shared by the readers: newline counting over byte ranges, reject excerpts and a printable
 * rendering of unknown bytes.
 */

export const NL = 0x0a;
export const EXCERPT_CHARS = 500;

/** Counts `\n` bytes in buf[from, to) with memchr-speed indexOf jumps (no per-byte JS loop). */
export function countNewlines(buf: Uint8Array, from: number, to: number): number {
  let n = 0;
  let p = from;
  const b = buf as Buffer;
  while (p < to) {
    const q = b.indexOf(NL, p);
    if (q === -1 || q >= to) break;
    n++;
    p = q + 1;
  }
  return n;
}

/** First ~500 characters of some bytes, decoded as UTF-8 (a cut multi-byte character becomes U+FFFD). */
export function excerptOf(bytes: Buffer | string): string {
  const text = typeof bytes === 'string' ? bytes : bytes.subarray(0, EXCERPT_CHARS * 4).toString('utf8');
  return text.length > EXCERPT_CHARS ? text.slice(0, EXCERPT_CHARS) : text;
}

/** Renders the first bytes of unrecognised input so a reject shows what the file looked like without dumping binary. */
export function describeBytes(bytes: Uint8Array, max = 48): string {
  let out = '';
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c >= 0x20 && c < 0x7f && c !== 0x5c) out += String.fromCharCode(c);
    else out += '\\x' + c.toString(16).padStart(2, '0');
  }
  return out + (bytes.length > max ? '…' : '');
}

/** Human size for messages ("16 MB"), binary units because the limits are powers of two. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3 && n % 1024 ** 3 === 0) return `${n / 1024 ** 3} GB`;
  if (n >= 1024 ** 2 && n % 1024 ** 2 === 0) return `${n / 1024 ** 2} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}
