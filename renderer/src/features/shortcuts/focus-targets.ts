/**
 * Where the workbench's keys put focus, found by role and label (the same names the tests use), so no component
 * has to hand its elements over. The annotations section (owned by the annotations feature) is reached through its
 * accessible names: the "Star event" button, the "Add tag" box and the "Comment" box in the "Event details" region.
 */

const DETAILS = '[data-testid="details-pane"]';
export const STAR_BUTTON = `${DETAILS} button[aria-label="Star event"]`;
export const TAG_BOX = `${DETAILS} input[aria-label="Add tag"]`;
export const COMMENT_BOX = `${DETAILS} textarea[aria-label="Comment"]`;

/** The focusable regions F6 cycles through, in screen order; those not on screen are skipped. */
const REGIONS: Array<() => HTMLElement | null> = [
  () => document.querySelector<HTMLElement>('input[aria-label="Query"]'),
  () => document.querySelector<HTMLElement>('[data-testid="timeline"]'),
  () => tableOrPanel(),
  () => document.querySelector<HTMLElement>(`${DETAILS} [data-testid="details-fields"]`),
];

/** The event grid, or the current row of the panel shown instead of it. */
export function tableOrPanel(): HTMLElement | null {
  return (
    document.querySelector<HTMLElement>('[role="grid"][aria-label="Events"]') ??
    document.querySelector<HTMLElement>('.view-panel tbody tr[tabindex="0"]') ??
    document.querySelector<HTMLElement>('.view-panel')
  );
}

export function regions(): HTMLElement[] {
  return REGIONS.map((find) => find()).filter((el): el is HTMLElement => el !== null);
}

/** The index of the region holding focus, or -1. */
export function focusedRegion(list: HTMLElement[]): number {
  const active = document.activeElement;
  return list.findIndex((r) => r === active || (active !== null && r.contains(active)));
}

/**
 * Runs `act` on the element matching `selector` as soon as it exists (and is enabled): the details pane may just be
 * opening and its annotations loading. Gives up after `ms`.
 */
export function whenReady<T extends HTMLElement>(selector: string, act: (el: T) => void, ms = 5000): () => void {
  const find = () => {
    const el = document.querySelector<T>(selector);
    return el && !(el as unknown as HTMLButtonElement).disabled ? el : null;
  };
  const now = find();
  if (now) {
    act(now);
    return () => {};
  }
  const watch = new MutationObserver(() => {
    const el = find();
    if (el) {
      stop();
      act(el);
    }
  });
  const timer = setTimeout(() => stop(), ms);
  const stop = () => {
    watch.disconnect();
    clearTimeout(timer);
  };
  watch.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
  return stop;
}

export function isEditable(el: Element | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || el.closest('input, textarea, select') !== null);
}
