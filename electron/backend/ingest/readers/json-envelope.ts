/**
 * Envelopes: one top-level object whose array holds the records (CloudTrail `{"Records":[…]}`, Azure diagnostic
 * blobs `{"records":[…]}`, Microsoft Graph pages `{"@odata.context":…,"value":[…]}`, Google APIs `{"kind":…,"items":[…]}`).
 */

export const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['Records', 'records', 'value', 'items']);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const LBRACKET = 0x5b;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const RBRACKET = 0x5d;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Whitespace allowed between `{`, the first key, `:` and `[` before we stop looking for an envelope. */
const MAX_LOOKAHEAD = 4096;

/**
 * Looks at the object starting at buf[i] (`{`) for `"<envelope key>" : [`. Returns the key and the index just after
 * `[`, null when it is not an envelope, or 'more' when the buffer ends before that can be decided.
 */
export function envelopeAt(buf: Buffer, i: number, eof: boolean): { key: string; next: number } | null | 'more' {
  const len = buf.length;
  const limit = Math.min(len, i + MAX_LOOKAHEAD);
  const more = () => (eof || limit < len || len - i >= MAX_LOOKAHEAD ? null : 'more');
  let j = i + 1;
  while (j < limit && isWs(buf[j])) j++;
  if (j >= limit) return more();
  if (buf[j] !== QUOTE) return null;
  const close = buf.indexOf(QUOTE, j + 1);
  if (close === -1) return len - j > 32 ? null : more();
  const keyLength = close - j - 1;
  // every JSON Lines record passes here: rule out other first keys (envelope keys are 5 or 7 long) without allocating
  if (keyLength !== 5 && keyLength !== 7) return null;
  const key = buf.toString('latin1', j + 1, close);
  if (!ENVELOPE_KEYS.has(key)) return null;
  let m = close + 1;
  while (m < limit && isWs(buf[m])) m++;
  if (m >= limit) return more();
  if (buf[m] !== COLON) return null;
  m++;
  while (m < limit && isWs(buf[m])) m++;
  if (m >= limit) return more();
  return buf[m] === LBRACKET ? { key, next: m + 1 } : null;
}

/** Keys a page wrapper carries next to its records array (paging cursors, counts, OData annotations). */
const PAGE_META_KEY =
  /^(?:[@$].*|odata\..*|kind|apiVersion|etag|next.*|prev.*|previous.*|continuation.*|cursor.*|count|total.*|has_?more|hasMore|page.*|limit|offset|skip.*|links?|_links|meta(?:data)?|paging|pagination|response_metadata|ok|status|warnings?)$/i;

/**
 * For a parsed top-level object whose envelope key was not first (Graph pages start with `@odata.context`): the key
 * of its records array when the object is clearly a page wrapper, else null (then it is an ordinary record).
 */
export function pageEnvelopeKey(value: Record<string, unknown>): string | null {
  let found: string | null = null;
  for (const k of Object.keys(value)) {
    if (ENVELOPE_KEYS.has(k) && Array.isArray(value[k])) {
      if (found !== null) return null;
      found = k;
    } else if (!PAGE_META_KEY.test(k)) {
      return null;
    }
  }
  if (found === null) return null;
  const arr = value[found] as unknown[];
  return arr.every((e) => e !== null && typeof e === 'object' && !Array.isArray(e)) ? found : null;
}

/** Index of the closing quote of the string opening at buf[i], or -1. */
function stringEnd(buf: Buffer, i: number): number {
  let p = i + 1;
  for (;;) {
    const q = buf.indexOf(QUOTE, p);
    if (q === -1) return -1;
    let k = q - 1;
    while (k > i && buf[k] === BACKSLASH) k--;
    if ((q - 1 - k) % 2 === 0) return q;
    p = q + 1;
  }
}

/**
 * Byte range [start, end) of the array value of `key` directly inside the object `buf` (a complete, valid JSON
 * object), so its elements can be re-scanned with their exact text, lines and offsets.
 */
export function findKeyedArray(buf: Buffer, key: string): { start: number; end: number } | null {
  let depth = 0;
  let arrayStart = -1;
  let expectKey = false;
  let pendingKey: string | null = null;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === QUOTE) {
      const e = stringEnd(buf, i);
      if (e === -1) return null;
      if (depth === 1 && expectKey) pendingKey = buf.toString('utf8', i + 1, e);
      expectKey = false;
      i = e;
    } else if (c === LBRACE || c === LBRACKET) {
      if (depth === 1 && c === LBRACKET && pendingKey === key && arrayStart === -1) arrayStart = i;
      depth++;
      if (depth === 1) expectKey = true;
      if (depth > 1) pendingKey = null;
    } else if (c === RBRACE || c === RBRACKET) {
      depth--;
      if (depth === 1 && arrayStart !== -1) return { start: arrayStart, end: i + 1 };
    } else if (c === 0x2c && depth === 1) {
      expectKey = true;
      pendingKey = null;
    } else if (c !== COLON && !isWs(c) && depth === 1) {
      pendingKey = null;
    }
  }
  return null;
}
