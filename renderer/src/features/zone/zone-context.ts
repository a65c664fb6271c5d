import { createContext, useContext } from 'react';
import { isZoneName, type ZoneMode } from '../../lib/time.js';

export const ZoneContext = createContext<ZoneMode>('utc');

/** The zone every timestamp on screen is shown in (UTC by default). */
export function useZone(): ZoneMode {
  return useContext(ZoneContext);
}

/** A stored zone is kept only if this browser still knows it ('utc', 'local' or an IANA name). */
export function isZoneMode(v: unknown): v is ZoneMode {
  return isZoneName(v);
}
