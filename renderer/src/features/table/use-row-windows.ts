import { useCallback, useRef, useState } from 'react';
import type { Order } from '../../../../shared/contract/channels.js';
import type { EventRow } from '../../../../shared/model/event.js';
import { api, errorMessage } from '../../api/index.js';
import { Lru } from '../../lib/lru.js';

/** Rows per request; offsets are always multiples of this (page-aligned windows, keyset underneath). */
export const WINDOW = 200;
const CACHE_WINDOWS = 20;
const MAX_IN_FLIGHT = 4;

interface Store {
  key: string;
  queryKey: string;
  cache: Lru<number, EventRow[]>;
  /** The previous store's cache for the same query and order, shown while fresh data loads (no flicker). */
  stale: Lru<number, EventRow[]> | null;
  inFlight: Set<number>;
  failed: Map<number, string>;
  /** Exact row count learned from a short window. */
  end: number | null;
  /** An empty window at this offset: there are at most this many rows. */
  upper: number;
  /** Rows known to exist. */
  seen: number;
}

export interface RowWindows {
  getRow: (i: number) => EventRow | undefined;
  end: number | null;
  upper: number;
  seen: number;
  error: string | null;
  /** Changes whenever a window arrives (use as an effect dependency). */
  tick: number;
  /** Fetches the missing windows covering rows [from, to]. */
  request: (from: number, to: number) => void;
}

function makeStore(query: string, order: Order, version: number, prev: Store | null): Store {
  const queryKey = `${order}\u0000${query}`;
  return {
    key: `${version}\u0000${queryKey}`,
    queryKey,
    cache: new Lru(CACHE_WINDOWS),
    stale: prev && prev.queryKey === queryKey ? prev.cache : null,
    inFlight: new Set(),
    failed: new Map(),
    end: null,
    upper: Number.POSITIVE_INFINITY,
    seen: 0,
  };
}

/**
 * Page-aligned windows of the result, an LRU of about 20 windows, and nothing else in memory. A new query, order
 * or data version starts a new store; answers addressed to an old store are dropped.
 */
export function useRowWindows(query: string, order: Order, version: number): RowWindows {
  const storeRef = useRef<Store | null>(null);
  const key = `${version}\u0000${order}\u0000${query}`;
  if (!storeRef.current || storeRef.current.key !== key) {
    storeRef.current = makeStore(query, order, version, storeRef.current);
  }
  const store = storeRef.current;
  const [tick, setTick] = useState(0);

  const request = useCallback(
    (from: number, to: number) => {
      if (to < from) return;
      const bump = () => setTick((t) => t + 1);
      const start = Math.max(0, Math.floor(from / WINDOW) * WINDOW);
      for (let off = start; off <= to; off += WINDOW) {
        if (store.end !== null && off >= store.end) break;
        if (off >= store.upper) break;
        if (store.cache.get(off) || store.inFlight.has(off) || store.failed.has(off)) continue;
        if (store.inFlight.size >= MAX_IN_FLIGHT) break;
        store.inFlight.add(off);
        api.invoke('events:window', { query, order, offset: off, limit: WINDOW }).then(
          (res) => {
            store.inFlight.delete(off);
            if (storeRef.current !== store) return; // stale: the query changed meanwhile
            const rows = res.rows;
            store.cache.set(off, rows);
            if (rows.length > 0) store.seen = Math.max(store.seen, off + rows.length);
            if ((rows.length > 0 && rows.length < WINDOW) || (rows.length === 0 && off === 0)) {
              store.end = off + rows.length;
            } else if (rows.length === 0) {
              store.upper = Math.min(store.upper, off);
            }
            bump();
          },
          (err: unknown) => {
            store.inFlight.delete(off);
            if (storeRef.current !== store) return;
            store.failed.set(off, errorMessage(err));
            bump();
          },
        );
      }
    },
    [store, query, order],
  );

  const getRow = useCallback(
    (i: number): EventRow | undefined => {
      const off = i - (i % WINDOW);
      const rows = store.cache.peek(off) ?? store.stale?.peek(off);
      return rows?.[i - off];
    },
    [store],
  );
  const firstError = store.failed.size ? (store.failed.values().next().value ?? null) : null;
  return { getRow, end: store.end, upper: store.upper, seen: store.seen, error: firstError, tick, request };
}
