/** E on the engineer's story page opens the story in the editor (where writing is allowed), as its Edit button does. */
import { useEffect } from 'react';

export function useEditKey(editHash: string | undefined, navigate: (hash: string) => void): void {
  useEffect(() => {
    if (!editHash) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'e' || event.ctrlKey || event.metaKey || event.altKey) return;
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
