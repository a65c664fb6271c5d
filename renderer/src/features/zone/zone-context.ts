import { createContext, useContext } from 'react';
import type { ZoneMode } from '../../lib/time.js';

export const ZoneContext = createContext<ZoneMode>('utc');

/** The zone every timestamp on screen is shown in (UTC by default). */
export function useZone(): ZoneMode {
  return useContext(ZoneContext);
}

export function isZoneMode(v: unknown): v is ZoneMode {
  return v === 'utc' || v === 'local';
}
