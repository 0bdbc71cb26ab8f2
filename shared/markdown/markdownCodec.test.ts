import { type JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { setFrontMatterFields } from '../frontMatter/frontMatter.js';
import { createMarkdownCodec } from './markdownCodec.js';

const codec = createMarkdownCodec();

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function text(value: string): JSONContent {
  return { type: 'text', text: value };
}

function paragraph(...content: JSONContent[]): JSONContent {
  return { type: 'paragraph', content };
}

/** Returns a copy of the parsed document with `change` applied to its top-level content. */
function edit(source: string, change: (content: JSONContent[]) => void): string {
  const parsed = codec.parse(source);
  const doc = clone(parsed.doc);
  change(doc.content!);
  return codec.serialize(parsed, doc);
}

describe('createMarkdownCodec round trip', () => {
  it.each([
    ['empty', ''],
    ['blank lines only', '\n\n\n'],
    ['no final newline', '# Title\n\nBody'],
    ['CRLF', '# Title\r\n\r\nBody\r\n- a\r\n- b\r\n'],
    ['mixed line endings', '# Title\r\n\nBody\r\nmore\n\n- a\r\n'],
    ['BOM and front matter', '\uFEFF---\nkey: SPEC-1\n---\n# Title\n'],
    ['requirement', ':::requirement{#REQ-1 priority=must}\nText.\n\n- a\n:::\n'],
    ['unclosed requirement', ':::requirement{#REQ-1}\nText.\n'],
    ['trailing spaces', 'Text  \nmore   \n\n   \n'],
  ])('keeps %s byte for byte', (_name, source) => {
    const parsed = codec.parse(source);
    expect([codec.serialize(parsed), codec.serialize(parsed, clone(parsed.doc))]).toEqual([source, source]);
  });

  it('produces schema-valid JSON', () => {
    const parsed = codec.parse('# T\n\n:::requirement{#REQ-1}\n:::\n\n**[[SPEC-1]]** &copy; <br>\n');
    expect(Node.fromJSON(codec.schema, parsed.doc).check()).toBeUndefined();
  });
});

describe('createMarkdownCodec edits', () => {
  it.each<[string, string, (content: JSONContent[]) => void, string]>([
    [
      'changes only the edited paragraph',
      '# Title\n\n* one\n* two\n\nOld text.\n\n| a |b|\n|--|--|\n| 1 |2|\n',
      (content) => (content[2] = paragraph(text('New *text*.'))),
      '# Title\n\n* one\n* two\n\nNew \\*text\\*.\n\n| a |b|\n|--|--|\n| 1 |2|\n',
    ],
    [
      'keeps CRLF in an edited block',
      'One\r\n\r\nTwo\r\n',
      (content) => (content[1] = paragraph(text('Deux'))),
      'One\r\n\r\nDeux\r\n',
    ],
    [
      'inserts a block with a blank line',
      '# A\nText\n',
      (content) => content.splice(1, 0, paragraph(text('New'))),
      '# A\n\nNew\n\nText\n',
    ],
    ['deletes a block', 'One\n\nTwo\n\nThree', (content) => content.splice(1, 1), 'One\n\nThree'],
    [
      'edits an item of a loose list, its marker and spacing kept',
      '* one\n  more\n\n*   two\n\nAfter.\n',
      (content) => (content[0]!.content![1]!.content![0]!.content![0]!.text = 'two edited'),
      '* one\n  more\n\n*   two edited\n\nAfter.\n',
    ],
    [
      'adds an item to a loose list with a blank line',
      '* one\n  more\n\n*   two\n\nAfter.\n',
      (content) => content[0]!.content!.push({ type: 'listItem', content: [paragraph(text('three'))] }),
      '* one\n  more\n\n*   two\n\n*   three\n\nAfter.\n',
    ],
    [
      'writes a new loose list loose',
      'Before.\n',
      (content) =>
        content.push({
          type: 'bulletList',
          attrs: { loose: true },
          content: [
            { type: 'listItem', content: [paragraph(text('x'))] },
            { type: 'listItem', content: [paragraph(text('y'))] },
          ],
        }),
      'Before.\n\n- x\n\n- y\n',
    ],
    [
      'edits a paragraph holding code inside bold',
      'Text **a `b`** c\n',
      (content) => content[0]!.content!.push(text(' more')),
      'Text **a `b`** c more\n',
    ],
    [
      'moves a block keeping its source',
      'Setext\n===\n\nTwo\n',
      (content) => content.reverse(),
      'Two\n\nSetext\n===\n',
    ],
    [
      'escapes a paragraph that would become a heading or a list',
      'x\n',
      (content) =>
        content.push(paragraph(text('# not')), paragraph(text('1986. A year')), paragraph(text('- no'))),
      'x\n\n\\# not\n\n1986\\. A year\n\n\\- no\n',
    ],
    [
      'fences code containing a fence with a longer one',
      'x\n',
      (content) =>
        content.push({ type: 'codeBlock', attrs: { language: 'md' }, content: [text('```\ncode\n```')] }),
      'x\n\n````md\n```\ncode\n```\n````\n',
    ],
    [
      'keeps an edited requirement’s untouched blocks and fences',
      ':::requirement{#REQ-1   priority=must}\nFirst.\n\n\n- a\n-  b\n:::\n',
      (content) => (content[0]!.content![0] = paragraph(text('Changed.'))),
      ':::requirement{#REQ-1   priority=must}\nChanged.\n\n\n- a\n-  b\n:::\n',
    ],
    [
      'rewrites a requirement’s opening line when an attribute changes',
      ':::requirement{#REQ-1   priority=must}\nFirst.\n:::\n',
      (content) => (content[0]!.attrs = { ...content[0]!.attrs, status: 'approved' }),
      ':::requirement{#REQ-1 priority=must status=approved}\nFirst.\n:::\n',
    ],
    [
      'keeps bold around a reference',
      'x\n',
      (content) =>
        content.push(
          paragraph(
            {
              type: 'reference',
              attrs: { target: 'SPEC-1', anchor: null, label: null },
              marks: [{ type: 'bold' }],
            },
            text(' done'),
          ),
        ),
      'x\n\n**[[SPEC-1]]** done\n',
    ],
    [
      'writes content after front matter that ends the file',
      '---\nkey: SPEC-1\n---',
      (content) => (content[0] = paragraph(text('Body'))),
      '---\nkey: SPEC-1\n---\nBody\n',
    ],
    [
      'writes content into an empty document',
      '',
      (content) => (content[0] = paragraph(text('Hello'))),
      'Hello\n',
    ],
  ])('%s', (_name, source, change, expected) => {
    expect(edit(source, change)).toBe(expected);
  });

  it('writes changed front matter and keeps the body', () => {
    const source = '---\nkey: SPEC-1\ntitle: Old\n---\nBody\n';
    const parsed = codec.parse(source);
    const frontMatter = setFrontMatterFields(parsed.split.frontMatter!.raw, { title: 'New' });
    expect(codec.serialize(parsed, parsed.doc, frontMatter)).toBe(
      '---\nkey: SPEC-1\ntitle: New\n---\nBody\n',
    );
  });
});

describe('createMarkdownCodec writes new blocks', () => {
  const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
  const cell = (type: string, content: JSONContent): JSONContent => ({ type, content: [paragraph(content)] });
  it.each<[string, JSONContent, string]>([
    [
      'a requirement',
      {
        type: 'requirement',
        attrs: {
          key: 'REQ-7',
          priority: 'must',
          status: null,
          roadmap: ['RM-1', 'RM-2'],
          extra: [['owner', 'Dana K']],
        },
        content: [
          paragraph(text('Guests pay.')),
          { type: 'bulletList', content: [item(paragraph(text('Given a cart')))] },
        ],
      },
      ':::requirement{#REQ-7 priority=must roadmap=RM-1,RM-2 owner="Dana K"}\nGuests pay.\n\n- Given a cart\n:::',
    ],
    [
      'a table with a labelled reference and a bar',
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', text('A')), cell('tableHeader', text('B|C'))] },
          {
            type: 'tableRow',
            content: [
              cell('tableCell', {
                type: 'reference',
                attrs: { target: 'SPEC-1', anchor: null, label: 'one' },
              }),
              cell('tableCell', text('2')),
            ],
          },
        ],
      },
      '| A               | B\\|C |\n| --------------- | ---- |\n| [[SPEC-1\\|one]] | 2    |',
    ],
    [
      'an image with an awkward destination and title',
      paragraph({ type: 'image', attrs: { src: 'assets/a b.png', alt: 'An [alt]', title: 'T "q"' } }),
      '![An \\[alt\\]](<assets/a b.png> "T \\"q\\"")',
    ],
    [
      'a link with parentheses',
      paragraph(text('see '), {
        ...text('docs'),
        marks: [{ type: 'link', attrs: { href: 'https://example.com/a_(b)' } }],
      }),
      'see [docs](<https://example.com/a_(b)>)',
    ],
    [
      'code containing a fence',
      { type: 'codeBlock', attrs: { language: 'ts' }, content: [text('const a = `x`;\n```')] },
      '````ts\nconst a = `x`;\n```\n````',
    ],
    [
      'a quote of a heading-like line',
      { type: 'blockquote', content: [paragraph(text('# quoted'))] },
      '> \\# quoted',
    ],
    [
      'a heading ending in #',
      { type: 'heading', attrs: { level: 2 }, content: [text('Ends with #')] },
      '## Ends with \\#',
    ],
    [
      'text full of syntax characters',
      paragraph(text('*stars* _under_ [x] <tag> &amp; 5 * 3 snake_case $1 $2 %%c')),
      '\\*stars\\* \\_under\\_ \\[x] \\<tag> \\&amp; 5 * 3 snake_case \\$1 \\$2 \\%%c',
    ],
    // Walkthrough #11: typed brackets that start nothing stay as typed (Obsidian and GitHub read them so).
    [
      'brackets that start nothing, an unclosed [[ and a one-character box',
      paragraph(text('Costs [draft] and [1/2], then [ ] or [[Note]] and [^1], then [[Nobody')),
      'Costs [draft] and [1/2], then \\[ ] or \\[[Note]] and \\[^1], then [[Nobody',
    ],
    [
      'a link written out as text',
      paragraph(text('see [docs](guide.md) and [ab][cd]')),
      'see [docs\\](guide.md) and [ab\\][cd]',
    ],
  ])('%s', (_name, node, expected) => {
    const parsed = codec.parse('Intro.\n');
    const output = edit('Intro.\n', (content) => content.push(node));
    const back = codec.parse(output).doc.content![1];
    expect([output, back]).toEqual([`Intro.\n\n${expected}\n`, Node.fromJSON(codec.schema, node).toJSON()]);
    expect(parsed.doc.content).toHaveLength(1);
  });
});

describe('block kinds', () => {
  it.each([
    ['at the top level', ':::requirement{#REQ-1}\nText\n:::\n', 'requirement'],
    ['inside a list item', '- item\n\n  :::requirement{#REQ-1}\n  Text\n  :::\n', 'rawBlock'],
    ['inside a quote', '> :::requirement{#REQ-1}\n> Text\n> :::\n', 'rawBlock'],
    ['without a closing line', ':::requirement{#REQ-1}\nText\n', 'paragraph'],
    ['after a word and a full stop, which is no list marker', 'No. Choose a plan.\n', 'paragraph'],
    ['after a letter and a full stop', 'A. Introduction\n', 'paragraph'],
    ['after digits and a full stop', '3. Third\n', 'orderedList'],
  ])('%s', (_name, source, type) => {
    const parsed = codec.parse(source);
    expect([parsed.doc.content![0]!.type, codec.serialize(parsed, parsed.doc)]).toEqual([type, source]);
  });
});
