/**
 * One notice at a time at the bottom of the window, with Undo when the action can be taken back. A
 * notice that goes without Undo (timed out, closed, or replaced by the next one) runs its `release`.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Toast } from './Toast.js';

export interface UndoNoticeEntry {
  message: string;
  /** None: the notice only tells (why an Undo failed, say). */
  undo?: () => void;
  /** What happens when the notice goes without Undo. */
  release?: () => void;
  /** How long it stays, in milliseconds (the Toast's default when not given), or until closed. */
  duration?: number | 'until-closed';
}

export function useUndoNotice(): { show: (entry: UndoNoticeEntry | undefined) => void; notice: ReactNode } {
  const [shown, setShown] = useState<UndoNoticeEntry | undefined>(undefined);
  const current = useRef<UndoNoticeEntry | undefined>(undefined);
  const show = useCallback((entry: UndoNoticeEntry | undefined) => {
    current.current?.release?.();
    current.current = entry;
    setShown(entry);
  }, []);
  const close = useCallback(() => show(undefined), [show]);
  const undo = useCallback(() => {
    const undone = current.current;
    current.current = undefined;
    setShown(undefined);
    undone?.undo?.();
  }, []);
  return {
    show,
    notice: shown && (
      <Toast
        message={shown.message}
        {...(shown.undo ? { action: { label: 'Undo', run: undo } } : {})}
        {...(shown.duration === undefined ? {} : { duration: shown.duration })}
        onClose={close}
      />
    ),
  };
}
