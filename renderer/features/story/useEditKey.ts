/** E on the engineer's story page opens the story in the editor (where writing is allowed), as its Edit button does. */
import { useEffect } from 'react';
import { matchesChord, shortcut } from '../../workbench/keyboardShortcuts.js';

export function useEditKey(editHash: string | undefined, navigate: (hash: string) => void): void {
  useEffect(() => {
    if (!editHash) return;
    const onKey = (event: KeyboardEvent) => {
      if (!shortcut('edit').keys.some((chord) => matchesChord(event, chord))) return;
      const target = event.target;
      if (
        target instanceof HTMLElement &&
        (target.isContentEditable || target.closest('input, textarea, select'))
      )
        return;
      event.preventDefault();
      navigate(editHash);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editHash, navigate]);
}
