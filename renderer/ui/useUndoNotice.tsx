/**
 * Notices at the bottom of the window, with Undo when the action can be taken back. Each action gets
 * its own notice, so a second Delete leaves the first one's Undo in reach (the NoticeRegion stacks them
 * and sends the oldest away past its cap). A notice that goes without Undo (timed out, closed, or sent
 * away by the cap) runs its `release`.
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

interface Shown {
  id: number;
  entry: UndoNoticeEntry;
  /** Made once per notice: the Toast's timer starts again whenever its onClose changes. */
  close: () => void;
  undo: () => void;
}

export function useUndoNotice(): { show: (entry: UndoNoticeEntry) => void; notice: ReactNode } {
  const [shown, setShown] = useState<readonly Shown[]>([]);
  // The live notices, outside React's state so a notice's end runs once however often it is asked for.
  const live = useRef(new Map<number, Shown>());
  const next = useRef(0);
  const end = useCallback((id: number, undone: boolean) => {
    const ending = live.current.get(id);
    if (!ending) return;
    live.current.delete(id);
    setShown([...live.current.values()]);
    if (undone) ending.entry.undo?.();
    else ending.entry.release?.();
  }, []);
  const show = useCallback(
    (entry: UndoNoticeEntry) => {
      const id = next.current++;
      live.current.set(id, { id, entry, close: () => end(id, false), undo: () => end(id, true) });
      setShown([...live.current.values()]);
    },
    [end],
  );
  return {
    show,
    notice: shown.map(({ id, entry, close, undo }) => (
      <Toast
        key={id}
        message={entry.message}
        {...(entry.undo ? { action: { label: 'Undo', run: undo } } : {})}
        {...(entry.duration === undefined ? {} : { duration: entry.duration })}
        onClose={close}
      />
    )),
  };
}
