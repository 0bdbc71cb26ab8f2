/** "Keyboard shortcuts" (? or F1): every shortcut the app binds, grouped by where it works, read from the one table. */
import { keyboardShortcuts, keyLabel, type KeyboardShortcut } from '../../workbench/keyboardShortcuts.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import './shortcuts.css';

const places: KeyboardShortcut['where'][] = ['Anywhere', 'In a document', 'On a story’s engineer view'];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useModalDialog(open, onClose);
  return (
    <dialog
      ref={dialog.ref}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClick={dialog.onBackdropClick}
    >
      {open && (
        <>
          <header className="shortcuts-dialog__header">
            <h2 id="shortcuts-title">Keyboard shortcuts</h2>
            <button type="button" className="shortcuts-dialog__close" onClick={onClose} autoFocus>
              Close
            </button>
          </header>
          {places.map((where) => (
            <section key={where} aria-labelledby={`shortcuts-${where.length}`}>
              <h3 id={`shortcuts-${where.length}`}>{where}</h3>
              <dl className="shortcuts-list">
                {keyboardShortcuts
                  .filter((entry) => entry.where === where)
                  .map((entry) => (
                    <div key={entry.id} className="shortcuts-list__row">
                      <dt>{entry.description}</dt>
                      <dd>
                        {entry.keys.map((chord, index) => (
                          <span key={chord}>
                            {index > 0 && <span className="shortcuts-list__or"> or </span>}
                            <kbd>{keyLabel(chord)}</kbd>
                          </span>
                        ))}
                      </dd>
                    </div>
                  ))}
              </dl>
            </section>
          ))}
        </>
      )}
    </dialog>
  );
}
