/**
 * "Keyboard shortcuts" (? or F1): every shortcut the app binds, grouped by where it works, read from
 * the one table; a read-only window leaves out the keys that edit (and lists comments only if allowed).
 */
import { keyLabel, listedShortcuts, type KeyboardShortcut } from '../../workbench/keyboardShortcuts.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import './shortcuts.css';

const places: KeyboardShortcut['where'][] = [
  'Anywhere',
  'In a document',
  'On a story’s engineer view',
  'On the roadmap board',
];

interface ShortcutsDialogProps {
  open: boolean;
  onClose: () => void;
  /** Whether this window may edit, and comment (a read-only `serve --comments` may only comment). */
  writable: boolean;
  canComment: boolean;
}

export function ShortcutsDialog({ open, onClose, writable, canComment }: ShortcutsDialogProps) {
  const dialog = useModalDialog(open, onClose);
  const listed = listedShortcuts({ edit: writable, comment: canComment });
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
          {places
            .filter((where) => listed.some((entry) => entry.where === where))
            .map((where) => (
              <section key={where} aria-labelledby={`shortcuts-${places.indexOf(where)}`}>
                <h3 id={`shortcuts-${places.indexOf(where)}`}>{where}</h3>
                <dl className="shortcuts-list">
                  {listed
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
