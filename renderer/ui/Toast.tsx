/**
 * A short notice at the bottom of the window with one action (Undo), gone after a while or on Close;
 * one that asks something the user must not miss stays until closed (`duration: 'until-closed'`).
 */
import { useEffect } from 'react';
import './toast.css';

interface ToastProps {
  message: string;
  action?: { label: string; run: () => void };
  onClose: () => void;
  /** How long it stays, in milliseconds, or until closed. */
  duration?: number | 'until-closed';
}

export function Toast({ message, action, onClose, duration = 10_000 }: ToastProps) {
  useEffect(() => {
    if (duration === 'until-closed') return undefined;
    const timer = setTimeout(onClose, duration);
    return () => clearTimeout(timer);
  }, [message, onClose, duration]);
  return (
    <div className="toast" role="status" aria-label="Notice">
      <span className="toast-message">{message}</span>
      {action && (
        <button
          type="button"
          className="button"
          onClick={() => {
            action.run();
            onClose();
          }}
        >
          {action.label}
        </button>
      )}
      <button type="button" className="toast-close" aria-label="Close notice" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
