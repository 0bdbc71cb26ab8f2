/**
 * Asks before something is deleted: what goes, which documents' links would break, and why it
 * failed if it did. Keep it (focused first, as Esc and a backdrop click) or the named action.
 */
import { useId } from 'react';
import { useModalDialog } from './useModalDialog.js';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What the action does, in a sentence or two. */
  children: React.ReactNode;
  /** Documents that link to `key`: their links break. */
  breaking?: { key: string; paths: readonly string[] };
  /** Why the action failed: shown instead of the action, with Close. */
  error?: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, breaking, error, onCancel } = props;
  const dialog = useModalDialog(open, onCancel);
  const titleId = useId();
  const paths = breaking?.paths ?? [];
  return (
    <dialog
      ref={dialog.ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onClick={dialog.onBackdropClick}
    >
      {open && (
        <>
          <h2 id={titleId}>{title}</h2>
          <p>{props.children}</p>
          {breaking && paths.length > 0 && (
            <p className="form-error">
              {paths.length === 1 ? '1 document links' : `${paths.length} documents link`} to {breaking.key} (
              {paths.slice(0, 3).join(', ')}
              {paths.length > 3 ? ', …' : ''}): {paths.length === 1 ? 'that link' : 'those links'} will break.
            </p>
          )}
          {error && (
            <p role="alert" className="form-error">
              {error}
            </p>
          )}
          <div className="confirm-dialog__actions">
            <button type="button" onClick={onCancel} autoFocus>
              {error ? 'Close' : 'Keep it'}
            </button>
            {!error && (
              <button type="button" className="danger" onClick={props.onConfirm}>
                {props.confirmLabel}
              </button>
            )}
          </div>
        </>
      )}
    </dialog>
  );
}
