import { useEffect, useRef, useState } from 'react';
import type { CaseInfo } from '../../../../shared/contract/channels.js';
import { api } from '../../api/index.js';
import { defaultDays, defaultFrom } from './default-range.js';
import { withFilter } from './filter-query.js';

export interface DefaultRange {
  days: number;
  from: string;
}

/**
 * Applies the default range once per case, the first time it is shown with events and an empty query (a case
 * opened, or the first import into a new one). Answers what was applied, for the note beside the filter bar.
 */
export function useDefaultRange(info: CaseInfo | null, query: string, onQuery: (q: string) => void): DefaultRange | null {
  const [applied, setApplied] = useState<DefaultRange | null>(null);
  const seen = useRef(new Set<string>());
  const caseId = info?.caseId;
  const ready = info !== null && info.events > 0 && info.firstTime !== null && info.lastTime !== null;
  useEffect(() => {
    if (!ready || !caseId || seen.current.has(caseId)) return;
    if (query.trim() !== '') {
      seen.current.add(caseId);
      return;
    }
    const { firstTime, lastTime } = info;
    let live = true;
    // The import log knows each object's format: no scan of the events (a 10M-event case opens as fast).
    api.invoke('imports:list', { limit: 10_000 }).then(
      (imports) => {
        // Marked here, not before the request: StrictMode's second effect run must still get its answer.
        if (!live || seen.current.has(caseId)) return;
        seen.current.add(caseId);
        // An object holding several formats (a zip) lists them comma-separated.
        const formats = new Set(imports.filter((i) => i.inserted > 0 && i.format).flatMap((i) => i.format!.split(',')));
        const days = defaultDays([...formats]);
        const from = defaultFrom(firstTime!, lastTime!, days);
        if (!from) return;
        setApplied({ days, from });
        onQuery(withFilter('', 'from', from));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
    // Only a new case (or its first events) triggers the default; later query edits must not.
  }, [caseId, ready]);
  useEffect(() => {
    if (applied && !query.includes(`time>=${applied.from}`)) setApplied(null);
  }, [query, applied]);
  return applied;
}
