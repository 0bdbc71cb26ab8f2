import { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { sharedCodec } from '../../workbench/sharedCodec.js';
import {
  applyLink,
  keyLinkProblem,
  linkRange,
  removeLink,
  webAddress,
  type LinkTarget,
} from './linkCommands.js';

/** `text` with `«…»` marking the selection (`«»` a cursor), linked to `target`, as Markdown. */
function linked(text: string, target: LinkTarget | 'remove'): string {
  const codec = sharedCodec();
  const parsed = codec.parse(text.replace(/[«»]/g, ''));
  const editor = new Editor({ extensions: codec.extensions, content: parsed.doc });
  // Paragraph text starts at position 1 in a one-paragraph document.
  const from = text.indexOf('«') + 1;
  const to = text.indexOf('»');
  editor.commands.setTextSelection({ from, to });
  const range = linkRange(editor);
  if (target === 'remove') removeLink(editor, range);
  else applyLink(editor, range, target);
  const markdown = codec.serialize(parsed, editor.getJSON());
  editor.destroy();
  return markdown;
}

describe('applyLink and removeLink', () => {
  const cases: [string, string, LinkTarget | 'remove', string][] = [
    [
      'a key over selected text keeps the text as its label',
      'Pay with «saved cards» today.\n',
      { key: 'SPEC-2' },
      'Pay with [[SPEC-2|saved cards]] today.\n',
    ],
    [
      'a key over its own key needs no label',
      'See «SPEC-2» first.\n',
      { key: 'SPEC-2' },
      'See [[SPEC-2]] first.\n',
    ],
    [
      'a key with nothing selected is a bare reference',
      'See «» first.\n',
      { key: 'REQ-4' },
      'See [[REQ-4]] first.\n',
    ],
    [
      'brackets never reach a label',
      'Read «the [draft] notes» now.\n',
      { key: 'FAQ-1' },
      'Read [[FAQ-1|the draft notes]] now.\n',
    ],
    [
      'an address over selected text',
      'Read «the guide» now.\n',
      { href: 'https://example.com/guide' },
      'Read [the guide](https://example.com/guide) now.\n',
    ],
    [
      'an address with nothing selected is its own text',
      'Read «» now.\n',
      { href: 'https://example.com' },
      'Read <https://example.com> now.\n',
    ],
    [
      'a new address replaces the link the cursor is in',
      'Read [the gu«»ide](https://old.example) now.\n',
      { href: 'https://new.example' },
      'Read [the guide](https://new.example) now.\n',
    ],
    [
      'removing takes off the whole link around the cursor',
      'Read [the gu«»ide](https://old.example) now.\n',
      'remove',
      'Read the guide now.\n',
    ],
  ];
  it.each(cases)('%s', (_name, text, target, expected) => {
    expect(linked(text, target)).toBe(expected);
  });
});

describe('keyLinkProblem', () => {
  it('refuses a range across two paragraphs and accepts one inside a paragraph', () => {
    const codec = sharedCodec();
    const parsed = codec.parse('First paragraph.\n\nSecond paragraph.\n');
    const editor = new Editor({ extensions: codec.extensions, content: parsed.doc });
    const problems = [
      keyLinkProblem(editor, { from: 3, to: 25 }) !== undefined,
      keyLinkProblem(editor, { from: 1, to: 6 }),
    ];
    editor.destroy();
    expect(problems).toEqual([true, undefined]);
  });
});

describe('webAddress', () => {
  const cases: [string, ReturnType<typeof webAddress>][] = [
    ['https://example.com/a?b=1', { href: 'https://example.com/a?b=1' }],
    ['example.com/pricing', { href: 'https://example.com/pricing' }],
    ['www.example.co.uk', { href: 'https://www.example.co.uk' }],
    ['dana@example.com', { href: 'mailto:dana@example.com' }],
    ['mailto:dana@example.com', { href: 'mailto:dana@example.com' }],
    ['javascript:alert(1)', { refused: 'javascript' }],
    ['JaVaScRiPt:alert(1)', { refused: 'javascript' }],
    ['file:///etc/passwd', { refused: 'file' }],
    ['saved pay', undefined],
    ['SPEC-2', undefined],
    ['', undefined],
  ];
  it.each(cases)('%s', (typed, expected) => {
    expect(webAddress(typed)).toEqual(expected);
  });
});
