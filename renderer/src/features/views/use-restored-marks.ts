import { useEffect, useRef } from 'react';
import type { EventRow } from '../../../../shared/model/event.js';
import type { Ranges } from '../table/row-ranges.js';
import { restoreMarks } from './marked-place.js';
import { SEARCH_ROWS } from './use-table-place.js';
import type { Restore } from './use-view-stack.js';

interface Selection {
  marked: Ranges;
  replace: (marked: Ranges, anchor: number | null) => void;
}

/**
 * Back marks the rows that were marked when the analyst left this view. The marks show at once at their old
 * indexes, then follow their events as the rows' windows load (the case may have changed meanwhile). Once every
 * marked row is checked, or as soon as the analyst changes the marks, the restore is done.
 */
export function useRestoredMarks(
  restore: Restore | null,
  key: string,
  getRow: (i: number) => EventRow | undefined,
  list: { total: number; final: boolean },
  sel: Selection,
): void {
  const done = useRef<Restore | null>(null);
  const applied = useRef<{ for: Restore; marked: Ranges } | null>(null);
  const place = restore && restore.key === key && restore.place.kind === 'table' ? (restore.place.marks ?? null) : null;
  const result = place && restore && done.current !== restore ? restoreMarks(place, (i) => getRow(i)?.id, list, SEARCH_ROWS) : null;
  const signature = result ? JSON.stringify([result.marked, result.anchor, result.settled]) : null;

  const latest = useRef({ restore, result, sel });
  latest.current = { restore, result, sel };
  useEffect(() => {
    const { restore: r, result: res, sel: s } = latest.current;
    if (!r || !res) return;
    // The analyst marked or cleared rows since: their selection wins over the remembered one.
    if (applied.current?.for === r && s.marked !== applied.current.marked) {
      done.current = r;
      return;
    }
    s.replace(res.marked, res.anchor);
    applied.current = { for: r, marked: res.marked };
    if (res.settled) done.current = r;
  }, [signature]);
}
