/** Global shortcuts: Ctrl/Cmd+P quick switcher, Ctrl/Cmd+Shift+F search, Ctrl/Cmd+K palette. */
import { useEffect } from 'react';

export interface ShortcutHandlers {
  quickSwitcher: () => void;
  search: () => void;
  palette: () => void;
}

export type ShortcutName = keyof ShortcutHandlers;

/** Which shortcut a key event means, if any; pure so the table of cases is tested. */
export function shortcutFor(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): ShortcutName | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  const key = event.key.toLowerCase();
  if (key === 'p' && !event.shiftKey) return 'quickSwitcher';
  if (key === 'f' && event.shiftKey) return 'search';
  if (key === 'k' && !event.shiftKey) return 'palette';
  return undefined;
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const name = shortcutFor(event);
      if (!name) return;
      event.preventDefault();
      handlers[name]();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [handlers]);
}
