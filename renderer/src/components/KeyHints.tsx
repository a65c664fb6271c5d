/** The grid's keyboard shortcuts, shown as keys. */
export function KeyHints() {
  return (
    <span className="key-hints muted" aria-hidden="true">
      <kbd>/</kbd> query <kbd>↑</kbd>
      <kbd>↓</kbd> <kbd>PgUp</kbd>
      <kbd>PgDn</kbd> <kbd>Home</kbd>
      <kbd>End</kbd> move <kbd>Enter</kbd> details <kbd>Esc</kbd> close
    </span>
  );
}
