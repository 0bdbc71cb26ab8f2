/**
 * A short notice at the bottom of the window with one action (Undo), gone after a while or on Close;
 * one that asks something the user must not miss stays until closed (`duration: 'until-closed'`).
 * It never goes while the pointer is on it or focus is in it; its time starts again when they leave.
 * Inside a NoticeRegion it joins the region's stack; outside one it stands alone at the same place.
 */
import { useContext, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { NoticeHostContext } from './NoticeRegion.js';

interface ToastProps {
  message: string;
  action?: { label: string; run: () => void };
  onClose: () => void;
  /** How long it stays, in milliseconds, or until closed. */
  duration?: number | 'until-closed';
}

export function Toast({ message, action, onClose, duration = 10_000 }: ToastProps) {
  const host = useContext(NoticeHostContext);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const held = hovered || focused;
  useEffect(() => {
    if (duration === 'until-closed' || held) return undefined;
    const timer = setTimeout(onClose, duration);
    return () => clearTimeout(timer);
  }, [message, onClose, duration, held]);
  // The stack asks for these when a newer notice comes past its cap: refs, as it asks later than this render.
  const now = useRef({ onClose, kept: held || duration === 'until-closed' });
  now.current = { onClose, kept: held || duration === 'until-closed' };
  useEffect(
    () =>
      host?.stack.add({
        close: () => now.current.onClose(),
        kept: () => now.current.kept,
      }),
    [host?.stack],
  );
  const toast = (
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
  if (!host) return <div className="notice-region">{toast}</div>;
  return host.element && createPortal(toast, host.element);
}
