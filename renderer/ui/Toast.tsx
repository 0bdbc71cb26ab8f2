/**
 * A short notice at the bottom of the window with one action (Undo), gone after a while or on Close;
 * one that asks something the user must not miss stays until closed (`duration: 'until-closed'`).
 * It never goes while the pointer is on it or focus is in it; its time starts again when they leave.
 */
import { useEffect, useState } from 'react';
import './toast.css';

interface ToastProps {
  message: string;
  action?: { label: string; run: () => void };
  onClose: () => void;
  /** How long it stays, in milliseconds, or until closed. */
  duration?: number | 'until-closed';
}

export function Toast({ message, action, onClose, duration = 10_000 }: ToastProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;
  useEffect(() => {
    if (duration === 'until-closed' || held) return undefined;
    const timer = setTimeout(onClose, duration);
    return () => clearTimeout(timer);
  }, [message, onClose, duration, held]);
  return (
    <div
      className="toast"
      role="status"
      aria-label="Notice"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
    >
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
