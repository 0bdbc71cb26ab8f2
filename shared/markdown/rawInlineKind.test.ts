import { describe, expect, it } from 'vitest';
import { footnoteDefinition, linkDefinitions, mathBlock, rawInlineKind } from './rawInlineKind.js';

describe('rawInlineKind', () => {
  const cases: [string, ReturnType<typeof rawInlineKind>][] = [
    ['%% a note to self %%', { kind: 'comment', text: 'a note to self' }],
    ['[^1]', { kind: 'footnote', label: '1' }],
    ['[^long-note]', { kind: 'footnote', label: 'long-note' }],
    ['$x^2$', { kind: 'math', tex: 'x^2', display: false }],
    ['$$\\sum_i x_i$$', { kind: 'math', tex: '\\sum_i x_i', display: true }],
    ['&copy;', { kind: 'entity' }],
    ['^block-1', { kind: 'blockId', id: 'block-1' }],
    ['<kbd>', { kind: 'other' }],
    ['[the guide][guide]', { kind: 'referenceLink', text: 'the guide', label: 'guide', image: false }],
    ['[Guide][]', { kind: 'referenceLink', text: 'Guide', label: 'Guide', image: false }],
    ['![chart]', { kind: 'referenceLink', text: 'chart', label: 'chart', image: true }],
    [
      '[install Importer](obsidian://show-plugin?id=importer)',
      { kind: 'blockedLink', text: 'install Importer', href: 'obsidian://show-plugin?id=importer' },
    ],
    ['[x](JaVaScRiPt:alert(1))', { kind: 'blockedLink', text: 'x', href: 'JaVaScRiPt:alert(1' }],
  ];
  it.each(cases)('%s', (source, kind) => {
    expect(rawInlineKind(source)).toEqual(kind);
  });
});

describe('footnoteDefinition and mathBlock', () => {
  it('read a definition with an indented continuation, and a display block', () => {
    expect([
      footnoteDefinition('[^1]: First line\n    second line'),
      footnoteDefinition('Not [^1]: one'),
      mathBlock('$$\na + b\n$$'),
      mathBlock('$$ e = mc^2 $$'),
      mathBlock('$x$ and $$y$$ text'),
    ]).toEqual([{ label: '1', text: 'First line\nsecond line' }, undefined, 'a + b', 'e = mc^2', undefined]);
  });
});

describe('linkDefinitions', () => {
  const cases: [string, ReturnType<typeof linkDefinitions>][] = [
    [
      '[RFC 1]: https://example.com/1 "One"\n[guide]: <../guide.md>',
      [
        { label: 'RFC 1', destination: 'https://example.com/1' },
        { label: 'guide', destination: '../guide.md' },
      ],
    ],
    ['[a]: #section\nNot a definition', undefined],
    ['[^1]: a footnote', undefined],
  ];
  it.each(cases)('%s', (source, expected) => {
    expect(linkDefinitions(source)).toEqual(expected);
  });
});
