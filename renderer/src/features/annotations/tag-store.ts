import { useSyncExternalStore } from 'react';
import type { TagSummary } from '../../../../shared/contract/annotations.js';
import { api } from '../../api/index.js';

/**
 * The case's tag definitions (name, description, colour, event count), shared by the table's chips, the details
 * pane and the query bar's completion. Refreshed when the case changes (the facets panel asks on every version).
 */

let tags: TagSummary[] = [];
let byName = new Map<string, TagSummary>();
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function refreshTags(): Promise<void> {
  return api.invoke('tags:list', {}).then(
    (list) => {
      tags = list;
      byName = new Map(list.map((t) => [t.name.toLowerCase(), t]));
      for (const l of listeners) l();
    },
    () => undefined,
  );
}

export function useTags(): TagSummary[] {
  return useSyncExternalStore(subscribe, () => tags);
}

export function useTagDef(name: string): TagSummary | undefined {
  return useSyncExternalStore(subscribe, () => byName.get(name.toLowerCase()));
}

/** Black or white text, whichever reads better on the tag's colour (WCAG relative luminance). */
export function inkFor(color: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return '#fff';
  const lin = (h: string) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1]) + 0.7152 * lin(m[2]) + 0.0722 * lin(m[3]);
  return l > 0.4 ? '#111' : '#fff';
}
