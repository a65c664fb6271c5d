/** "just now", "3 min ago", "5 h ago", "2 d ago": how long ago an ISO time was, for edit markers. */
export function timeAgo(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (!Number.isFinite(s)) return iso;
  if (s < 45) return 'just now';
  const units: [number, string][] = [[86_400, 'd'], [3_600, 'h'], [60, 'min']];
  for (const [size, name] of units) if (s >= size) return `${Math.round(s / size)} ${name} ago`;
  return '1 min ago';
}
