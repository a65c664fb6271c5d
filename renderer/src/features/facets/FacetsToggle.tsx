import { setFacetsOpen, useFacetsOpen } from './facets-visibility.js';

/** Toolbar button that shows or hides the facets panel. */
export function FacetsToggle() {
  const open = useFacetsOpen();
  return (
    <button type="button" aria-pressed={open} onClick={() => setFacetsOpen(!open)} data-testid="facets-toggle" title="Top values per field (facets)">
      Facets
    </button>
  );
}
