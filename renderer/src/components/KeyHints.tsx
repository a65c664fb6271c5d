/** The grid's keyboard shortcuts, shown as keys (j/k stand for the arrows too; the README lists selection and copy keys). */
export function KeyHints() {
  return (
    <span className="key-hints muted" aria-hidden="true">
      <kbd>/</kbd> query <kbd>j</kbd>
      <kbd>k</kbd> <kbd>PgUp</kbd>
      <kbd>PgDn</kbd> <kbd>Home</kbd>
      <kbd>End</kbd> move <kbd>Enter</kbd> details <kbd>Esc</kbd> close
    </span>
  );
}
