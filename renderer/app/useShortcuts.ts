/**
 * Global shortcuts, from the one table (keyboardShortcuts): quick switcher, search, palette and the
 * shortcuts list, except that Ctrl/Cmd+K on text selected in an editable document is its own "add
 * link", and `?` typed into a field or the document is just a question mark.
 */
import { useEffect } from 'react';
import { matchesChord, shortcut } from '../workbench/keyboardShortcuts.js';

export interface ShortcutHandlers {
  quickSwitcher: () => void;
  search: () => void;
  palette: () => void;
  help: () => void;
  sidePanel: () => void;
}

export type ShortcutName = keyof ShortcutHandlers;

const globalShortcuts: readonly ShortcutName[] = ['quickSwitcher', 'search', 'palette', 'help', 'sidePanel'];

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
  /** Whether the key goes into a field or an editable document. */
  typing = false,
): ShortcutName | undefined {
  for (const name of globalShortcuts) {
    const chord = shortcut(name).keys.find((candidate) => matchesChord(event, candidate));
    if (!chord) continue;
    if (name === 'palette' && textSelectedInEditor) return undefined;
    if (typing && !chord.includes('+') && chord.length === 1) return undefined;
    return name;
  }
  return undefined;
}

function textSelectedIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || !target.isContentEditable) return false;
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && target.contains(selection.anchorNode);
}

function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.closest('input, textarea, select') !== null)
  );
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const name = shortcutFor(event, textSelectedIn(event.target), typingIn(event.target));
      if (!name) return;
      event.preventDefault();
      handlers[name]();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [handlers]);
}
