import { describe, it, expect } from 'vitest';
import { shortcutFor } from './useShortcuts.js';

const none = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };

describe('shortcutFor', () => {
  const cases: [string, Parameters<typeof shortcutFor>[0], string | undefined, boolean?][] = [
    ['Ctrl+P', { ...none, key: 'p', ctrlKey: true }, 'quickSwitcher'],
    ['Cmd+P', { ...none, key: 'p', metaKey: true }, 'quickSwitcher'],
    ['Ctrl+Shift+F', { ...none, key: 'F', ctrlKey: true, shiftKey: true }, 'search'],
    ['Ctrl+F stays the browser find', { ...none, key: 'f', ctrlKey: true }, undefined],
    ['Cmd+K', { ...none, key: 'k', metaKey: true }, 'palette'],
    ['plain p', { ...none, key: 'p' }, undefined],
    ['Ctrl+Alt+P', { ...none, key: 'p', ctrlKey: true, altKey: true }, undefined],
    [
      'Ctrl+K on text selected in a document is its link',
      { ...none, key: 'k', ctrlKey: true },
      undefined,
      true,
    ],
    [
      'Cmd+K on text selected in a document is its link',
      { ...none, key: 'k', metaKey: true },
      undefined,
      true,
    ],
    [
      'Ctrl+P on selected text is still the quick switcher',
      { ...none, key: 'p', ctrlKey: true },
      'quickSwitcher',
      true,
    ],
    ['? opens the shortcuts', { ...none, key: '?', shiftKey: true }, 'help'],
    ['F1 opens the shortcuts', { ...none, key: 'F1' }, 'help'],
    ['Ctrl+? is not ?', { ...none, key: '?', shiftKey: true, ctrlKey: true }, undefined],
    [
      'Ctrl+Shift+L shows Links and Comments',
      { ...none, key: 'L', ctrlKey: true, shiftKey: true },
      'sidePanel',
    ],
    ['Cmd+Shift+L too', { ...none, key: 'l', metaKey: true, shiftKey: true }, 'sidePanel'],
    ['Ctrl+L stays the address bar', { ...none, key: 'l', ctrlKey: true }, undefined],
  ];
  it.each(cases)('%s', (_name, event, expected, textSelected) => {
    expect(shortcutFor(event, textSelected)).toBe(expected);
  });

  it('? typed into a field or the document is a question mark; F1 still opens the shortcuts', () => {
    const typed = [
      shortcutFor({ ...none, key: '?', shiftKey: true }, false, true),
      shortcutFor({ ...none, key: 'F1' }, false, true),
      shortcutFor({ ...none, key: 'p', ctrlKey: true }, false, true),
    ];
    expect(typed).toEqual([undefined, 'help', 'quickSwitcher']);
  });
});
