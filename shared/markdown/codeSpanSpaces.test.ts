import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from './markdownCodec.js';

const codec = createMarkdownCodec();

describe('code spans with spaces at an edge', () => {
  // Obsidian's help, Plugins/Search.md: "(e.g., `aliases: `)" was shown as a Markdown source box.
  it.each([
    ['a trailing space', 'The `null` operator (e.g., `aliases: `), but.\n', 'aliases: '],
    ['a leading space', 'Type ` b` here.\n', ' b'],
    ['a trailing tab', 'Type `b\t` here.\n', 'b\t'],
    ['spaces only', 'A ` ` space.\n', ' '],
  ])('are edited as code, not source, and kept byte for byte: %s', (_name, source, code) => {
    const parsed = codec.parse(source);
    const spans = (parsed.doc.content?.[0]?.content ?? []).filter((node) =>
      (node.marks ?? []).some((mark) => mark.type === 'code'),
    );
    expect({
      kind: parsed.doc.content?.[0]?.type,
      code: spans.at(-1)?.text,
      written: codec.serialize(parsed),
      rewritten: codec.serialize(parsed, JSON.parse(JSON.stringify(parsed.doc))),
    }).toEqual({ kind: 'paragraph', code, written: source, rewritten: source });
  });

  it('writes code typed with a trailing space inside its backticks', () => {
    const parsed = codec.parse('Old.\n');
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Set ' },
            { type: 'text', text: 'key: ', marks: [{ type: 'code' }] },
            { type: 'text', text: ' empty.' },
          ],
        },
      ],
    };
    expect(codec.serialize(parsed, doc)).toBe('Set `key: ` empty.\n');
  });
});
