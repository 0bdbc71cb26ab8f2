/** Drives a native `<dialog>` as a modal: focus is trapped by the browser, Esc and backdrop clicks close it. */
import { useEffect, useRef } from 'react';
import type { MouseEvent, RefObject } from 'react';

export interface ModalDialog {
  ref: RefObject<HTMLDialogElement | null>;
  /** Closes when the click lands on the backdrop (the dialog element itself, outside its content). */
  onBackdropClick: (event: MouseEvent<HTMLDialogElement>) => void;
}

export function useModalDialog(open: boolean, onClose: () => void): ModalDialog {
  const ref = useRef<HTMLDialogElement | null>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const previous = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
      dialog.showModal();
      return () => {
        // Give the focus back only if nothing took it meanwhile (a note created from here focuses its body).
        const focus = document.activeElement;
        const untaken = !focus || focus === document.body || dialog.contains(focus);
        if (dialog.open) dialog.close();
        if (untaken && previous?.isConnected) previous.focus();
      };
    }
    return undefined;
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // The browser closes the dialog on Esc; the owner decides, so the state stays the source of truth.
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => dialog.removeEventListener('cancel', cancel);
  }, []);

  return {
    ref,
    onBackdropClick: (event) => {
      if (event.target === event.currentTarget) onCloseRef.current();
    },
  };
}
