import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildContextMenuTemplate, type ContextMenuParams } from './contextMenu.js';

const none = {
  canUndo: false,
  canRedo: false,
  canCut: false,
  canCopy: false,
  canPaste: false,
  canSelectAll: false,
};
const all = { canUndo: true, canRedo: true, canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const base: ContextMenuParams = {
  misspelledWord: '',
  dictionarySuggestions: [],
  isEditable: false,
  selectionText: '',
  linkURL: '',
  editFlags: none,
};

/** Each item as a person reads it: its label (or role), `—` for a separator, `(off)` when disabled. */
function shown(template: MenuItemConstructorOptions[]): string[] {
  return template.map((item) =>
    item.type === 'separator' ? '—' : `${item.label ?? item.role}${item.enabled === false ? ' (off)' : ''}`,
  );
}

describe('buildContextMenuTemplate', () => {
  const cases: [string, Partial<ContextMenuParams>, string[]][] = [
    ['nothing under the cursor: no menu', {}, []],
    [
      'a selection in a read-only view',
      { selectionText: 'Guest checkout', editFlags: { ...none, canCopy: true } },
      ['copy'],
    ],
    [
      'a misspelled word in the editor',
      {
        isEditable: true,
        misspelledWord: 'recieve',
        dictionarySuggestions: ['receive', 'relieve'],
        editFlags: all,
      },
      [
        'receive',
        'relieve',
        'Add to Dictionary',
        '—',
        'undo',
        'redo',
        '—',
        'cut',
        'copy',
        'paste',
        'pasteAndMatchStyle',
        'selectAll',
      ],
    ],
    [
      'a misspelled word with no suggestions',
      { isEditable: true, misspelledWord: 'xqzt', editFlags: none },
      [
        'No Spelling Suggestions (off)',
        'Add to Dictionary',
        '—',
        'undo (off)',
        'redo (off)',
        '—',
        'cut (off)',
        'copy (off)',
        'paste (off)',
        'pasteAndMatchStyle (off)',
        'selectAll (off)',
      ],
    ],
    ['an external link', { linkURL: 'https://example.com/spec' }, ['Open Link', 'Copy Link Address']],
    [
      'a reference chip (an in-app link)',
      { linkURL: 'specbench-app://app/#/doc/specs/guest-checkout.md' },
      ['Open Link'],
    ],
    ['a broken reference chip (href #) offers no link', { linkURL: 'specbench-app://app/index.html#' }, []],
    ['a javascript: link is not offered', { linkURL: 'javascript:alert(1)' }, []],
    ['a file: link is not offered', { linkURL: 'file:///etc/passwd' }, []],
  ];
  it.each(cases)('%s', (_name, params, expected) => {
    const commands = {
      replaceMisspelling: () => undefined,
      addToDictionary: () => undefined,
      openLink: () => undefined,
      copyText: () => undefined,
      runPageAction: () => undefined,
    };
    expect(shown(buildContextMenuTemplate({ ...base, ...params }, commands))).toEqual(expected);
  });

  const clicks: [string, Partial<ContextMenuParams>, string, string][] = [
    [
      'a suggestion replaces the word',
      { isEditable: true, misspelledWord: 'recieve', dictionarySuggestions: ['receive'] },
      'receive',
      'replace receive',
    ],
    [
      'Add to Dictionary adds the misspelled word',
      { isEditable: true, misspelledWord: 'Specbench' },
      'Add to Dictionary',
      'add Specbench',
    ],
    [
      'Open Link hands the URL over',
      { linkURL: 'https://example.com/' },
      'Open Link',
      'open https://example.com/',
    ],
    [
      'Copy Link Address copies it',
      { linkURL: 'mailto:dana@example.com' },
      'Copy Link Address',
      'copy mailto:dana@example.com',
    ],
    ['a page action runs by id', {}, 'Copy Key REQ-2', 'page copy-key'],
  ];
  it.each(clicks)('%s', (_name, params, label, expected) => {
    const calls: string[] = [];
    const template = buildContextMenuTemplate(
      { ...base, ...params },
      {
        replaceMisspelling: (word) => calls.push(`replace ${word}`),
        addToDictionary: (word) => calls.push(`add ${word}`),
        openLink: (url) => calls.push(`open ${url}`),
        copyText: (text) => calls.push(`copy ${text}`),
        runPageAction: (id) => calls.push(`page ${id}`),
      },
      [{ id: 'copy-key', label: 'Copy Key REQ-2' }],
    );
    (template.find((item) => item.label === label)?.click as (() => void) | undefined)?.();
    expect(calls).toEqual([expected]);
  });
});
