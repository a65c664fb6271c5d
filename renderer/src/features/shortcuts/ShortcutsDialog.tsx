import { Dialog } from '../../components/Dialog.js';
import { SHORTCUTS } from './shortcut-list.js';
import './shortcuts.css';

/** The `?` dialog: every shortcut, grouped by where it works. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="shortcuts-dialog" testId="shortcuts-dialog">
      <div className="shortcut-groups">
        {SHORTCUTS.map((g) => (
          <section key={g.title} aria-label={g.title}>
            <h3>{g.title}</h3>
            <table className="shortcut-table">
              <tbody>
                {g.items.map((s) => (
                  <tr key={s.keys.join() + s.what}>
                    <th scope="row">
                      {s.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && ' '}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </th>
                    <td>{s.what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
