import type { TravelBadge } from '../../../../shared/contract/workbench.js';
import type { Db } from '../open.js';

/**
 * Impossible travel between two consecutive events of one actor. The normalized `location` is a place name
 * ("Berlin, DE", Okta's "city, state, country", Entra's "city, state, countryOrRegion"), so distance is only known
 * when coordinates are: a "lat, lon" location text, or the vendor's own coordinates in the raw record (Okta
 * client.geographicalContext.geolocation, Entra location.geoCoordinates, a top-level latitude/longitude). With
 * coordinates we judge speed; with names only we can say the place changed and how fast, not whether it is possible.
 */

export const MAX_HUMAN_KMH = 900; // a long-haul flight
const MIN_JUMP_KM = 100; // below this, geo-IP databases disagree with themselves
/** Without coordinates, a change of place name is only worth a badge when this quick. */
export const NAME_CHANGE_WINDOW_MS = 2 * 3_600_000;
/** With coordinates, consider place changes up to this far apart. */
const COORD_WINDOW_MS = 24 * 3_600_000;
const MAX_RAW_LOOKUPS = 200;

interface Point {
  lat: number;
  lon: number;
}

const LAT_LON = /^\s*\(?\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;]\s*(-?\d{1,3}(?:\.\d+)?)\s*\)?\s*$/;

function valid(lat: number, lon: number): Point | null {
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}

export function coordinatesFromText(location: string): Point | null {
  const m = LAT_LON.exec(location);
  return m ? valid(Number(m[1]), Number(m[2])) : null;
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function pointOf(v: unknown): Point | null {
  const r = asRecord(v);
  if (!r) return null;
  const lat = Number(r.lat ?? r.latitude);
  const lon = Number(r.lon ?? r.lng ?? r.longitude);
  return r.lat === undefined && r.latitude === undefined ? null : valid(lat, lon);
}

/** Coordinates the vendor wrote into the raw record, at the places known vendors put them. */
export function coordinatesFromRaw(rawText: string): Point | null {
  let raw: unknown;
  try {
    raw = JSON.parse(rawText);
  } catch {
    return null;
  }
  const r = asRecord(raw);
  if (!r) return null;
  const client = asRecord(r.client);
  const geo = asRecord(client?.geographicalContext);
  const location = asRecord(r.location) ?? asRecord(asRecord(r.properties)?.location);
  return pointOf(geo?.geolocation) ?? pointOf(location?.geoCoordinates) ?? pointOf(location) ?? pointOf(r);
}

export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Located {
  id: string;
  ts: number;
  location: string;
}

/** Judges one place change; reads raw records only when the names carry no coordinates. */
export function judgeTravel(db: Db, a: Located, b: Located, budget: { lookups: number }): TravelBadge | null {
  const dt = b.ts - a.ts;
  if (dt > COORD_WINDOW_MS) return null;
  let pa = coordinatesFromText(a.location);
  let pb = coordinatesFromText(b.location);
  if ((!pa || !pb) && budget.lookups < MAX_RAW_LOOKUPS) {
    budget.lookups++;
    const raw = db.prepare('SELECT id, raw FROM events WHERE id IN (?, ?)').all(a.id, b.id) as { id: string; raw: string }[];
    const byId = new Map(raw.map((r) => [r.id, r.raw]));
    pa ??= coordinatesFromRaw(byId.get(a.id) ?? '');
    pb ??= coordinatesFromRaw(byId.get(b.id) ?? '');
  }
  const minutes = dt / 60_000;
  const base = { fromLocation: a.location, toLocation: b.location, fromEventId: a.id, toEventId: b.id, minutes };
  if (pa && pb) {
    const km = distanceKm(pa, pb);
    const kmPerHour = km / Math.max(dt / 3_600_000, 1 / 60); // events a second apart count as a minute
    if (km < MIN_JUMP_KM || kmPerHour <= MAX_HUMAN_KMH) return null;
    return { kind: 'impossible', ...base, km: Math.round(km), kmPerHour: Math.round(kmPerHour) };
  }
  if (dt > NAME_CHANGE_WINDOW_MS) return null;
  return { kind: 'location-change', ...base, km: null, kmPerHour: null };
}

/** Place names that say nothing about where the actor was. */
export function isUsefulLocation(location: string | null): location is string {
  if (!location) return false;
  const l = location.trim().toLowerCase();
  return l !== '' && l !== 'unknown' && l !== '-' && l !== 'n/a' && l !== 'internal';
}
