/**
 * Global shortcuts: Ctrl/Cmd+P quick switcher, Ctrl/Cmd+Shift+F search, Ctrl/Cmd+K palette, except
 * that Ctrl/Cmd+K on text selected in an editable document is the document's own "add link".
 */
import { useEffect } from 'react';

export interface ShortcutHandlers {
  quickSwitcher: () => void;
  search: () => void;
  palette: () => void;
}

export type ShortcutName = keyof ShortcutHandlers;

/** Which shortcut a key event means, if any; pure so the table of cases is tested. */
export function shortcutFor(
  event: {
    key: string;
    ctrlKey: boolean;
    metaKey: boolean;
    shiftKey: boolean;
    altKey: boolean;
  },
  /** Whether text is selected in an editable document that has focus. */
  textSelectedInEditor = false,
): ShortcutName | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  const key = event.key.toLowerCase();
  if (key === 'p' && !event.shiftKey) return 'quickSwitcher';
  if (key === 'f' && event.shiftKey) return 'search';
  if (key === 'k' && !event.shiftKey && !textSelectedInEditor) return 'palette';
  return undefined;
}

function textSelectedIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || !target.isContentEditable) return false;
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && target.contains(selection.anchorNode);
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const name = shortcutFor(event, textSelectedIn(event.target));
      if (!name) return;
      event.preventDefault();
      handlers[name]();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [handlers]);
}
