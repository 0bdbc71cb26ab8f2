import { type JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { createMarkdownCodec } from './markdownCodec.js';

const codec = createMarkdownCodec();

const text = (value: string, ...marks: string[]): JSONContent =>
  marks.length > 0
    ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) }
    : { type: 'text', text: value };
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const bullets = (...items: JSONContent[]): JSONContent => ({ type: 'bulletList', content: items });
const cell = (type: string, value: string): JSONContent => ({ type, content: [paragraph(text(value))] });
const row = (type: string, ...values: string[]): JSONContent => ({
  type: 'tableRow',
  content: values.map((value) => cell(type, value)),
});

/** The file with `added` appended as new top-level blocks, saved. */
function appended(file: string, ...added: JSONContent[]): string {
  const parsed = codec.parse(file);
  return codec.serialize(parsed, { ...parsed.doc, content: [...(parsed.doc.content ?? []), ...added] });
}

describe('new Markdown is written in the style the file already uses', () => {
  const cases: [string, string, JSONContent[], string][] = [
    [
      'emphasis with _',
      'Some _em_ here.\n',
      [paragraph(text('New '), text('x', 'italic'))],
      'Some _em_ here.\n\nNew _x_\n',
    ],
    ['strong with __', 'Some __bold__.\n', [paragraph(text('y', 'bold'))], 'Some __bold__.\n\n__y__\n'],
    [
      'standard where the file has none',
      'Plain.\n',
      [paragraph(text('x', 'italic'), text(' '), text('y', 'bold'))],
      'Plain.\n\n*x* **y**\n',
    ],
    [
      '* bullets',
      '* a\n* b\n',
      [paragraph(text('p')), bullets(item(paragraph(text('c'))))],
      '* a\n* b\n\np\n\n* c\n',
    ],
    [
      '1) items',
      '1) a\n2) b\n',
      [
        paragraph(text('p')),
        {
          type: 'orderedList',
          attrs: { start: 1 },
          content: [item(paragraph(text('c'))), item(paragraph(text('d')))],
        },
      ],
      '1) a\n2) b\n\np\n\n1) c\n2) d\n',
    ],
    [
      'a nested list indented by four spaces',
      '- a\n    - b\n',
      [paragraph(text('p')), bullets(item(paragraph(text('c')), bullets(item(paragraph(text('d'))))))],
      '- a\n    - b\n\np\n\n- c\n    - d\n',
    ],
    [
      'a nested list indented by a tab',
      '- a\n\t- b\n',
      [paragraph(text('p')), bullets(item(paragraph(text('c')), bullets(item(paragraph(text('d'))))))],
      '- a\n\t- b\n\np\n\n- c\n\t- d\n',
    ],
    [
      'setext headings',
      'Title\n=====\n',
      [
        { type: 'heading', attrs: { level: 2 }, content: [text('Café au lait')] },
        { type: 'heading', attrs: { level: 3 }, content: [text('Deep')] },
      ],
      'Title\n=====\n\nCafé au lait\n------------\n\n### Deep\n',
    ],
    [
      'tilde fences',
      '~~~\nx\n~~~\n',
      [{ type: 'codeBlock', attrs: { language: 'sh' }, content: [text('ls\n~~~')] }],
      '~~~\nx\n~~~\n\n~~~~sh\nls\n~~~\n~~~~\n',
    ],
    [
      'two-space hard breaks',
      'a  \nb\n',
      [paragraph(text('c'), { type: 'hardBreak' }, text('d'))],
      'a  \nb\n\nc  \nd\n',
    ],
    ['*** rules', 'a\n\n***\n', [{ type: 'horizontalRule' }, paragraph(text('b'))], 'a\n\n***\n\n***\n\nb\n'],
    [
      'compact tables',
      '| a | b |\n|---|---|\n| longer | x |\n',
      [
        paragraph(text('p')),
        { type: 'table', content: [row('tableHeader', 'k', 'value'), row('tableCell', 'many words', 'v')] },
      ],
      '| a | b |\n|---|---|\n| longer | x |\n\np\n\n| k | value |\n| --- | --- |\n| many words | v |\n',
    ],
    [
      'padded tables by display width',
      '| a  | b |\n|----|---|\n| 中 | x |\n',
      [
        paragraph(text('p')),
        { type: 'table', content: [row('tableHeader', '名前', 'n'), row('tableCell', 'x', '🎉')] },
      ],
      '| a  | b |\n|----|---|\n| 中 | x |\n\np\n\n| 名前 | n   |\n| ---- | --- |\n| x    | 🎉  |\n',
    ],
    [
      'standard where the style would not read back (_ inside a word)',
      'Some _em_.\n',
      [paragraph(text('snake'), text('case', 'italic'), text('d'))],
      'Some _em_.\n\nsnake*case*d\n',
    ],
  ];
  it.each(cases)('%s', (_name, file, added, expected) => {
    expect(appended(file, ...added)).toBe(expected);
  });
});

describe('an edited block is written in its own style first', () => {
  const cases: [string, string, (doc: JSONContent) => void, string][] = [
    [
      'bold typed into a paragraph of a __ file',
      'Some __bold__ here.\n',
      (doc) => {
        doc.content![0]!.content!.push(text('more', 'bold'));
      },
      'Some __bold__ here.__more__\n',
    ],
    [
      'a * list among - lists, rewritten whole, keeps *',
      '- a\n- b\n\n* c\n* d\n\n- e\n',
      (doc) => {
        const list = doc.content![1]!;
        list.content![1]!.content!.push(bullets(item(paragraph(text('nested')))));
      },
      '- a\n- b\n\n* c\n* d\n  * nested\n\n- e\n',
    ],
  ];
  it.each(cases)('%s', (_name, file, edit, expected) => {
    const parsed = codec.parse(file);
    const doc = JSON.parse(JSON.stringify(parsed.doc)) as JSONContent;
    edit(doc);
    expect(codec.serialize(parsed, doc)).toBe(expected);
  });
});
