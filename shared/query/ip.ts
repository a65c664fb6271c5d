/**
 * IP addresses as sortable keys. Every address becomes 16 bytes (IPv4 mapped into ::ffff:0:0/96, RFC 4291 2.5.5.2)
 * written as 32 lowercase hex digits, so a text comparison orders keys like the numbers they are and a CIDR block
 * is one contiguous `BETWEEN lo AND hi` range over the indexed `events.ip_key` column. Mapping v4 into v6 makes
 * `1.2.3.4` and `::ffff:1.2.3.4` the same key: logs write the same client both ways depending on the stack.
 */

const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

export interface IpRange {
  /** Lowest key in the block (inclusive). */
  lo: string;
  /** Highest key in the block (inclusive). */
  hi: string;
}

/** The 32-hex-digit key of an IPv4 or IPv6 address, or null when `ip` is not an address. */
export function ipToKey(ip: string): string | null {
  const bytes = parseIp(ip);
  return bytes ? toHex(bytes.bytes) : null;
}

/**
 * The key range covered by a CIDR block (`10.0.0.0/8`, `2001:db8::/32`, `::ffff:10.0.0.0/104`). A plain address is
 * a block of one. Host bits below the prefix are ignored, as routers and most tools do (`10.1.2.3/8` = `10.0.0.0/8`).
 */
export function cidrRange(text: string): IpRange | null {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const parsed = parseIp(addressText);
  if (!parsed) return null;
  const maxBits = parsed.v4 ? 32 : 128;
  let bits = maxBits;
  if (slash >= 0) {
    const lengthText = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(lengthText)) return null;
    bits = Number(lengthText);
    if (bits > maxBits) return null;
  }
  // An IPv4 prefix length counts from the start of the embedded v4 address, 96 bits into the key.
  const prefix = parsed.v4 ? bits + 96 : bits;
  const lo = [...parsed.bytes];
  const hi = [...parsed.bytes];
  for (let i = 0; i < 16; i++) {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    const mask = keep === 0 ? 0 : (0xff << (8 - keep)) & 0xff;
    lo[i] &= mask;
    hi[i] = (hi[i] & mask) | (~mask & 0xff);
  }
  return { lo: toHex(lo), hi: toHex(hi) };
}

/** True when `text` reads as an address or CIDR block (used to tell `ip:` values from host names). */
export function isIpOrCidr(text: string): boolean {
  return cidrRange(text) !== null;
}

interface ParsedIp {
  bytes: number[];
  /** Written as dotted-quad IPv4 (prefix lengths then count 0-32). */
  v4: boolean;
}

function parseIp(input: string): ParsedIp | null {
  let text = input.trim();
  // `[::1]` is how URLs and some logs bracket v6; a zone (`fe80::1%eth0`) names an interface, not a different host.
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  if (zone >= 0 && text.includes(':')) text = text.slice(0, zone);
  if (!text) return null;
  if (!text.includes(':')) {
    const v4 = parseV4(text);
    return v4 ? { bytes: [...V4_MAPPED_PREFIX, ...v4], v4: true } : null;
  }
  const v6 = parseV6(text);
  return v6 ? { bytes: v6, v4: false } : null;
}

function parseV4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const part of parts) {
    // Leading zeros are rejected: some stacks read `010` as octal, so the address would be ambiguous.
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

function parseV6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const groups: number[] = [];
  const tailGroups: number[] = [];
  if (!readGroups(head, groups, halves.length === 1)) return null;
  if (halves.length === 2 && !readGroups(tail, tailGroups, true)) return null;
  const total = groups.length + tailGroups.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return null;
  const all = [...groups, ...new Array<number>(8 - total).fill(0), ...tailGroups];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/** Reads hex groups; the last one may be an embedded dotted IPv4 address (`::ffff:1.2.3.4`). */
function readGroups(parts: string[], out: number[], mayEndWithV4: boolean): boolean {
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === parts.length - 1 && mayEndWithV4 && part.includes('.')) {
      const v4 = parseV4(part);
      if (!v4) return false;
      out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return false;
    out.push(parseInt(part, 16));
  }
  return true;
}

function toHex(bytes: number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
}
