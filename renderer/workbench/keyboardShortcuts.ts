/**
 * Every keyboard shortcut, once: the global handler and the editor's toolbar read their keys from
 * this table, and the Keyboard shortcuts dialog (? or F1) lists it, so what is shown is what is bound.
 * `Mod` is Ctrl, or ⌘ on a Mac. The editor's formatting keys are TipTap's own bindings.
 */
export interface KeyboardShortcut {
  id: string;
  /** Alternatives, each a chord such as `Mod+Shift+F`. */
  keys: readonly string[];
  description: string;
  where: 'Anywhere' | 'In a document' | 'On a story’s engineer view' | 'On the roadmap board';
  /** `edit`: changes the workspace, so a read-only window leaves it out; `comment`: writes a comment. */
  needs?: 'edit' | 'comment';
  /** Bound, but listed under the shortcut of the same keys (Ctrl+K links selected text, else the palette). */
  listedWith?: string;
  /** What the keys also do when editing is allowed (said once, on the row of the shared keys). */
  whenEditing?: string;
}

export const keyboardShortcuts = [
  { id: 'quickSwitcher', keys: ['Mod+P'], description: 'Go to a document by name or key', where: 'Anywhere' },
  {
    id: 'palette',
    keys: ['Mod+K'],
    description: 'Command palette',
    whenEditing: '; with text selected in a document, link it',
    where: 'Anywhere',
  },
  { id: 'search', keys: ['Mod+Shift+F'], description: 'Search the workspace', where: 'Anywhere' },
  { id: 'help', keys: ['?', 'F1'], description: 'Keyboard shortcuts (this list)', where: 'Anywhere' },
  {
    id: 'sidePanel',
    keys: ['Mod+Shift+L'],
    description: 'Show or hide Links and Comments (a drawer in a narrow window)',
    where: 'In a document',
  },
  {
    id: 'edit',
    keys: ['E'],
    description: 'Edit the story',
    where: 'On a story’s engineer view',
    needs: 'edit',
  },
  {
    id: 'comment',
    keys: ['Mod+Alt+M'],
    description: 'Comment on the selected text, the requirement or the section at the cursor',
    where: 'In a document',
    needs: 'comment',
  },
  { id: 'undo', keys: ['Mod+Z'], description: 'Undo', where: 'In a document', needs: 'edit' },
  { id: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'], description: 'Redo', where: 'In a document', needs: 'edit' },
  { id: 'bold', keys: ['Mod+B'], description: 'Bold', where: 'In a document', needs: 'edit' },
  { id: 'italic', keys: ['Mod+I'], description: 'Italic', where: 'In a document', needs: 'edit' },
  { id: 'code', keys: ['Mod+E'], description: 'Inline code', where: 'In a document', needs: 'edit' },
  {
    id: 'link',
    keys: ['Mod+K'],
    description: 'Link the selected text',
    where: 'In a document',
    needs: 'edit',
    listedWith: 'palette',
  },
  {
    id: 'reference',
    keys: ['[['],
    description: 'Link to a document or key as you type',
    where: 'In a document',
    needs: 'edit',
  },
  {
    id: 'moveLane',
    keys: ['Alt+←', 'Alt+→'],
    description: 'Move the focused card to the lane before or after',
    where: 'On the roadmap board',
    needs: 'edit',
  },
  {
    id: 'moveOrder',
    keys: ['Alt+↑', 'Alt+↓'],
    description: 'Move the focused card up or down its lane',
    where: 'On the roadmap board',
    needs: 'edit',
  },
] as const satisfies readonly KeyboardShortcut[];

/** The rows the Keyboard shortcuts dialog lists: what this window can do, each set of keys once. */
export function listedShortcuts(can: { edit: boolean; comment: boolean }): KeyboardShortcut[] {
  return (keyboardShortcuts as readonly KeyboardShortcut[])
    .filter((entry) => entry.listedWith === undefined && (entry.needs === undefined || can[entry.needs]))
    .map((entry) =>
      entry.whenEditing && can.edit
        ? { ...entry, description: entry.description + entry.whenEditing }
        : entry,
    );
}

export type ShortcutId = (typeof keyboardShortcuts)[number]['id'];

export function shortcut(id: ShortcutId): KeyboardShortcut {
  return keyboardShortcuts.find((entry) => entry.id === id)!;
}

/** `Mod+Shift+F` as this platform writes it: `Ctrl+Shift+F`, or `⌘+Shift+F` on a Mac. */
export function keyLabel(chord: string, mac = isMac()): string {
  return mac ? chord.replace(/^Mod\b/, '⌘').replace(/\bAlt\b/, '⌥') : chord.replace(/^Mod\b/, 'Ctrl');
}

/** The first chord of a shortcut, for a button's title: "Bold (Ctrl+B)". */
export function shortcutLabel(id: ShortcutId, mac = isMac()): string {
  return keyLabel(shortcut(id).keys[0] ?? '', mac);
}

function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Whether a key event is `chord` (`Mod` is Ctrl or ⌘; a lone character ignores Shift, as `?` needs it). */
export function matchesChord(event: KeyEventLike, chord: string): boolean {
  const parts = chord.split('+');
  const key = parts.at(-1)!;
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  if (event.altKey || (event.ctrlKey || event.metaKey) !== mod) return false;
  if (key.length === 1 && !/[a-z]/i.test(key)) return event.key === key;
  return event.shiftKey === shift && event.key.toLowerCase() === key.toLowerCase();
}
