import { type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from './markdownCodec.js';

// Numbered steps holding code blocks, quotes, lists and images: the shape of every install guide.
const codec = createMarkdownCodec();

const steps = [
  '1. Open a terminal.',
  '',
  '   ```bash',
  '   sudo snap install tool',
  '   ```',
  '',
  '2. Check the version:',
  '',
  '   ```',
  '   tool --version',
  '   ```',
  '',
  '   It prints 2.0 or later.',
  '',
  '3. Done.',
  '',
].join('\n');

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The text node at `path` of child indices below the document's first block. */
function textAt(doc: JSONContent, path: number[]): JSONContent {
  return path.reduce((node, index) => node.content![index]!, doc.content![0]!);
}

describe('list items holding blocks', () => {
  it.each([
    ['numbered steps with fenced code', steps],
    ['one item with a fence indented four', '10. Install:\n\n    ~~~json\n    { "a": 1 }\n    ~~~\n'],
    [
      'a bullet with a quote and a nested list',
      '- Register:\n  - open Settings;\n  - paste.\n\n  > Expires.\n',
    ],
    ['an item with an image paragraph', '1. Compare:\n\n   ![Settings](assets/settings.png)\n'],
    ['steps with ) delimiters', '1) Run:\n\n   ```sh\n   make\n   ```\n\n2) Stop.\n'],
  ])('shows %s as a list, byte-identical when untouched', (_name, source) => {
    const parsed = codec.parse(source);
    expect([
      parsed.doc.content!.map((node) => node.type),
      codec.serialize(parsed, clone(parsed.doc)),
    ]).toEqual([[source.startsWith('-') ? 'bulletList' : 'orderedList'], source]);
  });

  it.each<[string, number[], string, string]>([
    ['the code in a step', [1, 1, 0], 'tool --help', steps.replace('   tool --version', '   tool --help')],
    ['a step text', [0, 0, 0], 'Open a shell.', steps.replace('Open a terminal.', 'Open a shell.')],
    [
      'the paragraph after a code block',
      [1, 2, 0],
      'It prints 3.0.',
      steps.replace('It prints 2.0 or later.', 'It prints 3.0.'),
    ],
  ])('changes only %s when it is edited', (_name, path, value, expected) => {
    const parsed = codec.parse(steps);
    const doc = clone(parsed.doc);
    textAt(doc, path).text = value;
    expect(codec.serialize(parsed, doc)).toBe(expected);
  });

  it('writes a new step with a code block as a loose item that reads back the same', () => {
    const parsed = codec.parse(steps);
    const doc = clone(parsed.doc);
    const list = doc.content![0]!;
    list.content!.push({
      type: 'listItem',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Restart.' }] },
        { type: 'codeBlock', attrs: { language: 'sh' }, content: [{ type: 'text', text: 'tool restart' }] },
      ],
    });
    const output = codec.serialize(parsed, doc);
    expect([
      output.endsWith('3. Done.\n\n4. Restart.\n\n   ```sh\n   tool restart\n   ```\n'),
      codec.parse(output).doc,
    ]).toEqual([true, codec.schema.nodeFromJSON(doc).toJSON()]);
  });
});
