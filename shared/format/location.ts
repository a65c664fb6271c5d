/**
 * Where an action came from, as seed 003's console shows it: the place (city, region) and the IP address, or
 * "Unknown" when the record gives no place. The IP alone is not a location, so it never replaces "Unknown".
 */
export function describeLocation(location: string | null | undefined, sourceIp: string | null | undefined): string {
  const place = location?.trim() || 'Unknown';
  const ip = sourceIp?.trim();
  return ip ? `${place} · ${ip}` : place;
}
