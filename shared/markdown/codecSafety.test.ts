import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { findRequirementStart } from './extensions/requirement.js';
import { createMarkdownCodec } from './markdownCodec.js';
import { findTableStart, taskListRegion } from './markdownExtensions.js';

const rest = 'Paragraph.\n\n'.repeat(2000);
const unknownHtml =
  '<custom-widget data-a="1">\nbody\n</custom-widget>\n\nInline <marquee>old</marquee> and <b>bold</b>.\n';

describe('createMarkdownCodec safety', () => {
  it('keeps HTML raw even when a DOM is present, never handing it to an HTML parser', () => {
    const globals = globalThis as { window?: unknown };
    const calls: string[] = [];
    // A DOM whose parser records every use: TipTap's stock path would call it and drop unknown tags.
    globals.window = {
      DOMParser: class {
        parseFromString(html: string) {
          calls.push(html);
          throw new Error('the codec must not parse HTML');
        }
      },
    };
    try {
      const codec = createMarkdownCodec();
      const parsed = codec.parse(unknownHtml);
      const types = parsed.doc.content!.map((node) => node.type);
      expect([codec.serialize(parsed, parsed.doc), types, calls]).toEqual([
        unknownHtml,
        ['rawBlock', 'paragraph'],
        [],
      ]);
    } finally {
      delete globals.window;
    }
  });

  it('registers no tokenizer on the global marked instance', () => {
    const before = marked.defaults.extensions;
    for (let count = 0; count < 30; count++) createMarkdownCodec().parse('[[SPEC-1]] &copy;\n');
    expect(marked.defaults.extensions).toBe(before);
  });

  // Marked asks block tokenizers at every block, passing the rest of the document: each must only
  // look at the block in front of it, or parsing grows with the square of the length.
  it.each([
    [
      'a task list',
      () => taskListRegion(`- [ ] a\n- [x] b\n  more\n\n${rest}`),
      '- [ ] a\n- [x] b\n  more\n\n',
    ],
    ['no task list', () => taskListRegion(`Text\n${rest}`), undefined],
    ['a table start', () => findTableStart(`a | b\n--|--\n${rest}`), 0],
    ['no table start', () => findTableStart(`a\nb\n${rest}`), -1],
    ['a requirement start', () => findRequirementStart(`Text\n:::requirement{#REQ-1}\nx\n:::\n${rest}`), 5],
    [
      'a requirement after a blank line',
      () => findRequirementStart(`Text\n\n:::requirement{#REQ-1}\n:::\n${rest}`),
      -1,
    ],
  ])('block tokenizers look only at the block ahead: %s', (_name, run, expected) => {
    expect(run()).toEqual(expected);
  });
});
