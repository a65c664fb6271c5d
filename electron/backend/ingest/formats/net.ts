/** Address checks: sourceIp holds addresses only, so IP filters and CIDR queries never meet host names. */

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function looksLikeIp(s: string): boolean {
  if (IPV4.test(s)) return true;
  // IPv6 (optionally with a zone or an embedded IPv4 tail): hex groups and colons, at least two colons.
  return /^[0-9a-f:]+(:(\d{1,3}\.){3}\d{1,3})?(%[\w.]+)?$/i.test(s) && (s.match(/:/g)?.length ?? 0) >= 2;
}

/**
 * The client address from a value that may carry a port (`203.0.113.5:443`, `[2001:db8::1]:443`) or an
 * X-Forwarded-For list (`203.0.113.5, 10.0.0.1`: the first entry is the original client). Null when none is an IP.
 */
export function clientIp(v: string | null): string | null {
  if (!v) return null;
  const first = v.split(',')[0].trim();
  if (looksLikeIp(first)) return first;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(first);
  if (bracketed && looksLikeIp(bracketed[1])) return bracketed[1];
  const v4port = /^([\d.]+):\d+$/.exec(first);
  if (v4port && looksLikeIp(v4port[1])) return v4port[1];
  return null;
}
